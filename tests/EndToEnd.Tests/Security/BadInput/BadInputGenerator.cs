using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cooperation.EndToEnd.Tests.Security.BadInput;

/// <summary>What is wrong with a generated request (one flaw each, so the flaw is the only reason to refuse it).</summary>
public enum Flaw
{
    RandomShape, WrongType, DeepNesting, HugeField, HugeBody, Truncated, ContentType, BadHeader, PathTrick, BadToken,
}

/// <summary>Where a generated request goes and as whom.</summary>
public sealed record Door(string Name, Target Target, Caller Caller, string Scope);

/// <summary>
/// One generated request. <see cref="Expected"/> is the exact status when the flaw fixes it (a token flaw: 401, a
/// charset: 415, a body over the limit: 413); otherwise null and any 4xx will do. Headers are sent as given.
/// </summary>
public sealed record GeneratedCase(
    int Number, Flaw Flaw, string What, Door Door, string Method, string Path, string? Body, string? ContentType,
    IReadOnlyList<(string Name, string Value)> Headers, string? Token, int? Expected, bool IsTokenEndpoint = false)
{
    public override string ToString() =>
        $"#{Number} {Flaw} ({What}) {Door.Target} {Method} {(Path.Length > 120 ? Path[..120] + "…" : Path)} as {Door.Caller}" +
        $" [{ContentType ?? "no content type"}, body {Body?.Length ?? 0} chars]";
}

/// <summary>An endpoint that takes a JSON body, with a valid body: every generated flaw is applied to a real shape.</summary>
public sealed record BodyEndpoint(string Family, string Path, string Body, Caller Caller, string Scope, Target Direct);

/// <summary>
/// Issue 12 item 6, the door: malformed requests generated from a seed (printed, so a failure can be replayed with
/// COOP_BAD_INPUT_SEED), not only tabled. Every case carries exactly one flaw, applied to a valid request, so any
/// success would be a real gap (and a change of the stores, which the test compares).
/// </summary>
public sealed class BadInputGenerator(int seed, IReadOnlyDictionary<string, string> ids, Func<Caller, string, string> token)
{
    private readonly Random _random = new(seed);
    private int _number;

    public int Seed => seed;

    /// <summary>The seed: COOP_BAD_INPUT_SEED when set (to replay a run), otherwise a new one.</summary>
    public static int SeedFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("COOP_BAD_INPUT_SEED"), out var fixedSeed) ? fixedSeed : Random.Shared.Next(1, int.MaxValue);

    /// <summary>
    /// Every endpoint family that takes a body: the Registry's and Prosecutor's desks, a State's commands, the
    /// Assembly's Presidency (its cases by an id no case has: even a valid body could only be answered 404).
    /// </summary>
    public static readonly BodyEndpoint[] Endpoints =
    [
        new("registry", "/registry/requests", BadInputCases.Draft(), Caller.Registry, "registry", Target.Registry),
        new("registry", "/registry/requests/{draft}/reclassify", """{"classification":"Public"}""", Caller.Registry, "registry", Target.Registry),
        new("prosecutor", "/prosecutor/requests", BadInputCases.Draft(b => b["kind"] = "OtherAssistance"), Caller.Prosecutor, "prosecutor", Target.Prosecutor),
        new("state", "/states/UGA/requests/{uga}/acknowledge", """{"acknowledgedBy":"Central authority, desk 2"}""", Caller.Uganda, "state:UGA", Target.Uganda),
        new("state", "/states/UGA/requests/{uga}/progress", """{"items":[{"description":"Search of the premises"}],"note":"n"}""", Caller.Uganda, "state:UGA", Target.Uganda),
        new("state", "/states/UGA/requests/{uga}/deny", """{"ground":"NationalSecurity","reasons":"r","conditionsConsidered":true}""", Caller.Uganda, "state:UGA", Target.Uganda),
        new("state", "/states/UGA/requests/{uga}/postpone", """{"ground":"OngoingInvestigation","until":"2030-01-01T00:00:00Z"}""", Caller.Uganda, "state:UGA", Target.Uganda),
        new("state", "/states/UGA/requests/{uga}/consultations", """{"grounds":["InsufficientInformation"],"description":"d"}""", Caller.Uganda, "state:UGA", Target.Uganda),
        new("state", "/states/UGA/register/channel", """{"channel":"Ministry of Justice","languages":["en","fr"]}""", Caller.Uganda, "state:UGA", Target.Uganda),
        new("assembly", "/assembly/cases/{case}/informal-actions",
            """{"kind":"Demarche","on":"2026-01-10","interlocutor":"Permanent mission","outcome":"pending"}""", Caller.Assembly, "assembly", Target.Assembly),
        new("assembly", "/assembly/cases/{case}/formal-steps", """{"step":"EmergencyBureauMeeting","on":"2026-01-10"}""", Caller.Assembly, "assembly", Target.Assembly),
        new("assembly", "/assembly/cases/{case}/assignments",
            """{"focalPoint":"focal-point-africa","region":"AfricanStates","on":"2026-01-10"}""", Caller.Assembly, "assembly", Target.Assembly),
    ];

    /// <summary>Weights: the body flaws most (they reach the deepest code), a steady share of the others.</summary>
    private static readonly (Flaw Flaw, int Weight)[] Mix =
    [
        (Flaw.RandomShape, 10), (Flaw.WrongType, 16), (Flaw.DeepNesting, 5), (Flaw.HugeField, 10), (Flaw.HugeBody, 3),
        (Flaw.Truncated, 12), (Flaw.ContentType, 12), (Flaw.BadHeader, 10), (Flaw.PathTrick, 10), (Flaw.BadToken, 12),
    ];

    public GeneratedCase Next()
    {
        var number = ++_number;
        // A few token-endpoint cases (its failures count per address: a handful per run stays far below the limit).
        if (_random.Next(40) == 0) return TokenEndpoint(number);
        var endpoint = Endpoints[_random.Next(Endpoints.Length)];
        var direct = _random.Next(2) == 0;
        var door = new Door(endpoint.Family, direct ? endpoint.Direct : Target.Gateway, endpoint.Caller, endpoint.Scope);
        var path = Fill(endpoint.Path);
        var body = endpoint.Body;
        var good = token(endpoint.Caller, endpoint.Scope);
        var flaw = Pick();
        const string json = "application/json";
        List<(string, string)> none = [];
        switch (flaw)
        {
            case Flaw.RandomShape:
                return new(number, flaw, "a random JSON value where an object goes", door, "POST", path, RandomShape(), json, none, good, null);
            case Flaw.WrongType:
            {
                var node = JsonNode.Parse(body)!;
                var (where, kind) = ReplaceRandomLeaf(node);
                return new(number, flaw, $"{where} is {kind}", door, "POST", path, node.ToJsonString(), json, none, good, null);
            }
            case Flaw.DeepNesting:
            {
                var node = JsonNode.Parse(body)!.AsObject();
                var depth = _random.Next(65, 4000);
                var array = _random.Next(2) == 0;
                var nested = array ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                var field = node.Select(p => p.Key).ElementAt(_random.Next(node.Count));
                var text = node.ToJsonString().Replace($"\"{field}\":", $"\"{field}\":{nested},\"zz\":", StringComparison.Ordinal);
                return new(number, flaw, $"{field} nested {depth} deep", door, "POST", path, text, json, none, good, null);
            }
            case Flaw.HugeField:
            {
                var node = JsonNode.Parse(body)!;
                var strings = Leaves(node).Where(l => l.Value.GetValueKind() == JsonValueKind.String).ToList();
                var (leafPath, leaf) = strings[_random.Next(strings.Count)];
                // Over every cap (the largest is 10,000 characters) and under the 1 MiB body limit.
                var length = _random.Next(12_000, 600_000);
                leaf.ReplaceWith(JsonValue.Create(RandomText(length)));
                return new(number, flaw, $"{leafPath} of {length} characters", door, "POST", path, node.ToJsonString(), json, none, good, null);
            }
            case Flaw.HugeBody:
            {
                var length = _random.Next(1_100_000, 2_500_000);
                var text = body.TrimEnd('}') + ",\"zz\":\"" + new string('x', length) + "\"}";
                return new(number, flaw, $"a body of {text.Length} characters", door, "POST", path, text, json, none, good, 413);
            }
            case Flaw.Truncated:
            {
                var cut = _random.Next(1, body.Length);
                return new(number, flaw, $"cut after {cut} of {body.Length} characters", door, "POST", path, body[..cut], json, none, good, null);
            }
            case Flaw.ContentType:
            {
                var contentType = RandomContentType();
                return new(number, flaw, contentType ?? "no content type", door, "POST", path, body, contentType, none, good, 415);
            }
            case Flaw.BadHeader:
            {
                var (name, value, expected) = RandomBadHeader(good);
                return new(number, flaw, $"{name}: {(value.Length > 60 ? value[..60] + "…" : value)}", door, "POST", path, body, json,
                    [(name, value)], name == "Authorization" ? null : good, expected == 0 ? null : expected);
            }
            case Flaw.PathTrick:
            {
                var trick = RandomPathTrick(path);
                return new(number, flaw, "path trick", door, "POST", trick, body, json, none, good, null);
            }
            default:
            {
                var (what, bad) = RandomBadToken(endpoint);
                return new(number, flaw, what, door, "POST", path, body, json, none, bad, 401);
            }
        }
    }

    private Flaw Pick()
    {
        var roll = _random.Next(Mix.Sum(m => m.Weight));
        foreach (var (flaw, weight) in Mix)
        {
            if (roll < weight) return flaw;
            roll -= weight;
        }
        return Flaw.WrongType;
    }

    private string Fill(string path) => path
        .Replace("{draft}", ids["draft"]).Replace("{uga}", ids["uga"]).Replace("{case}", ids["case"]);

    // --- JSON -------------------------------------------------------------------------------------------------

    /// <summary>Anything but an object at the top (arrays, strings, numbers, booleans, nested mixtures), or an object of unknown members.</summary>
    private string RandomShape()
    {
        // Never a bare null: for a command whose body is optional (acknowledge), null is no body, a valid call.
        var value = RandomValue(_random.Next(1, 6)) ?? new JsonArray();
        if (value is JsonObject obj)
        {
            // Unknown members only ("zz" is no field of any body): refused, never bound to an empty command.
            var renamed = new JsonObject();
            foreach (var (key, child) in obj.ToList())
            {
                obj.Remove(key);
                renamed["zz" + key] = child;
            }
            if (renamed.Count == 0) renamed["zz"] = 1;
            value = renamed;
        }
        return value.ToJsonString();
    }

    private JsonNode? RandomValue(int depth)
    {
        switch (_random.Next(depth <= 0 ? 4 : 6))
        {
            case 0: return JsonValue.Create(RandomText(_random.Next(0, 40)));
            case 1: return _random.Next(3) switch { 0 => JsonValue.Create(_random.Next()), 1 => JsonValue.Create(-_random.NextDouble() * 1e300), _ => JsonValue.Create(0) };
            case 2: return JsonValue.Create(_random.Next(2) == 0);
            case 3: return null;
            case 4:
            {
                var array = new JsonArray();
                for (var i = _random.Next(0, 5); i > 0; i--) array.Add(RandomValue(depth - 1));
                return array;
            }
            default:
            {
                var obj = new JsonObject();
                for (var i = _random.Next(0, 5); i > 0; i--) obj[RandomKey()] = RandomValue(depth - 1);
                return obj;
            }
        }
    }

    private string RandomKey() => "k" + _random.Next(1000);

    /// <summary>Every leaf (string, number, boolean) with its JSON path.</summary>
    private static IEnumerable<(string Path, JsonValue Value)> Leaves(JsonNode node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                    if (child is not null)
                        foreach (var leaf in Leaves(child, path.Length == 0 ? key : $"{path}.{key}")) yield return leaf;
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is { } child)
                        foreach (var leaf in Leaves(child, $"{path}[{i}]")) yield return leaf;
                break;
            case JsonValue value:
                yield return (path, value);
                break;
        }
    }

    /// <summary>One leaf or list replaced by a value of another JSON kind (never null: an optional field may be null).</summary>
    private (string Where, string Kind) ReplaceRandomLeaf(JsonNode root)
    {
        var targets = Leaves(root).Select(l => (l.Path, Node: (JsonNode)l.Value)).ToList();
        foreach (var (key, child) in root.AsObject())
            if (child is JsonArray or JsonObject) targets.Add((key, child));
        var (where, node) = targets[_random.Next(targets.Count)];
        var kind = node.GetValueKind();
        // Strings become what no string field reads; the rest become a non-numeric string (or another container).
        var choices = kind switch
        {
            JsonValueKind.String => new[] { "a number", "a boolean", "an array", "an object" },
            JsonValueKind.Array => ["a string", "a number", "an object"],
            JsonValueKind.Object => ["a string", "a number", "an array"],
            _ => ["a string", "an array", "an object"],
        };
        var chosen = choices[_random.Next(choices.Length)];
        JsonNode replacement = chosen switch
        {
            "a number" => JsonValue.Create(_random.Next(2) == 0 ? _random.Next() : 1e300),
            "a boolean" => JsonValue.Create(_random.Next(2) == 0),
            "an array" => new JsonArray(JsonValue.Create(RandomText(5)), JsonValue.Create(_random.Next())),
            "an object" => new JsonObject { ["zz"] = RandomText(5) },
            _ => JsonValue.Create("zz" + RandomText(_random.Next(1, 20)))!,
        };
        if (node.Parent is JsonObject parent) parent[node.GetPropertyName()] = replacement;
        else if (node.Parent is JsonArray array) array[node.GetElementIndex()] = replacement;
        return (where, chosen);
    }

    /// <summary>Printable text with the characters that break naive code: quotes, backslashes, markup, control characters, emoji.</summary>
    private string RandomText(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '\"\\<>&%;{}[]\t\n\u00e9\u4e2d\u202e\u0000";
        if (length > 5_000) return string.Create(length, _random.Next(), (span, s) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + (i * 7 + s) % 26); });
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            if (_random.Next(50) == 0) { text.Append("\U0001F600"); i++; continue; }
            text.Append(alphabet[_random.Next(alphabet.Length)]);
        }
        return text.ToString();
    }

    // --- headers, paths, tokens -------------------------------------------------------------------------------

    // Never us-ascii: a subset of UTF-8, accepted (token form posts declare it), so not a bad charset.
    private static readonly string[] Charsets =
        ["utf-7", "UTF-7", "utf-16", "utf-16le", "utf-32", "iso-8859-1", "latin1", "windows-1252", "ebcdic-cp-us", "gb2312", "shift_jis", "x-klingon", "utf-8-but-not", "\"utf-7\""];

    private static readonly string[] MediaTypes =
        ["text/plain", "text/html", "text/json", "application/xml", "application/octet-stream", "application/x-www-form-urlencoded",
         "multipart/form-data; boundary=zz", "application/jsonx", "json", "application/", "/json", "*/*", "application/json; charset=\"utf-8"];

    /// <summary>A non-UTF-8 or unknown charset, a type that is not JSON, an unreadable header, or none at all.</summary>
    private string? RandomContentType() => _random.Next(4) switch
    {
        0 or 1 => "application/json; charset=" + Charsets[_random.Next(Charsets.Length)],
        2 => MediaTypes[_random.Next(MediaTypes.Length)],
        _ => _random.Next(3) == 0 ? null : $"x-{RandomAscii(6)}/{RandomAscii(6)}",
    };

    private string RandomAscii(int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)('a' + _random.Next(26))).ToArray());

    /// <summary>An Idempotency-Key no command accepts (400), or an Authorization header that is no bearer token (401).</summary>
    private (string Name, string Value, int Expected) RandomBadHeader(string good)
    {
        if (_random.Next(2) == 0)
        {
            var value = _random.Next(4) switch
            {
                0 => new string('k', _random.Next(129, 6000)), // over 128 characters
                1 => "key " + RandomAscii(8), // a space
                2 => RandomAscii(4) + "!/#\"'<>"[_random.Next(7)] + RandomAscii(4),
                _ => RandomAscii(6) + "," + RandomAscii(6), // two keys in one header
            };
            return ("Idempotency-Key", value, 0); // 400 from the idempotency filter; any 4xx passes (0: no exact status)
        }
        var authorization = _random.Next(7) switch
        {
            0 => "Bearer",
            1 => "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("registry-desk:" + RandomAscii(12))),
            2 => "Token " + good,
            3 => "Bearer " + good + " " + good,
            4 => "Bearer " + new string('A', _random.Next(3000, 7000)),
            5 => "bearer" + good,
            _ => "Bearer " + RandomAscii(20) + "." + RandomAscii(30) + "." + RandomAscii(40),
        };
        return ("Authorization", authorization, 401);
    }

    private static readonly string[] Segments =
        ["%2e%2e", "..%2f..%2f", "%2e%2e%2f%2e%2e%2fZAF", "%00", "%252e%252e", "%c0%ae%c0%ae", "..;", ";x=1", "%20", "~", "%ff%fe",
         "%u002e", "%5c..%5c", "*", "$metadata", "'%20OR%20'1'='1", "%3Cscript%3E", "%E2%80%AE", "con", ".%2e"];

    /// <summary>The path's id (or the whole tail) replaced by junk: encoded dots and slashes, NULs, overlong UTF-8, very long segments.</summary>
    private string RandomPathTrick(string path)
    {
        var parts = path.Split('/');
        var junk = _random.Next(5) == 0 ? new string('a', _random.Next(300, 3500)) : Segments[_random.Next(Segments.Length)];
        // The id (a GUID) is the segment to replace; paths without one get junk in their last segment.
        var index = Array.FindIndex(parts, p => Guid.TryParse(p, out _));
        if (index < 0) index = parts.Length - 1;
        parts[index] = _random.Next(3) == 0 ? parts[index] + junk : junk;
        var trick = string.Join('/', parts);
        return _random.Next(6) == 0 ? trick.Replace("/", "//", StringComparison.Ordinal) : trick;
    }

    /// <summary>No token, a flawed real one (expired, forged, wrong audience), a tampered or truncated real one, "alg":"none", or garbage.</summary>
    private (string What, string? Token) RandomBadToken(BodyEndpoint endpoint)
    {
        var good = token(endpoint.Caller, endpoint.Scope);
        switch (_random.Next(8))
        {
            case 0: return ("no token", null);
            case 1: return ("expired", token(Caller.Expired, endpoint.Scope));
            case 2: return ("forged signature", token(Caller.Forged, endpoint.Scope));
            case 3: return ("wrong audience", token(Caller.WrongAudience, endpoint.Scope));
            case 4:
            {
                // One character of the signature changed.
                // Not the last character: some of its bits are padding, and changing them changes no byte.
                var at = good.LastIndexOf('.') + 1 + _random.Next(good.Length - good.LastIndexOf('.') - 2);
                var swapped = good[at] == 'A' ? 'B' : 'A';
                return ("tampered signature", good[..at] + swapped + good[(at + 1)..]);
            }
            case 5: return ("truncated", good[.._random.Next(1, good.Length - 1)]);
            case 6:
            {
                var payload = good.Split('.')[1];
                var header = Base64Url("""{"alg":"none","typ":"at+jwt"}""");
                return ("alg none", $"{header}.{payload}.");
            }
            default: return ("garbage", Base64Url(RandomAscii(20)) + "." + Base64Url(RandomAscii(40)) + "." + RandomAscii(43));
        }
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The gateway's token endpoint: a client that does not exist, with a broken form, a wrong type or charset, or too much.</summary>
    private GeneratedCase TokenEndpoint(int number)
    {
        var door = new Door("token", Target.Gateway, Caller.None, "");
        var form = $"grant_type=client_credentials&client_id=fuzz-{RandomAscii(8)}&client_secret={RandomAscii(24)}";
        const string formType = "application/x-www-form-urlencoded";
        List<(string, string)> none = [];
        return _random.Next(6) switch
        {
            0 => new(number, Flaw.ContentType, "form in utf-7", door, "POST", "/connect/token", form, formType + "; charset=utf-7", none, null, 415, true),
            1 => new(number, Flaw.ContentType, "form as JSON", door, "POST", "/connect/token", """{"grant_type":"client_credentials"}""", "application/json", none, null, null, true),
            2 => new(number, Flaw.Truncated, "truncated form", door, "POST", "/connect/token", form[.._random.Next(1, 30)] + "%", formType, none, null, null, true),
            3 => new(number, Flaw.HugeBody, "form over the body limit", door, "POST", "/connect/token", form + "&x=" + new string('x', 1_200_000), formType, none, null, null, true),
            4 => new(number, Flaw.RandomShape, "unknown grant", door, "POST", "/connect/token", form.Replace("client_credentials", RandomAscii(10)), formType, none, null, null, true),
            _ => new(number, Flaw.BadHeader, "duplicate parameters", door, "POST", "/connect/token", form + "&grant_type=password&client_id=x", formType, none, null, null, true),
        };
    }
}
