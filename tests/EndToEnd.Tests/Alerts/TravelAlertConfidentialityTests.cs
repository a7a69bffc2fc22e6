using System.Net;
using System.Text;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Alerts;

/// <summary>
/// No State learns which other States received an alert, even a public one (Art 87(3); issue 9 §1): each State's
/// node, API and database hold only its own copy, which names no other State and none of their visits.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TravelAlertConfidentialityTests(PlatformFixture platform)
{
    [Fact]
    public async Task Each_States_node_api_and_database_hold_only_its_own_copy_even_of_a_public_alert()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        using var uganda = flow.State("UGA");
        using var southAfrica = flow.State("ZAF");
        var tag = Guid.NewGuid().ToString("N")[..12];
        var details = new Dictionary<string, string>
        {
            ["UGA"] = $"Ugandavisit{tag}", ["ZAF"] = $"Southafricavisit{tag}", ["NLD"] = $"Netherlandsvisit{tag}",
        };
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA", classification: "Public");
        var board = await AlertFlow.IssueAsync(registry, requestId,
            AlertFlow.Entry("UGA", "Destination", 2, 3, details["UGA"]),
            AlertFlow.Entry("ZAF", "Transit", 2, 2, details["ZAF"]),
            AlertFlow.Entry("NLD", "Destination", 3, 4, details["NLD"]));
        var alertId = (string)board["id"]!;
        Assert.Equal("Public", (string)board["classification"]!);
        // The Registry sees every State (the test would prove nothing if the details never travelled).
        Assert.All(details.Values, d => Assert.Contains(d, board.ToJsonString()));

        var copies = new Dictionary<string, HttpClient> { ["UGA"] = uganda, ["ZAF"] = southAfrica };
        foreach (var (code, client) in copies)
        {
            var own = await client.WaitForAsync($"/states/{code}/alerts/{alertId}", _ => true, AlertFlow.Soon);
            var text = own.ToJsonString();
            Assert.Contains(details[code], text);
            foreach (var (other, otherDetails) in details.Where(d => d.Key != code))
            {
                Assert.DoesNotContain(otherDetails, text);
                Assert.DoesNotContain($"\"{other}\"", text);
            }
            // Its list holds its own copy once, and nothing of the others.
            using var listed = await client.GetAsync($"/states/{code}/alerts?limit=100");
            var list = await listed.Content.ReadAsStringAsync();
            Assert.Single((await listed.ReadObjectAsync())["items"]!.AsArray(), i => (string)i!["id"]! == alertId);
            Assert.All(details.Where(d => d.Key != code), d => Assert.DoesNotContain(d.Value, list));
        }

        // Another State's node answers 404 for an alert it never received, exactly as for an unknown id.
        var (ugandaOnly, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA", classification: "Public");
        var ugandaAlert = (string)(await AlertFlow.IssueAsync(registry, ugandaOnly, AlertFlow.Entry("UGA")))["id"]!;
        await uganda.WaitForAsync($"/states/UGA/alerts/{ugandaAlert}", _ => true, AlertFlow.Soon);
        using var elsewhere = await southAfrica.GetAsync($"/states/ZAF/alerts/{ugandaAlert}");
        using var unknown = await southAfrica.GetAsync($"/states/ZAF/alerts/{Guid.NewGuid()}");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (elsewhere.StatusCode, unknown.StatusCode));
        // The same answer but for the trace id: nothing says the alert exists elsewhere.
        var (a, b) = (await unknown.ReadObjectAsync(), await elsewhere.ReadObjectAsync());
        a.Remove("traceId");
        b.Remove("traceId");
        Assert.Equal(a.ToJsonString(), b.ToJsonString());
        using var acknowledgeOther = await AlertFlow.PostAsync(southAfrica, $"/states/ZAF/alerts/{ugandaAlert}/acknowledge", new { acknowledgedBy = "desk" });
        Assert.Equal(HttpStatusCode.NotFound, acknowledgeOther.StatusCode);
        // And South Africa's token cannot reach Uganda's node at all.
        using var crossing = await southAfrica.GetAsync($"/states/UGA/alerts/{alertId}");
        Assert.NotEqual(HttpStatusCode.OK, crossing.StatusCode);

        // Each State's database: its own copy of the shared alert, one row, with only its own visit; none of the Uganda-only alert.
        foreach (var code in copies.Keys)
        {
            var db = platform.Database($"state-{code.ToLowerInvariant()}");
            Assert.Equal(1, await db.CountAsync("""SELECT COUNT(*) FROM travel_alerts WHERE "Id" = @id""", ("@id", db.Id(Guid.Parse(alertId)))));
            Assert.Equal(code == "UGA" ? 1 : 0,
                await db.CountAsync("""SELECT COUNT(*) FROM travel_alerts WHERE "Id" = @id""", ("@id", db.Id(Guid.Parse(ugandaAlert)))));
            foreach (var (other, otherDetails) in details.Where(d => d.Key != code))
            {
                Assert.Equal(0, await db.CountAsync("""SELECT COUNT(*) FROM travel_alerts WHERE "KnownDetails" = @d""", ("@d", otherDetails)));
                // Nowhere in the file either (inbox, outbox, audit), where the database is a file.
                if (platform.SqliteFileOf($"state-{code.ToLowerInvariant()}") is { } file)
                    Assert.False(FileContains(file, otherDetails) || FileContains(file + "-wal", otherDetails),
                        $"{other}'s visit is in {code}'s database");
            }
        }
    }

    private static bool FileContains(string path, string text) =>
        File.Exists(path) && Encoding.UTF8.GetString(File.ReadAllBytes(path)).Contains(text, StringComparison.Ordinal);
}
