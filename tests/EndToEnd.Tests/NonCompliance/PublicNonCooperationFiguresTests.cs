using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using static Cooperation.EndToEnd.Tests.NonCompliance.MatterDesk;

namespace Cooperation.EndToEnd.Tests.NonCompliance;

/// <summary>
/// Civil society's non-cooperation figures (issue 9 §4): public decisions only, never a cell below the minimum (5 by
/// default), figures in multiples of it so no difference of two isolates one decision, and no sealed matter counted.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PublicNonCooperationFiguresTests(PlatformFixture platform)
{
    [Fact]
    public async Task Findings_on_public_requests_appear_only_from_five_and_sealed_ones_never()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var reader = platform.CreatePartnerClient("public");
        var start = await FiguresAsync(reader);
        Assert.Equal(5, (int)start["minimumCount"]!);
        // Other tests of this run find only sealed or confidential matters, so no public finding exists yet.
        Assert.Null(start["findings"]);

        // A sealed matter, found and referred: not counted, and nothing moves.
        var sealedId = (string)(await OpenAsync(registry, await TransmittedAsync(registry, "UGA", "UnderSeal", delivered: false)))["id"]!;
        await InvitedLongAgoAsync(registry, sealedId);
        await FindingAsync(registry, sealedId);
        await StepAsync(registry, sealedId, "referral", new { decisionReference = "R-sealed", decidedOn = Day(0), toAssembly = true });
        Assert.Equal(start.ToJsonString(), (await FiguresAsync(reader)).ToJsonString());

        // Four public findings: still below the minimum, so not shown; the fifth shows them all at once.
        var publicMatters = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = (string)(await OpenAsync(registry, await TransmittedAsync(registry, "UGA", "Public", delivered: false)))["id"]!;
            await InvitedLongAgoAsync(registry, id);
            await FindingAsync(registry, id);
            publicMatters.Add(id);
            var figures = await FiguresAsync(reader);
            if (i < 4) Assert.Null(figures["findings"]);
            else Assert.Equal(5, (int)figures["findings"]!);
        }

        // One public referral: a cell of one is never shown, and findings do not move by one either.
        await StepAsync(registry, publicMatters[0], "referral", new { decisionReference = "R-public", decidedOn = Day(0), toAssembly = true });
        var after = await FiguresAsync(reader);
        Assert.Null(after["referredToAssembly"]);
        Assert.Equal(5, (int)after["findings"]!);
        // A sixth finding: the figure stays a multiple of five, so the difference of two readings isolates nothing.
        var sixth = (string)(await OpenAsync(registry, await TransmittedAsync(registry, "UGA", "Public", delivered: false)))["id"]!;
        await InvitedLongAgoAsync(registry, sixth);
        await FindingAsync(registry, sixth);
        Assert.Equal(5, (int)(await FiguresAsync(reader))["findings"]!);

        // The figures name no State, request or matter.
        var all = await reader.GetFromJsonObjectAsync("/public/cooperation-figures");
        Assert.DoesNotContain("UGA", all["nonCooperation"]!.ToJsonString());
        Assert.DoesNotContain(sealedId, all.ToJsonString());
    }

    private static async Task<JsonObject> FiguresAsync(HttpClient reader)
    {
        using var response = await reader.GetAsync("/public/cooperation-figures");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadObjectAsync())["nonCooperation"]!.AsObject();
    }
}
