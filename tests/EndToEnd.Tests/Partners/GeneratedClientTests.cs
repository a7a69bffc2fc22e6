using System.Net.Http.Headers;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;

namespace Cooperation.EndToEnd.Tests.Partners;

/// <summary>
/// A partner generates a working client from the documents alone (issue 14): NSwag's C# generator (NuGet's
/// NSwag.CodeGeneration.CSharp, default settings but System.Text.Json) runs on the Registry's and Uganda's documents
/// as the gateway serves them; the generated code is compiled with a partner's program written against its types
/// (<see cref="PartnerProgram"/>), and the program runs the arrest-request flow through the gateway with tokens it
/// obtained at /connect/token: the Registry drafts and transmits, Uganda's system reads and acknowledges, the
/// Registry sees it Acknowledged, and a refusal arrives as the generated ProblemDetails with its stable type.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GeneratedClientTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_client_generated_from_the_documents_runs_the_arrest_request_flow_through_the_gateway()
    {
        using var registryHttp = Partner(await platform.RequestTokenAsync("registry-desk", platform.SecretOf("registry-desk")));
        using var ugandaHttp = Partner(await platform.RequestTokenAsync("state-uga-cms", platform.SecretOf("state-uga-cms")));
        // The Registry's document is public; a State's is its own systems' only (a State token).
        var registryDocument = await registryHttp.GetStringAsync("/docs/registry/openapi.json");
        var ugandaDocument = await ugandaHttp.GetStringAsync("/docs/states/UGA/openapi.json");

        var program = Compile(
            await GenerateAsync(registryDocument, "Generated.Registry", "RegistryClient"),
            await GenerateAsync(ugandaDocument, "Generated.State", "StateClient"),
            PartnerProgram);
        var run = program.GetType("Partner.ArrestRequestFlow")!.GetMethod("RunAsync")!;
        var seen = await (Task<Dictionary<string, string>>)run.Invoke(null, [registryHttp, ugandaHttp, TimeSpan.FromSeconds(30)])!;

        Assert.Equal("Draft", seen["drafted"]);
        Assert.Equal("Transmitted", seen["transmitted"]);
        Assert.Equal("ArrestAndSurrender", seen["received kind"]);
        Assert.Equal("Fictitious Person A", seen["received person"]);
        Assert.Equal("ICC-01/99-01/26-1", seen["received warrant"]);
        Assert.Equal(seen["reference"], seen["received reference"]);
        Assert.Equal("Acknowledged", seen["acknowledged"]);
        Assert.Equal("Acknowledged", seen["registry sees"]);
        Assert.Equal("Central authority of Uganda (generated client)", seen["registry sees acknowledged by"]);
        Assert.Equal("404 https://cooperation-platform.example/problems/not-found", seen["unknown request"]);
    }

    /// <summary>What a partner writes against the generated client: typed models and methods, nothing by hand.</summary>
    private const string PartnerProgram = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Generated.Registry;
        using State = Generated.State;

        namespace Partner;

        public static class ArrestRequestFlow
        {
            public static async Task<Dictionary<string, string>> RunAsync(HttpClient registryHttp, HttpClient ugandaHttp, TimeSpan patience)
            {
                var seen = new Dictionary<string, string>();
                var registry = new RegistryClient(registryHttp);
                var uganda = new State.StateClient(ugandaHttp);
                var until = DateTime.UtcNow + patience;

                var draft = await registry.RegistryDraftRequestAsync(new DraftRequestBody
                {
                    Kind = RequestKind.ArrestAndSurrender,
                    StateCode = "UGA",
                    Classification = Classification.UnderSeal,
                    Language = "en",
                    Readers = ["chamber:PTC-II"],
                    Contents = new RequestContents
                    {
                        Person = new PersonParticulars { Name = "Fictitious Person A", Description = "Tall, scar on the left hand" },
                        ProbableLocation = "Capital district",
                        Warrant = new DocumentReference { Reference = "ICC-01/99-01/26-1", Title = "Warrant of arrest", Sha256 = new string('a', 64) },
                        SupportingDocuments = [new DocumentReference { Reference = "ICC-01/99-01/26-2", Title = "Summary of facts", Sha256 = new string('b', 64) }],
                    },
                }, CancellationToken.None);
                seen["drafted"] = draft.Status.ToString();
                seen["reference"] = draft.Reference;
                var transmitted = await registry.RegistryTransmitRequestAsync(draft.Id, CancellationToken.None);
                seen["transmitted"] = transmitted.Status.ToString();

                // Uganda's system reads the request once its node has stored it (404 until then), and acknowledges it.
                State.ReceivedRequestView received;
                while (true)
                {
                    try { received = await uganda.GetReceivedRequestAsync("UGA", draft.Id, CancellationToken.None); break; }
                    catch (State.ApiException<State.ProblemDetails> e) when (e.StatusCode == 404 && DateTime.UtcNow < until) { await Task.Delay(200); }
                }
                seen["received kind"] = received.Kind.ToString();
                seen["received reference"] = received.Reference;
                seen["received person"] = received.Contents.Person.Name;
                seen["received warrant"] = received.Contents.Warrant.Reference;
                var acknowledged = await uganda.AcknowledgeRequestAsync("UGA", draft.Id,
                    new State.AcknowledgeBody { AcknowledgedBy = "Central authority of Uganda (generated client)" }, CancellationToken.None);
                seen["acknowledged"] = acknowledged.Status.ToString();

                // The Registry learns it from the State's message, not from the call: wait for it.
                RequestView view;
                do
                {
                    view = await registry.RegistryGetRequestAsync(draft.Id, CancellationToken.None);
                    if (view.Status != RequestStatus.Acknowledged) await Task.Delay(200);
                } while (view.Status != RequestStatus.Acknowledged && DateTime.UtcNow < until);
                seen["registry sees"] = view.Status.ToString();
                seen["registry sees acknowledged by"] = view.Evidence?.AcknowledgedBy ?? "";

                // A refusal is the generated exception carrying the ProblemDetails, to branch on its stable type.
                try { await registry.RegistryTransmitRequestAsync(Guid.NewGuid(), CancellationToken.None); seen["unknown request"] = "transmitted?"; }
                catch (ApiException<ProblemDetails> e) { seen["unknown request"] = $"{e.StatusCode} {e.Result.Type}"; }
                return seen;
            }
        }
        """;

    private HttpClient Partner(string token)
    {
        var http = new HttpClient { BaseAddress = platform.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<string> GenerateAsync(string json, string ns, string className)
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(json);
        // Paths are relative to the gateway (the document names no server): the partner's HttpClient has its address.
        var settings = new CSharpClientGeneratorSettings { ClassName = className, UseBaseUrl = false, GenerateClientInterfaces = false };
        settings.CSharpGeneratorSettings.Namespace = ns;
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    private static System.Reflection.Assembly Compile(params string[] sources)
    {
        // The generated code needs only the framework (System.Text.Json, HttpClient, DataAnnotations).
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create($"Partner{Guid.NewGuid():N}",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, "the generated client does not compile:\n" +
                                    string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        return System.Reflection.Assembly.Load(image.ToArray());
    }
}
