using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Partners;

/// <summary>
/// Partners write clients from the OpenAPI documents alone (issue 14), so the real documents, fetched through the
/// gateway from the running services, must say for every operation who may call it (the OAuth2 client-credentials
/// scheme at the gateway's token URL, with the scope) and what it may answer (every error a ProblemDetails with its
/// stable types, every success body its schema, one schema name one type). One operation without either fails the build.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiDocumentTests(PlatformFixture platform)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_of_every_document_names_its_scope_its_success_body_and_its_problems_as_problem_details()
    {
        var documents = new List<(string Path, HttpClient Caller, string Title)>
        {
            ("/docs/registry/openapi.json", PlatformFixture.CreateClient(platform.Gateway.BaseAddress, null), "Registry"),
            ("/docs/prosecutor/openapi.json", PlatformFixture.CreateClient(platform.Gateway.BaseAddress, null), "Prosecutor"),
            ("/docs/assembly/openapi.json", PlatformFixture.CreateClient(platform.Gateway.BaseAddress, null), "Assembly of States Parties"),
        };
        foreach (var code in PlatformFixture.States)
            documents.Add(($"/docs/states/{code}/openapi.json", platform.CreatePartnerClient($"state:{code}"), $"State Party node ({code})"));

        const string tokenUrl = "/connect/token"; // relative: the document names no host
        var failures = new List<string>();
        var schemaShapes = new Dictionary<string, (string Path, string Shape)>(StringComparer.Ordinal);
        foreach (var (path, caller, title) in documents)
        {
            using (caller)
            {
                using var response = await caller.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
                var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Contains(title, (string)document["info"]!["title"]!);
                var scheme = document["components"]!["securitySchemes"]!["oauth2"]!;
                Assert.Equal("oauth2", (string)scheme["type"]!);
                Assert.Equal(tokenUrl, (string)scheme["flows"]!["clientCredentials"]!["tokenUrl"]!);
                var declaredScopes = scheme["flows"]!["clientCredentials"]!["scopes"]!.AsObject().Select(s => s.Key).ToHashSet();
                Assert.NotNull(document["components"]!["schemas"]!["ProblemDetails"]);

                var operations = 0;
                foreach (var (route, item) in document["paths"]!.AsObject())
                foreach (var method in Methods)
                {
                    if (item![method] is not { } operation) continue;
                    operations++;
                    var name = $"{path} {method.ToUpperInvariant()} {route}";
                    // A generated client's method is named after it: a domain step, not a class of ours.
                    var operationId = (string?)operation["operationId"] ?? "";
                    if (operationId.Length == 0 || operationId.EndsWith("Endpoint", StringComparison.Ordinal))
                        failures.Add($"{name}: operationId '{operationId}' does not name the step");
                    var scopes = (operation["security"] as JsonArray ?? [])
                        .SelectMany(r => r!.AsObject().Where(s => s.Key == "oauth2").SelectMany(s => s.Value!.AsArray()))
                        .Select(s => (string)s!).ToList();
                    if (scopes.Count == 0) failures.Add($"{name}: no security requirement naming a scope");
                    failures.AddRange(scopes.Where(s => !declaredScopes.Contains(s)).Select(s => $"{name}: scope {s} not declared by the scheme"));

                    var responses = operation["responses"]?.AsObject() ?? [];
                    if (!responses.Any(r => r.Key.StartsWith('2'))) failures.Add($"{name}: no success response");
                    // A generated client types its result from this: without a schema it hands the partner an untyped body.
                    foreach (var (status, answer) in responses.Where(r => r.Key[0] == '2' && r.Key != "204"))
                        if (answer!["content"]?["application/json"]?["schema"] is null)
                            failures.Add($"{name}: {status} names no application/json schema of its body");
                    foreach (var status in new[] { "400", "401", "403", "429" })
                        if (responses[status] is null) failures.Add($"{name}: {status} not documented");
                    if (route.Contains('{') && responses["404"] is null) failures.Add($"{name}: 404 not documented");
                    if (method == "post" && (responses["409"] is null || responses["422"] is null)) failures.Add($"{name}: 409/422 not documented");
                    foreach (var (status, answer) in responses.Where(r => r.Key[0] is '4' or '5'))
                    {
                        var schema = answer!["content"]?["application/problem+json"]?["schema"]?["$ref"];
                        if ((string?)schema != "#/components/schemas/ProblemDetails") failures.Add($"{name}: {status} is not a ProblemDetails");
                        if (!((string?)answer["description"] ?? "").Contains("https://cooperation-platform.example/problems/"))
                            failures.Add($"{name}: {status} names no problem type");
                    }
                }
                Assert.True(operations > 5, $"{path}: only {operations} operations");

                // One name, one type: a partner's generated classes are named after the schemas, and a system talking to
                // several organs meets the same names in several documents. (Within one document the service refuses to
                // name two types alike: that document would not be served.) A type is its properties or its values; where
                // it is used nullable a document may add null, which is no other type.
                foreach (var (schemaName, schema) in document["components"]!["schemas"]!.AsObject())
                {
                    var shape = ShapeOf(schema!);
                    if (!schemaShapes.TryAdd(schemaName, (path, shape)) && schemaShapes[schemaName].Shape != shape)
                        failures.Add($"{path}: schema {schemaName} is another type than the {schemaName} of {schemaShapes[schemaName].Path}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string ShapeOf(JsonNode schema) =>
        schema["enum"] is JsonArray values
            ? "enum " + string.Join(",", values.OfType<JsonNode>().Select(v => v.ToJsonString()).Order(StringComparer.Ordinal))
            : schema["properties"] is JsonObject properties
                ? "object " + string.Join(",", properties.Select(p => p.Key).Order(StringComparer.Ordinal))
                : schema.ToJsonString();

    [Fact]
    public async Task The_registry_document_shows_a_draft_of_each_kind_and_describes_formats_and_state_codes()
    {
        using var anonymous = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, null);
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/docs/registry/openapi.json"))!;
        var draft = document["paths"]!["/registry/requests"]!["post"]!;
        var examples = draft["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();
        Assert.Equal(["ArrestAndSurrender", "OtherAssistance", "ProvisionalArrest", "Transit"], examples.Select(e => e.Key).Order());
        Assert.Equal("Transit", (string)examples["Transit"]!["value"]!["kind"]!);
        Assert.Equal(["registry"], draft["security"]![0]!["oauth2"]!.AsArray().Select(s => (string)s!));

        var schemas = document["components"]!["schemas"]!;
        var body = schemas["DraftRequestBody"]!["properties"]!;
        Assert.Equal("^[A-Z]{3}$", (string)body["stateCode"]!["pattern"]!);
        var report = schemas["ReportView"]!["properties"]!;
        Assert.Equal("uuid", (string)report["id"]!["format"]!);
        Assert.Equal("date-time", (string)report["at"]!["format"]!);
        Assert.Contains("UTC", (string)report["at"]!["description"]!);
        var classification = schemas["Classification"]!;
        Assert.Equal(["Confidential", "ExParte", "Public", "UnderSeal"],
            classification["enum"]!.AsArray().OfType<JsonNode>().Select(e => (string)e!).Order());
        // The draft's own sample, as the reference offers it, is accepted as it stands.
        using var registry = platform.CreatePartnerClient("registry");
        using var drafted = await registry.PostAsync("/registry/requests",
            new StringContent(examples["ArrestAndSurrender"]!["value"]!.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
    }
}
