using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Delivery;
using Cooperation.EndToEnd.Tests.Platform;
using RabbitMQ.Client;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// Issue 16 item 4 (and issue 12 item 6): what a State sends is capped at its API and checked again
/// at the Court's endpoint, and its reports are kept as rows and read a page at a time, so a State
/// cannot make the issuing organ's request view, list or database grow without bound.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StateReportLimitsTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = DeliveryFlow.Soon;

    [Fact]
    public async Task A_state_field_over_its_cap_is_refused_with_422_naming_every_such_field_and_changes_nothing()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var id = await InExecutionAsync(registry, uganda, "registry");
        var state = platform.Database("state-uga");
        var before = await StateSnapshotAsync(state, id);

        // Progress: too many items, one item's description too long, the note too long; all named at once.
        var items = Enumerable.Range(0, 51).Select(i => new { description = i == 0 ? new string('d', 2_001) : "step", done = true }).ToArray();
        await AssertLimitExceededAsync(uganda.PostJsonAsync($"/states/UGA/requests/{id}/progress", new { items, note = new string('n', 8_001) }),
            "items", "items[0].description", "note");
        await AssertLimitExceededAsync(uganda.PostJsonAsync($"/states/UGA/requests/{id}/execute",
            new { partial = true, items = new[] { new { description = new string('d', 2_001) } }, note = new string('n', 8_001) }),
            "items[0].description", "note");
        await AssertLimitExceededAsync(uganda.PostJsonAsync($"/states/UGA/requests/{id}/deny",
            new { ground = "NationalSecurity", reasons = new string('r', 8_001) }), "reasons");
        await AssertLimitExceededAsync(uganda.PostJsonAsync($"/states/UGA/requests/{id}/consultations",
            new { grounds = new[] { "Other" }, otherGroundText = new string('o', 2_001), description = new string('c', 8_001) }),
            "otherGroundText", "description");
        await AssertLimitExceededAsync(uganda.PostJsonAsync("/states/UGA/register/channel",
            new { channel = new string('c', 201), languages = Enumerable.Repeat("en", 11).ToArray() }), "channel", "languages");

        // Just within the caps is accepted: the caps, not something else, refused the calls above.
        var legal = Enumerable.Range(0, 50).Select(_ => new { description = new string('d', 2_000), done = true }).ToArray();
        using (var accepted = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/progress", new { items = legal, note = new string('n', 8_000) }))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var after = await StateSnapshotAsync(state, id);
        Assert.Equal(before.History + 1, after.History); // only the legal report
        Assert.Equal(before.Outbox + 1, after.Outbox);
        Assert.Equal(before.Consultations, after.Consultations);
        await registry.WaitForAsync($"/registry/requests/{id}", r => (int)r["reports"]!["count"]! == 2, Soon);
    }

    [Fact]
    public async Task A_forged_oversized_report_from_a_states_broker_user_goes_straight_to_the_error_queue_and_changes_nothing()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var id = await InExecutionAsync(registry, uganda, "registry");
        var db = platform.Database("registry");
        var requestId = Guid.Parse(id);
        var reportsBefore = await db.CountAsync("""SELECT COUNT(*) FROM state_reports WHERE "RequestId" = @r""", ("@r", db.Id(requestId)));
        var historyBefore = await db.CountAsync("""SELECT COUNT(*) FROM request_history WHERE "RequestId" = @r""", ("@r", db.Id(requestId)));

        // A progress report the lifecycle would accept (the request is InExecution), but with a note
        // over the cap: only the Court's own check can refuse it.
        var messageId = Guid.NewGuid();
        const string secret = "FORGED-NOTE-";
        await PublishAsUgandaAsync(messageId, "RequestProgressReported", new
        {
            requestId,
            requestVersion = 1,
            senderOrgan = "State",
            classification = "Confidential",
            sentAt = DateTimeOffset.UtcNow,
            readers = Array.Empty<string>(),
            stateCode = "UGA",
            items = new[] { new { description = "step", done = true } },
            note = string.Concat(Enumerable.Repeat(secret, 1_000)),
        });

        using var operations = PlatformFixture.CreateClient(platform.Service("registry").BaseAddress, platform.TokenOf("operator-console"));
        await WaitInErrorQueueAsync(operations, messageId);
        using var inspected = await operations.GetAsync($"/operations/error-queue/{messageId}");
        Assert.Equal(HttpStatusCode.OK, inspected.StatusCode);
        var detail = await inspected.Content.ReadAsStringAsync();
        var headers = JsonNode.Parse(detail)!["headers"]!.AsObject();
        Assert.Contains("MessageOverLimitsException", (string)headers["MT-Fault-ExceptionType"]!);
        Assert.Contains("note", (string)headers["MT-Fault-Message"]!);
        Assert.Contains(id, (string)headers["MT-Fault-Message"]!);
        // It can never succeed, so it was not retried (MassTransit counts retries in this header).
        Assert.True(headers["MT-Fault-RetryCount"] is null || headers["MT-Fault-RetryCount"]!.ToString() == "0", detail);
        Assert.DoesNotContain(secret, detail); // the reason names the field, never its value

        Assert.Equal(0, await db.CountAsync("""SELECT COUNT(*) FROM inbox_messages WHERE "MessageId" = @m""", ("@m", db.Id(messageId))));
        Assert.Equal(reportsBefore, await db.CountAsync("""SELECT COUNT(*) FROM state_reports WHERE "RequestId" = @r""", ("@r", db.Id(requestId))));
        Assert.Equal(historyBefore, await db.CountAsync("""SELECT COUNT(*) FROM request_history WHERE "RequestId" = @r""", ("@r", db.Id(requestId))));
        var view = await registry.GetFromJsonObjectAsync($"/registry/requests/{id}");
        Assert.Equal("InExecution", (string)view["status"]!);
        Assert.Equal(reportsBefore, (long)view["reports"]!["count"]!);
    }

    [Theory]
    [InlineData("registry")]
    [InlineData("prosecutor")]
    public async Task Twenty_five_large_reports_keep_the_request_view_small_and_the_reports_page_through_newest_first(string organ)
    {
        using var court = platform.CreatePartnerClient(organ);
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var id = await InExecutionAsync(court, uganda, organ);
        const int reports = 25;

        // Each as large as the caps allow: 50 items of 2,000 characters and a note of 8,000 (about 110 kB).
        for (var n = 1; n <= reports; n++)
        {
            var items = Enumerable.Range(0, 50)
                .Select(i => new { description = $"report {n} item {i} ".PadRight(2_000, 'x'), on = "2026-11-20", done = i % 2 == 0 }).ToArray();
            using var reported = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/progress",
                new { items, note = $"report {n} ".PadRight(8_000, 'n') });
            Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        }
        var all = reports + 1; // and execution-started
        await court.WaitForAsync($"/{organ}/requests/{id}", r => (int)r["reports"]!["count"]! == all, Soon);

        // The request view carries a summary, not the reports: its size does not grow with them.
        using var viewed = await court.GetAsync($"/{organ}/requests/{id}");
        var view = await viewed.Content.ReadAsStringAsync();
        Assert.True(Encoding.UTF8.GetByteCount(view) < 16 * 1024, $"the request view is {view.Length} characters");
        var summary = JsonNode.Parse(view)!["reports"]!;
        Assert.Equal("progress", (string)summary["latest"]!["what"]!);

        // The list selects only summary columns; it stays small too.
        using var listed = await court.GetAsync($"/{organ}/requests?state=UGA&limit=5");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.True((await listed.Content.ReadAsStringAsync()).Length < 16 * 1024);

        // Every report, across pages, newest first, each in full.
        var seen = new List<JsonNode>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await court.GetFromJsonObjectAsync($"/{organ}/requests/{id}/reports?limit=10" + (cursor is null ? "" : $"&cursor={cursor}"));
            pages++;
            seen.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = (string?)page["next"];
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(all, seen.Count);
        Assert.Equal(Enumerable.Range(0, all).Reverse(), seen.Select(r => (int)r["sequence"]!));
        Assert.Equal((string)summary["latest"]!["id"]!, (string)seen[0]["id"]!);
        for (var k = 0; k < reports; k++)
        {
            var n = reports - k;
            Assert.Equal("progress", (string)seen[k]["what"]!);
            Assert.StartsWith($"report {n} ", (string)seen[k]["note"]!);
            Assert.Equal(50, seen[k]["items"]!.AsArray().Count);
            Assert.StartsWith($"report {n} item 49 ", (string)seen[k]["items"]![49]!["description"]!);
        }
        Assert.Equal("execution-started", (string)seen[^1]["what"]!);

        using var unknownCursor = await court.GetAsync($"/{organ}/requests/{id}/reports?cursor={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.BadRequest, unknownCursor.StatusCode);
        using var unknownRequest = await court.GetAsync($"/{organ}/requests/{Guid.NewGuid()}/reports");
        Assert.Equal(HttpStatusCode.NotFound, unknownRequest.StatusCode);
    }

    [Fact]
    public async Task The_openapi_documents_show_the_reports_endpoint_and_the_limit_refusals()
    {
        using var anonymous = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, null);
        foreach (var organ in new[] { "registry", "prosecutor" })
        {
            var document = JsonNode.Parse(await anonymous.GetStringAsync($"/docs/{organ}/openapi.json"))!;
            Assert.NotNull(document["paths"]![$"/{organ}/requests/{{id}}/reports"]?["get"]);
        }
        // A State's document is for that State's own systems (issue 16 item 12: no State code is revealed to anonymous callers).
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var state = JsonNode.Parse(await uganda.GetStringAsync("/docs/states/UGA/openapi.json"))!;
        foreach (var command in new[] { "acknowledge", "progress", "execute", "deny", "postpone" })
            Assert.NotNull(state["paths"]![$"/states/{{code}}/requests/{{id}}/{command}"]?["post"]?["responses"]?["422"]);
    }

    /// <summary>A request of <paramref name="organ"/> to Uganda, delivered, acknowledged and in execution at both ends.</summary>
    private static async Task<string> InExecutionAsync(HttpClient court, HttpClient uganda, string organ)
    {
        // The Prosecutor learns the register from the Registry's messages only.
        await court.WaitForAsync($"/{organ}/register/states/UGA", r => r["inEffect"] is not null, Soon);
        var kind = organ == "prosecutor" ? "OtherAssistance" : "ArrestAndSurrender";
        using var drafted = await court.PostJsonAsync($"/{organ}/requests", Samples.Complete(kind, "UGA"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using (var transmitted = await court.PostAsync($"/{organ}/requests/{id}/transmit", null))
            Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        await uganda.WaitForAsync($"/states/UGA/requests/{id}", _ => true, Soon);
        using (var acknowledged = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }))
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        using (var started = await uganda.PostAsync($"/states/UGA/requests/{id}/execution", null))
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        await court.WaitForAsync($"/{organ}/requests/{id}", r => (string)r["status"]! == "InExecution", Soon);
        return id;
    }

    private static async Task AssertLimitExceededAsync(Task<HttpResponseMessage> call, params string[] fields)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.EndsWith("/limit-exceeded", (string)problem["type"]!);
        Assert.Equal(fields.Order(), problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    private static async Task<(long History, long Outbox, long Consultations)> StateSnapshotAsync(ServiceDatabase state, string id) => (
        await state.CountAsync("""SELECT COUNT(*) FROM request_history WHERE "RequestId" = @r""", ("@r", state.Id(Guid.Parse(id)))),
        await state.CountAsync("SELECT COUNT(*) FROM outbox_messages"),
        await state.CountAsync("SELECT COUNT(*) FROM consultations"));

    /// <summary>As Uganda's broker user may: into its own exchange towards the Registry, bypassing its node.</summary>
    private static async Task PublishAsUgandaAsync(Guid messageId, string type, object message)
    {
        var now = DateTimeOffset.UtcNow;
        var envelope = new
        {
            messageId,
            messageType = new[] { $"urn:message:Cooperation.Contracts.Requests:{type}" },
            message,
            sentTime = now,
            headers = new { },
        };
        await using var connection = await Broker.ConnectAsync("state-uga");
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(),
            ContentType = "application/vnd.masstransit+json",
            Persistent = true,
        };
        await channel.BasicPublishAsync("state-uga.to-registry", "", mandatory: false, properties,
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, Json.Options)));
    }

    private static async Task WaitInErrorQueueAsync(HttpClient operations, Guid messageId)
    {
        var deadline = DateTime.UtcNow + Soon;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await operations.GetStringAsync("/operations/error-queue?limit=500");
            using var page = JsonDocument.Parse(last);
            if (page.RootElement.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("messageId").GetString() == messageId.ToString()))
                return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"message {messageId} did not reach the error queue; last page: {last}");
    }
}
