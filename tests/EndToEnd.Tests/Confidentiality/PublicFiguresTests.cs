using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Confidentiality;

/// <summary>Civil society sees only public information: aggregate figures that never count a sealed request.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PublicFiguresTests(PlatformFixture platform)
{
    [Fact]
    public async Task Public_figures_count_public_requests_and_never_sealed_ones()
    {
        using var reader = platform.CreatePartnerClient("public");
        using var registry = platform.CreatePartnerClient("registry");
        var before = await DraftsOfTransitAsync(reader);

        using var sealedDraft = await registry.PostJsonAsync("/registry/requests", Samples.Complete("Transit", "UGA", "UnderSeal"));
        Assert.Equal(HttpStatusCode.Created, sealedDraft.StatusCode);
        Assert.Equal(before, await DraftsOfTransitAsync(reader));

        using var publicDraft = await registry.PostJsonAsync("/registry/requests", Samples.Complete("Transit", "UGA", "Public"));
        Assert.Equal(HttpStatusCode.Created, publicDraft.StatusCode);
        Assert.Equal(before + 1, await DraftsOfTransitAsync(reader));

        // Only the public scope reads it, and nothing else under the Registry.
        using var notPublic = await registry.GetAsync("/public/cooperation-figures");
        Assert.Equal(HttpStatusCode.Forbidden, notPublic.StatusCode);
        using var notRegistry = await reader.GetAsync("/registry/requests");
        Assert.Equal(HttpStatusCode.Forbidden, notRegistry.StatusCode);
    }

    private static async Task<int> DraftsOfTransitAsync(HttpClient reader)
    {
        var figures = await reader.GetFromJsonObjectAsync("/public/cooperation-figures");
        var transit = figures["publicRequests"]!.AsArray().FirstOrDefault(k => (string)k!["kind"]! == "Transit");
        return (int?)transit?["byStatus"]?["Draft"] ?? 0;
    }
}
