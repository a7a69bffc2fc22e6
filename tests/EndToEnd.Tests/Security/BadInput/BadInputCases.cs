using System.Text.Json;

namespace Cooperation.EndToEnd.Tests.Security.BadInput;

/// <summary>The table: every endpoint of the Registry, Prosecutor and State, through the gateway and directly.</summary>
public static class BadInputCases
{
    private const string Huge = "{huge}"; // replaced by 100,000 characters

    /// <summary>A valid draft, so that only the flaw under test can be the reason for a refusal.</summary>
    public static string Draft(Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["kind"] = "ArrestAndSurrender",
            ["stateCode"] = "UGA",
            ["classification"] = "Confidential",
            ["language"] = "en",
            ["readers"] = new[] { "chamber:PTC-II" },
            ["contents"] = new Dictionary<string, object?>
            {
                ["person"] = new Dictionary<string, object?> { ["name"] = "Fictitious Person B", ["dateOfBirth"] = "1970-01-01" },
                ["facts"] = "Crimes against humanity (Art 7).",
            },
        };
        change?.Invoke(body);
        return JsonSerializer.Serialize(body).Replace("\"" + Huge + "\"", "\"" + new string('x', 100_000) + "\"");
    }

    private static Dictionary<string, object?> Contents(Dictionary<string, object?> body) => (Dictionary<string, object?>)body["contents"]!;

    private static readonly (string Method, string Path, string? Body)[] RegistryEndpoints =
    [
        ("POST", "/registry/requests", Draft()),
        ("POST", "/registry/requests/{draft}/transmit", null),
        ("POST", "/registry/requests/{draft}/withdraw", "{}"),
        ("POST", "/registry/requests/{draft}/confirm", null),
        ("POST", "/registry/requests/{draft}/reclassify", """{"classification":"Public"}"""),
        ("GET", "/registry/requests", null),
        ("GET", "/registry/requests/{draft}", null),
    ];

    private static readonly (string Method, string Path, string? Body)[] ProsecutorEndpoints =
    [
        ("POST", "/prosecutor/requests", Draft(b => b["kind"] = "OtherAssistance")),
        ("GET", "/prosecutor/requests", null),
    ];

    private static readonly (string Method, string Path, string? Body)[] StateEndpoints =
    [
        ("POST", "/states/UGA/requests/{uga}/acknowledge", """{"acknowledgedBy":"Central authority, desk 2"}"""),
        ("POST", "/states/UGA/requests/{uga}/execution", null),
        ("POST", "/states/UGA/requests/{uga}/progress", """{"items":[],"note":"n"}"""),
        ("POST", "/states/UGA/requests/{uga}/execute", """{"partial":false,"items":[]}"""),
        ("POST", "/states/UGA/requests/{uga}/deny", """{"ground":"NationalSecurity","reasons":"r","conditionsConsidered":true}"""),
        ("POST", "/states/UGA/requests/{uga}/postpone", """{"ground":"OngoingInvestigation","until":"2030-01-01T00:00:00Z"}"""),
        ("POST", "/states/UGA/requests/{uga}/resume", null),
        ("GET", "/states/UGA/requests", null),
        ("GET", "/states/UGA/requests/{uga}", null),
    ];

    public static IReadOnlyList<BadInputCase> All()
    {
        var cases = new List<BadInputCase>();
        cases.AddRange(Credentials());
        foreach (var target in new[] { Target.Gateway, Target.Registry }) cases.AddRange(RegistryBodies(target));
        foreach (var target in new[] { Target.Gateway, Target.Uganda }) cases.AddRange(StateBodies(target));
        foreach (var target in new[] { Target.Gateway, Target.Registry, Target.Prosecutor, Target.Uganda }) cases.AddRange(Queries(target));
        cases.AddRange(PathTricks());
        cases.AddRange(Oversized());
        return cases;
    }

    /// <summary>Every endpoint, each flawed credential, through the gateway and straight to its service.</summary>
    private static IEnumerable<BadInputCase> Credentials()
    {
        var families = new[]
        {
            (Endpoints: RegistryEndpoints, Direct: Target.Registry, WrongScope: Caller.Public, OtherState: Caller.Uganda, OtherStateStatus: 403),
            (Endpoints: ProsecutorEndpoints, Direct: Target.Prosecutor, WrongScope: Caller.Registry, OtherState: Caller.SouthAfrica, OtherStateStatus: 403),
            (Endpoints: StateEndpoints, Direct: Target.Uganda, WrongScope: Caller.Registry, OtherState: Caller.SouthAfrica, OtherStateStatus: 404),
        };
        foreach (var family in families)
        foreach (var target in new[] { Target.Gateway, family.Direct })
        foreach (var (method, path, body) in family.Endpoints)
        {
            yield return new("no token", target, method, path, Caller.None, 401, body, TypeSuffix: "/unauthorized");
            yield return new("expired token", target, method, path, Caller.Expired, 401, body, TypeSuffix: "/unauthorized");
            yield return new("forged signature", target, method, path, Caller.Forged, 401, body, TypeSuffix: "/unauthorized");
            yield return new("wrong audience", target, method, path, Caller.WrongAudience, 401, body, TypeSuffix: "/unauthorized");
            yield return new("not a token", target, method, path, Caller.Garbage, 401, body, TypeSuffix: "/unauthorized");
            yield return new("wrong scope", target, method, path, family.WrongScope, 403, body, TypeSuffix: "/forbidden");
            yield return new("operator scope on a partner route", target, method, path, Caller.Operator, 403, body, TypeSuffix: "/forbidden");
            yield return new("another State's scope", target, method, path, family.OtherState, family.OtherStateStatus, body);
        }
    }

    private static IEnumerable<BadInputCase> RegistryBodies(Target target)
    {
        const string draft = "/registry/requests";
        BadInputCase Post(string name, string? body, int status = 400, string contentType = "application/json", string? type = null) =>
            new(name, target, "POST", draft, Caller.Registry, status, body, contentType, type);

        yield return Post("malformed JSON", """{"kind":"ArrestAndSurrender",""", type: "/malformed-body");
        yield return Post("not JSON at all", "hello", type: "/malformed-body");
        yield return Post("a JSON array, not an object", "[]", type: "/malformed-body");
        yield return Post("JSON null", "null");
        yield return Post("no body", null);
        yield return Post("JSON sent as text/plain", Draft(), 415, "text/plain", type: "/unsupported-media-type");
        // Issue 12: an unknown or non-UTF-8 charset answered 500; JSON is UTF-8 (RFC 8259 §8.1).
        yield return Post("charset utf-7", Draft(), 415, "application/json; charset=utf-7", type: "/unsupported-media-type");
        yield return Post("charset utf-16", Draft(), 415, "application/json; charset=utf-16", type: "/unsupported-media-type");
        yield return Post("an unknown charset", Draft(), 415, "application/json; charset=x-klingon", type: "/unsupported-media-type");
        yield return Post("an unparseable content type", Draft(), 415, "application/json; charset=\"", type: "/unsupported-media-type");
        yield return Post("wrong type: kind is a number", Draft(b => b["kind"] = 1), type: "/malformed-body");
        yield return Post("wrong type: urgent is a string", Draft(b => b["urgent"] = "yes"), type: "/malformed-body");
        yield return Post("wrong type: readers is a string", Draft(b => b["readers"] = "chamber:PTC-II"), type: "/malformed-body");
        yield return Post("wrong type: contents is a string", Draft(b => b["contents"] = "everything"), type: "/malformed-body");
        yield return Post("wrong type: date of birth is not a date", Draft(b =>
            ((Dictionary<string, object?>)Contents(b)["person"]!)["dateOfBirth"] = "yesterday"), type: "/malformed-body");
        yield return Post("unknown enum: kind", Draft(b => b["kind"] = "Abduction"), type: "/malformed-body");
        yield return Post("unknown enum: classification", Draft(b => b["classification"] = "TopSecret"), type: "/malformed-body");
        yield return Post("unknown enum: measure", Draft(b => Contents(b)["measure"] = "Everything"), type: "/malformed-body");
        yield return Post("missing fields: empty object", "{}", type: "/validation");
        yield return Post("missing field: classification", Draft(b => b.Remove("classification")), type: "/validation");
        yield return Post("missing field: stateCode", Draft(b => b.Remove("stateCode")), type: "/validation");
        yield return Post("extra field at the top", Draft(b => b["approvedBy"] = "nobody"), type: "/malformed-body");
        yield return Post("extra field inside contents", Draft(b => Contents(b)["sql"] = "DROP TABLE requests"), type: "/malformed-body");
        yield return Post("huge string: person's name", Draft(b =>
            ((Dictionary<string, object?>)Contents(b)["person"]!)["name"] = Huge), type: "/validation");
        yield return Post("huge string: facts", Draft(b => Contents(b)["facts"] = Huge), type: "/validation");
        yield return Post("huge string: language", Draft(b => b["language"] = Huge), type: "/validation");
        yield return Post("huge string: stateCode", Draft(b => b["stateCode"] = Huge), type: "/validation");
        yield return Post("huge string: a reader", Draft(b => b["readers"] = new[] { Huge }), type: "/validation");
        yield return Post("huge number where a boolean goes", Draft(b => b["urgent"] = 1e300), type: "/malformed-body");
        yield return Post("number beyond any type", Draft().Replace("\"language\":\"en\"", "\"language\":1" + new string('9', 400)), type: "/malformed-body");
        yield return Post("another State's code: not in the register", Draft(b => b["stateCode"] = "XYZ"), type: "/validation");
        yield return Post("a State code that is not one", Draft(b => b["stateCode"] = "../UGA"), type: "/validation");
        yield return Post("deeply nested JSON", Draft().TrimEnd('}') + ",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}", type: "/malformed-body");
        yield return new("reclassify: unknown enum", target, "POST", "/registry/requests/{draft}/reclassify", Caller.Registry, 400,
            """{"classification":"TopSecret"}""", TypeSuffix: "/malformed-body");
        yield return new("reclassify: extra field", target, "POST", "/registry/requests/{draft}/reclassify", Caller.Registry, 400,
            """{"classification":"Public","version":99}""", TypeSuffix: "/malformed-body");
        yield return new("reclassify: wrong type", target, "POST", "/registry/requests/{draft}/reclassify", Caller.Registry, 400,
            """{"classification":3}""", TypeSuffix: "/malformed-body");
        yield return new("transmit an unknown request", target, "POST", $"/registry/requests/{Guid.Empty}/transmit", Caller.Registry, 404,
            TypeSuffix: "/not-found");
        yield return new("transmit a request of the Prosecutor", target, "POST", "/registry/requests/{prosecutorDraft}/transmit", Caller.Registry, 404,
            TypeSuffix: "/not-found");
    }

    private static IEnumerable<BadInputCase> StateBodies(Target target)
    {
        const string ack = "/states/UGA/requests/{uga}/acknowledge";
        BadInputCase Post(string name, string path, string? body, int status = 400, string? type = "/malformed-body") =>
            new(name, target, "POST", path, Caller.Uganda, status, body, TypeSuffix: type);

        yield return Post("malformed JSON", ack, """{"acknowledgedBy":""");
        yield return Post("a JSON string, not an object", ack, "\"desk\"");
        yield return Post("wrong type: acknowledgedBy is a number", ack, """{"acknowledgedBy":42}""");
        yield return Post("extra field", ack, """{"acknowledgedBy":"desk","acknowledgedAt":"2020-01-01T00:00:00Z"}""");
        // Over a cap of StateInputLimits: 422 naming the field, before the command runs.
        BadInputCase OverCap(string name, string path, string body) => Post(name, path, body, 422, "/limit-exceeded");
        var huge = new string('x', 100_000);
        yield return OverCap("huge string: acknowledgedBy", ack, $$"""{"acknowledgedBy":"{{huge}}"}""");
        yield return OverCap("acknowledgedBy one over its cap", ack, $$"""{"acknowledgedBy":"{{new string('x', 201)}}"}""");
        yield return OverCap("progress: huge note", "/states/UGA/requests/{uga}/progress", $$"""{"items":[],"note":"{{huge}}"}""");
        yield return OverCap("progress: too many items", "/states/UGA/requests/{uga}/progress",
            $$"""{"items":[{{string.Join(",", Enumerable.Repeat("""{"description":"d"}""", 51))}}]}""");
        yield return OverCap("progress: huge item description", "/states/UGA/requests/{uga}/progress",
            $$"""{"items":[{"description":"{{huge}}"}]}""");
        yield return OverCap("execute: huge note", "/states/UGA/requests/{uga}/execute", $$"""{"partial":false,"note":"{{huge}}"}""");
        yield return OverCap("deny: huge reasons", "/states/UGA/requests/{uga}/deny", $$"""{"ground":"NationalSecurity","reasons":"{{huge}}"}""");
        yield return OverCap("consultation: huge description", "/states/UGA/requests/{uga}/consultations",
            $$"""{"grounds":["InsufficientInformation"],"description":"{{huge}}"}""");
        yield return OverCap("consultation: huge proposal", "/states/UGA/requests/{uga}/consultations",
            $$$"""{"grounds":["InsufficientInformation"],"description":"d","proposals":{"conditions":"{{{huge}}}"}}""");
        yield return OverCap("channel change: huge channel", "/states/UGA/register/channel", $$"""{"channel":"{{huge}}","languages":["en"]}""");
        yield return OverCap("channel change: too many languages", "/states/UGA/register/channel",
            $$"""{"channel":"Ministry","languages":[{{string.Join(",", Enumerable.Repeat("\"en\"", 11))}}]}""");
        yield return Post("huge number as acknowledgedBy", ack, """{"acknowledgedBy":1e308}""");
        yield return Post("deny: unknown ground", "/states/UGA/requests/{uga}/deny", """{"ground":"NotInTheMood","reasons":"r"}""");
        yield return Post("deny: missing body", "/states/UGA/requests/{uga}/deny", null, type: null);
        yield return Post("deny: wrong type", "/states/UGA/requests/{uga}/deny", """{"ground":"NationalSecurity","reasons":["r"]}""");
        yield return Post("postpone: until is not a time", "/states/UGA/requests/{uga}/postpone", """{"ground":"OngoingInvestigation","until":"soon"}""");
        yield return Post("postpone: until is a huge number", "/states/UGA/requests/{uga}/postpone", """{"ground":"OngoingInvestigation","until":99999999999999999999}""");
        yield return Post("postpone: unknown ground", "/states/UGA/requests/{uga}/postpone", """{"ground":"Weather"}""");
        yield return Post("execute: partial is a string", "/states/UGA/requests/{uga}/execute", """{"partial":"no","items":[]}""");
        yield return Post("execute: item without description", "/states/UGA/requests/{uga}/execute", """{"partial":false,"items":[{"done":true}]}""");
        yield return Post("progress: items is an object", "/states/UGA/requests/{uga}/progress", """{"items":{"a":1}}""");
        yield return Post("progress: item date is a huge number", "/states/UGA/requests/{uga}/progress", """{"items":[{"description":"d","on":1e400}]}""");
        yield return Post("acknowledge another State's request (its id)", "/states/UGA/requests/{zaf}/acknowledge", """{"acknowledgedBy":"desk"}""", 404, "/not-found");
        yield return Post("acknowledge an unknown request", $"/states/UGA/requests/{Guid.NewGuid()}/acknowledge", """{"acknowledgedBy":"desk"}""", 404, "/not-found");
        // An id is 36 characters: one with a trailing space (%20) or in braces names no request (the route's guid was lenient).
        yield return Post("acknowledge: id with a trailing space", "/states/UGA/requests/{uga}%20/acknowledge", """{"acknowledgedBy":"desk"}""", 404, "/not-found");
        yield return Post("acknowledge: id in braces", "/states/UGA/requests/%7B{uga}%7D/acknowledge", """{"acknowledgedBy":"desk"}""", 404, "/not-found");
    }

    private static IEnumerable<BadInputCase> Queries(Target target)
    {
        var (prefix, caller) = target switch
        {
            Target.Prosecutor => ("/prosecutor/requests", Caller.Prosecutor),
            Target.Uganda => ("/states/UGA/requests", Caller.Uganda),
            _ => ("/registry/requests", Caller.Registry),
        };
        yield return new("limit is not a number", target, "GET", prefix + "?limit=ten", caller, 400);
        yield return new("limit beyond any integer", target, "GET", prefix + "?limit=99999999999999999999", caller, 400);
        yield return new("unknown status", target, "GET", prefix + "?status=Lost", caller, 400);
        yield return new("cursor is not an id", target, "GET", prefix + "?cursor=../../etc/passwd", caller, 400);
        yield return new("unknown cursor", target, "GET", prefix + $"?cursor={Guid.NewGuid()}", caller, 400, TypeSuffix: "/validation");
        yield return new("an id that is not a GUID", target, "GET", prefix + "/REG-2026-000001", caller, 404);
        yield return new("an unknown id", target, "GET", prefix + $"/{Guid.NewGuid()}", caller, 404, TypeSuffix: "/not-found");
        yield return new("SQL in the id", target, "GET", prefix + "/1%27%20OR%20%271%27%3D%271", caller, 404);
    }

    private static IEnumerable<BadInputCase> PathTricks()
    {
        // Dot segments are resolved by the server before routing, so each lands on another route and is judged there.
        yield return new("dot segments out of the Registry into a State", Target.Gateway, "GET", "/registry/requests/../../states/UGA/requests", Caller.Registry, 403);
        yield return new("dot segments out of the Registry into a State (direct)", Target.Registry, "GET", "/registry/requests/../../states/UGA/requests", Caller.Registry, 404);
        yield return new("dot segments out of Uganda into South Africa", Target.Gateway, "GET", "/states/UGA/../ZAF/requests", Caller.Uganda, 404);
        yield return new("dot segments out of Uganda into South Africa (direct)", Target.Uganda, "GET", "/states/UGA/../ZAF/requests", Caller.Uganda, 404);
        yield return new("encoded slashes in an id", Target.Gateway, "POST", "/registry/requests/{draft}%2F..%2F..%2Fwithdraw/transmit", Caller.Registry, 404);
        yield return new("encoded slashes in an id (direct)", Target.Registry, "POST", "/registry/requests/{draft}%2F..%2F..%2Fwithdraw/transmit", Caller.Registry, 404);
        yield return new("encoded dot segments", Target.Gateway, "GET", "/states/UGA/requests/%2e%2e/%2e%2e/ZAF/requests", Caller.Uganda, 404);
        yield return new("encoded dot segments (direct)", Target.Uganda, "GET", "/states/UGA/requests/%2e%2e/%2e%2e/ZAF/requests", Caller.Uganda, 404);
        yield return new("another State's code, own token", Target.Gateway, "POST", "/states/ZAF/requests/{uga}/acknowledge", Caller.Uganda, 404, """{"acknowledgedBy":"desk"}""");
        yield return new("another State's code at its own node", Target.Uganda, "POST", "/states/ZAF/requests/{uga}/acknowledge", Caller.Uganda, 404, """{"acknowledgedBy":"desk"}""");
        yield return new("a State with no node", Target.Gateway, "GET", "/states/XYZ/requests", Caller.Uganda, 404);
        yield return new("a non-GUID id on a command", Target.Gateway, "POST", "/states/UGA/requests/not-a-guid/acknowledge", Caller.Uganda, 404, """{"acknowledgedBy":"desk"}""");
        yield return new("a non-GUID id on a command (direct)", Target.Uganda, "POST", "/states/UGA/requests/not-a-guid/acknowledge", Caller.Uganda, 404, """{"acknowledgedBy":"desk"}""");
        yield return new("a verb that does not exist", Target.Gateway, "POST", "/registry/requests/{draft}/approve", Caller.Registry, 404);
        yield return new("a verb that does not exist (direct)", Target.Registry, "POST", "/registry/requests/{draft}/approve", Caller.Registry, 404);
        yield return new("GET on a command", Target.Gateway, "GET", "/registry/requests/{draft}/transmit", Caller.Registry, 405);
        yield return new("DELETE on a request", Target.Gateway, "DELETE", "/registry/requests/{draft}", Caller.Registry, 405);
    }

    private static IEnumerable<BadInputCase> Oversized()
    {
        var body = Draft(b => Contents(b)["facts"] = new string('x', 2 * 1024 * 1024));
        yield return new("oversized body (2 MiB)", Target.Gateway, "POST", "/registry/requests", Caller.Registry, 413, body, TypeSuffix: "/payload-too-large");
        yield return new("oversized body (2 MiB, direct)", Target.Registry, "POST", "/registry/requests", Caller.Registry, 413, body, TypeSuffix: "/payload-too-large");
        yield return new("oversized body (2 MiB, direct to a State)", Target.Uganda, "POST", "/states/UGA/requests/{uga}/acknowledge", Caller.Uganda, 413,
            $$"""{"acknowledgedBy":"{{new string('x', 2 * 1024 * 1024)}}"}""", TypeSuffix: "/payload-too-large");
    }
}
