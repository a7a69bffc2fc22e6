using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;
using static Cooperation.EndToEnd.Tests.Consultations.ConsultationSamples;

namespace Cooperation.EndToEnd.Tests.Partners.Webhooks;

/// <summary>
/// Issue 14, "Push": partners are told, not polled. A State's system and a Registry desk subscribe through the
/// gateway, a receiver the test runs on 127.0.0.1 gets the signed calls from the real nodes, and the README's
/// verification recipe (<see cref="WebhookVerifier"/>) decides what it accepts.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhookDeliveryTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_partner_hears_its_own_events_in_order_signed_with_ids_only_and_never_another_States()
    {
        using var partner = Desks.Create(platform);
        using var uganda = new WebhookReceiver(platform);
        using var southAfrica = new WebhookReceiver(platform);
        using var registry = new WebhookReceiver(platform);
        var ugaHook = await SubscribeAsync(partner, "/states/UGA/webhooks", uganda, "request.received", "request.version", "consultation.message");
        var zafHook = await SubscribeAsync(partner, "/states/ZAF/webhooks", southAfrica, "request.received");
        var regHook = await SubscribeAsync(partner, "/registry/webhooks", registry, "request.delivered", "consultation.opened", "request.acknowledged");
        try
        {
            // A sealed request to South Africa, and one to Uganda that goes through a consultation to version 2.
            const string sealedName = "Fictitious Sealed Person Z";
            var sealedId = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("ZAF", sealedName, "UnderSeal"), "ZAF");
            var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
            var cid = (string)(await OpenAtStateAsync(partner, "UGA", id, OpenBody()))["id"]!;
            await partner.WaitForAsync($"/registry/requests/{id}/consultations/{cid}", _ => true, Soon);
            using (var answer = await partner.PostJsonAsync($"/registry/requests/{id}/consultations/{cid}/messages",
                       new { text = "A new probable location follows in a modified request.", classification = "Confidential" }))
                Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            await partner.WaitForAsync($"/states/UGA/requests/{id}/consultations/{cid}", c => c["messages"]!.AsArray().Count == 1, Soon);
            var contents = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.ArrestAndSurrender("UGA"), Json.Options))!["contents"]!.AsObject();
            contents["probableLocation"] = "Northern province, farm known to the central authority";
            using (var modified = await partner.PostJsonAsync($"/registry/requests/{id}/modify", new { contents, consultationId = cid, note = "New location" }))
                Assert.True(modified.StatusCode == HttpStatusCode.OK, await modified.Content.ReadAsStringAsync());
            await partner.WaitForAsync($"/states/UGA/requests/{id}", r => (int)r["version"]! == 2, Soon);
            using (var acknowledged = await partner.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority desk" }))
                Assert.True(acknowledged.IsSuccessStatusCode, await acknowledged.Content.ReadAsStringAsync());

            // Uganda's system: received, the Court's message, version 2 — numbered 1, 2, 3 in that order, each call signed.
            var atUganda = await uganda.WaitForAsync(c => c.Count >= 3, Soon, "three events");
            Assert.Equal(["request.received", "consultation.message", "request.version"], atUganda.Select(c => c.Event).ToArray());
            Assert.Equal([1L, 2L, 3L], atUganda.Select(c => c.Sequence).ToArray());
            Assert.All(atUganda, c => Assert.Equal(id, c.RequestId));
            Assert.Equal(cid, (string)atUganda[1].Json["consultationId"]!);
            Assert.Equal(2, (int)atUganda[2].Json["requestVersion"]!);
            Assert.Equal($"/states/UGA/requests/{id}", (string)atUganda[0].Json["resource"]!);
            var ugaVerifier = new WebhookVerifier(ugaHook.Secret);
            Assert.All(atUganda, c => Assert.Null(ugaVerifier.Check(c, DateTimeOffset.UtcNow)));
            // The resource named is read with the State's own token, like any other call.
            using (var read = await partner.GetAsync((string)atUganda[0].Json["resource"]!)) Assert.Equal(HttpStatusCode.OK, read.StatusCode);

            // South Africa's system hears of its sealed request, by id alone; Uganda's never does.
            var atSouthAfrica = await southAfrica.WaitForAsync(c => c.Count >= 1, Soon, "the sealed request");
            Assert.Equal(sealedId, Assert.Single(atSouthAfrica).RequestId);
            Assert.Null(new WebhookVerifier(zafHook.Secret).Check(atSouthAfrica[0], DateTimeOffset.UtcNow));

            // The Registry's desk: delivered (both), the consultation, version 2 delivered, acknowledged — in its own order.
            var atRegistry = await registry.WaitForAsync(
                c => c.Any(x => x.Event == "request.acknowledged" && x.RequestId == id), Soon, "the acknowledgement");
            Assert.Equal(Enumerable.Range(1, atRegistry.Count).Select(n => (long)n).ToArray(), atRegistry.Select(c => c.Sequence).ToArray());
            Assert.Equal(["request.delivered", "consultation.opened", "request.delivered", "request.acknowledged"],
                atRegistry.Where(c => c.RequestId == id).Select(c => c.Event).ToArray());
            Assert.Contains(atRegistry, c => c.RequestId == sealedId && c.Event == "request.delivered");
            var regVerifier = new WebhookVerifier(regHook.Secret);
            Assert.All(atRegistry, c => Assert.Null(regVerifier.Check(c, DateTimeOffset.UtcNow)));

            // Ids, the event, the time and the sequence: never the contents, a name, or another State's request.
            var everything = uganda.Calls.Concat(southAfrica.Calls).Concat(registry.Calls).ToList();
            Assert.All(everything, c => Assert.DoesNotContain(sealedName, c.Body));
            Assert.All(everything, c => Assert.DoesNotContain("Fictitious Person A", c.Body));
            Assert.All(everything, c => Assert.DoesNotContain("probable", c.Body, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(uganda.Calls, c => c.Body.Contains(sealedId, StringComparison.Ordinal));
            Assert.DoesNotContain(southAfrica.Calls, c => c.Body.Contains(id, StringComparison.Ordinal));
        }
        finally
        {
            await UnsubscribeAsync(partner, "/states/UGA/webhooks", ugaHook.Id);
            await UnsubscribeAsync(partner, "/states/ZAF/webhooks", zafHook.Id);
            await UnsubscribeAsync(partner, "/registry/webhooks", regHook.Id);
        }
    }

    [Fact]
    public async Task Alerts_matter_steps_and_overdue_requests_are_pushed_to_the_partner_whose_scope_they_are_in()
    {
        using var partner = Desks.Create(platform);
        using var uganda = new WebhookReceiver(platform);
        using var southAfrica = new WebhookReceiver(platform);
        using var registry = new WebhookReceiver(platform);
        var ugaHook = await SubscribeAsync(partner, "/states/UGA/webhooks", uganda, "alert.received", "matter.step");
        var zafHook = await SubscribeAsync(partner, "/states/ZAF/webhooks", southAfrica, "alert.received", "matter.step");
        var regHook = await SubscribeAsync(partner, "/registry/webhooks", registry, "request.overdue");
        try
        {
            // Uganda holds an arrest request; the Registry alerts it of a visit and opens a non-compliance matter about it.
            var id = await NonCompliance.MatterDesk.TransmittedAsync(partner, "UGA");
            var alertId = (string)(await Alerts.AlertFlow.IssueAsync(partner, id, Alerts.AlertFlow.Entry("UGA")))["id"]!;
            var matterId = (string)(await NonCompliance.MatterDesk.OpenAsync(partner, id))["id"]!;
            // A request to the Netherlands, which runs no node here: its Delivered evidence goes overdue (4 s in the fixture).
            using var drafted = await partner.PostJsonAsync("/registry/requests", Samples.Complete("Transit", "NLD"));
            var overdueId = (string)(await drafted.ReadObjectAsync())["id"]!;
            using (var transmitted = await partner.PostAsync($"/registry/requests/{overdueId}/transmit", null))
                Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);

            var atUganda = await uganda.WaitForAsync(
                c => c.Any(x => x.Event == "alert.received") && c.Any(x => x.Event == "matter.step"), Soon, "the alert and the matter's step");
            var alert = atUganda.Single(c => c.Event == "alert.received");
            Assert.Equal((id, alertId, $"/states/UGA/alerts/{alertId}"), (alert.RequestId, (string)alert.Json["alertId"]!, (string)alert.Json["resource"]!));
            var step = atUganda.First(c => c.Event == "matter.step");
            Assert.Equal((id, matterId, "Suspected"), (step.RequestId, (string)step.Json["matterId"]!, (string)step.Json["step"]!));
            Assert.Equal($"/states/UGA/matters/{matterId}", (string)step.Json["resource"]!);
            var ugaVerifier = new WebhookVerifier(ugaHook.Secret);
            Assert.All(atUganda, c => Assert.Null(ugaVerifier.Check(c, DateTimeOffset.UtcNow)));
            // What each names, Uganda's system reads with its own token.
            foreach (var resource in new[] { (string)alert.Json["resource"]!, (string)step.Json["resource"]! })
                using (var read = await partner.GetAsync(resource)) Assert.Equal(HttpStatusCode.OK, read.StatusCode);

            var atRegistry = await registry.WaitForAsync(c => c.Any(x => x.RequestId == overdueId), Soon, "the overdue signal");
            var overdue = Assert.Single(atRegistry, c => c.RequestId == overdueId);
            Assert.Equal(("request.overdue", "delivery-overdue"), (overdue.Event, (string)overdue.Json["signal"]!));
            Assert.Null(new WebhookVerifier(regHook.Secret).Check(overdue, DateTimeOffset.UtcNow));

            // South Africa's system hears nothing of Uganda's alert or matter; no call carries a name or the visit's details.
            Assert.DoesNotContain(southAfrica.Calls, c => c.Body.Contains(id, StringComparison.Ordinal)
                || c.Body.Contains(alertId, StringComparison.Ordinal) || c.Body.Contains(matterId, StringComparison.Ordinal));
            Assert.All(uganda.Calls.Concat(registry.Calls), c => Assert.DoesNotContain("Fictitious Person", c.Body));
            Assert.All(uganda.Calls, c => Assert.DoesNotContain("expected", c.Body, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await UnsubscribeAsync(partner, "/states/UGA/webhooks", ugaHook.Id);
            await UnsubscribeAsync(partner, "/states/ZAF/webhooks", zafHook.Id);
            await UnsubscribeAsync(partner, "/registry/webhooks", regHook.Id);
        }
    }

    [Fact]
    public async Task A_tampered_or_replayed_call_is_refused_by_the_documented_check_and_a_rotated_secret_loses_nothing()
    {
        using var partner = Desks.Create(platform);
        using var receiver = new WebhookReceiver(platform);
        var hook = await SubscribeAsync(partner, "/states/UGA/webhooks", receiver, "request.received");
        try
        {
            await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
            var call = (await receiver.WaitForAsync(c => c.Count >= 1, Soon, "the first event"))[0];
            var now = DateTimeOffset.UtcNow;

            var verifier = new WebhookVerifier(hook.Secret);
            Assert.Null(verifier.Check(call, now));
            // The same call again (an attacker's replay, or a redelivery): its id was seen.
            Assert.Equal("delivery id already seen", verifier.Check(call, now));
            // One character of the body changed: no signature matches.
            var tampered = call with { Body = call.Body.Replace("\"sequence\":1", "\"sequence\":7", StringComparison.Ordinal) };
            Assert.NotEqual(call.Body, tampered.Body);
            Assert.Equal("no valid signature", new WebhookVerifier(hook.Secret).Check(tampered, now));
            // The timestamp moved (within the window): the signature covers it.
            var retimed = call with { Timestamp = (long.Parse(call.Timestamp!) + 120).ToString() };
            Assert.Equal("no valid signature", new WebhookVerifier(hook.Secret).Check(retimed, now));
            // The untouched call replayed six minutes later, to a receiver that forgot its ids: too old.
            Assert.Equal("timestamp outside 5 minutes", new WebhookVerifier(hook.Secret).Check(call, now.AddMinutes(6)));
            // Signed with another secret (another subscription's): refused.
            Assert.Equal("no valid signature", new WebhookVerifier("whsec_not-this-one").Check(call, now));

            // Rotation: the next call carries two signatures, so a receiver on either secret accepts it meanwhile.
            using var rotated = await partner.PostAsync($"/states/UGA/webhooks/{hook.Id}/rotate-secret", null);
            var rotation = await rotated.ReadObjectAsync();
            Assert.True(rotated.StatusCode == HttpStatusCode.OK, rotation.ToJsonString());
            var newSecret = (string)rotation["secret"]!;
            Assert.NotEqual(hook.Secret, newSecret);
            Assert.True(DateTimeOffset.Parse((string)rotation["previousSecretValidUntil"]!) > DateTimeOffset.UtcNow);
            await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
            var after = (await receiver.WaitForAsync(c => c.Count >= 2, Soon, "the event after the rotation"))[1];
            Assert.Equal(2, after.Signature!.Split(',').Length);
            Assert.Null(new WebhookVerifier(newSecret).Check(after, DateTimeOffset.UtcNow));
            Assert.Null(new WebhookVerifier(hook.Secret).Check(after, DateTimeOffset.UtcNow));
            Assert.Equal(2L, after.Sequence);
        }
        finally
        {
            await UnsubscribeAsync(partner, "/states/UGA/webhooks", hook.Id);
        }
    }

    [Fact]
    public async Task A_receiver_down_for_a_while_gets_every_event_afterwards_in_order()
    {
        using var partner = Desks.Create(platform);
        using var receiver = new WebhookReceiver(platform) { AnswerWith = 503 };
        var hook = await SubscribeAsync(partner, "/states/UGA/webhooks", receiver, "request.received");
        try
        {
            // Two requests reach Uganda while its receiver is down: both events are queued with them.
            var first = await TransmitAsync(partner, Samples.ArrestAndSurrender("UGA"));
            var second = await TransmitAsync(partner, Samples.ArrestAndSurrender("UGA"));
            await partner.WaitForAsync($"/states/UGA/requests/{second}", _ => true, Soon);
            // Down: the first event is retried (the second waits behind it, in order).
            var refused = await receiver.WaitForAsync(c => c.Count >= 2, Soon, "two refused attempts");
            Assert.All(refused, c => Assert.Equal(1L, c.Sequence));
            Assert.Single(refused.Select(c => c.Id).Distinct());

            receiver.AnswerWith = 200;
            var accepted = (await receiver.WaitForAsync(c => c.Count(x => x.AnsweredWith == 200) >= 2, Soon, "both events")).Where(c => c.AnsweredWith == 200).ToList();
            Assert.Equal([first, second], accepted.Select(c => c.RequestId).ToArray());
            Assert.Equal([1L, 2L], accepted.Select(c => c.Sequence).ToArray());
            // The retry is the same delivery (same id), so a receiver that saw it before would not act twice.
            Assert.Equal(refused[0].Id, accepted[0].Id);
            var verifier = new WebhookVerifier(hook.Secret);
            Assert.All(accepted, c => Assert.Null(verifier.Check(c, DateTimeOffset.UtcNow)));
            var dead = await partner.GetFromJsonObjectAsync($"/states/UGA/webhooks/{hook.Id}/dead-letters");
            Assert.Empty(dead["items"]!.AsArray());
        }
        finally
        {
            await UnsubscribeAsync(partner, "/states/UGA/webhooks", hook.Id);
        }
    }

    [Fact]
    public async Task An_event_that_never_got_through_is_a_dead_letter_the_desk_reads_and_replays()
    {
        using var partner = Desks.Create(platform);
        using var receiver = new WebhookReceiver(platform) { AnswerWith = 500 };
        var hook = await SubscribeAsync(partner, "/registry/webhooks", receiver, "request.delivered");
        try
        {
            var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
            var second = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
            // (Any Registry request delivered meanwhile is this desk's event too: the assertions look at these two.)
            static List<string> RequestsIn(JsonNode page) => page["items"]!.AsArray().Select(l => (string)l!["payload"]!["requestId"]!).ToList();
            // Eight attempts (the platform's Webhooks:MaxAttempts), each refused: then it is a dead letter; the next event follows.
            var dead = await partner.WaitForAsync($"/registry/webhooks/{hook.Id}/dead-letters",
                d => RequestsIn(d).Contains(id) && RequestsIn(d).Contains(second), Soon + Soon);
            Assert.Null(dead["next"]);
            var letter = dead["items"]!.AsArray().First(l => (string)l!["payload"]!["requestId"]! == id)!;
            Assert.Equal(8, (int)letter["attempts"]!);
            Assert.Equal("HTTP 500", (string)letter["lastError"]!);
            Assert.Equal("request.delivered", (string)letter["event"]!);
            Assert.Equal(8, receiver.Calls.Count(c => c.RequestId == id));
            var listed = await partner.GetFromJsonObjectAsync($"/registry/webhooks/{hook.Id}");
            Assert.True((int)listed["deadLetters"]! >= 2, listed.ToJsonString());
            // A page at a time, following next: the same letters in the same order, then nothing more.
            var walked = new List<string>();
            string? cursor = null;
            do
            {
                var page = await partner.GetFromJsonObjectAsync(
                    $"/registry/webhooks/{hook.Id}/dead-letters?limit=1" + (cursor is null ? "" : $"&cursor={cursor}"));
                walked.Add(Assert.Single(RequestsIn(page)));
                cursor = (string?)page["next"];
            } while (cursor is not null && walked.Count < 50);
            Assert.Equal(RequestsIn(dead), walked);
            Assert.True(walked.IndexOf(id) < walked.IndexOf(second), "dead letters are listed in sequence order");
            foreach (var bad in new[] { "limit=0", "limit=501", "cursor=abc", "cursor=-1" })
                using (var refused = await partner.GetAsync($"/registry/webhooks/{hook.Id}/dead-letters?{bad}"))
                    Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)refused.StatusCode}");

            receiver.AnswerWith = 200;
            using var replay = await partner.PostAsync($"/registry/webhooks/{hook.Id}/dead-letters/replay", null);
            var replayed = await replay.ReadObjectAsync();
            Assert.True(replay.StatusCode == HttpStatusCode.Accepted, replayed.ToJsonString());
            Assert.Equal(walked.Count, (int)replayed["replayed"]!);
            var accepted = (await receiver.WaitForAsync(c => c.Any(x => x.AnsweredWith == 200 && x.RequestId == second), Soon, "the replayed events"))
                .Where(c => c.AnsweredWith == 200).ToList();
            // In sequence order, as first queued, under the same delivery id.
            Assert.True(accepted.FindIndex(c => c.RequestId == id) < accepted.FindIndex(c => c.RequestId == second));
            Assert.Equal((string)letter["deliveryId"]!, accepted.First(c => c.RequestId == id).Id);
            Assert.All(accepted, a => Assert.Null(new WebhookVerifier(hook.Secret).Check(a, DateTimeOffset.UtcNow)));
            await partner.WaitForAsync($"/registry/webhooks/{hook.Id}/dead-letters", d => d["items"]!.AsArray().Count == 0, Soon);
        }
        finally
        {
            await UnsubscribeAsync(partner, "/registry/webhooks", hook.Id);
        }
    }

    [Fact]
    public async Task A_node_killed_after_the_receiver_answered_but_before_marking_it_sends_the_same_delivery_again()
    {
        using var partner = Desks.Create(platform);
        using var receiver = new WebhookReceiver(platform);
        var hook = await SubscribeAsync(partner, "/registry/webhooks", receiver, "request.delivered");
        try
        {
            var armed = await platform.RestartAsync("registry", new Dictionary<string, string> { ["Testing__CrashAt"] = "webhook-after-call-before-mark" });
            var id = await TransmitAsync(partner, Samples.ArrestAndSurrender("UGA"));
            var first = (await receiver.WaitForAsync(c => c.Count >= 1, Soon, "the event before the crash"))[0];
            // The Registry must really die between the receiver's 2xx and the mark, or this test proves nothing.
            await armed.WaitForExitAsync(Soon);
            Assert.Contains("Testing:CrashAt=webhook-after-call-before-mark: killing the process now", armed.Output);
            await platform.RestartAsync("registry");

            // At least once: the same delivery again, which the documented check lets the receiver recognise.
            var calls = await receiver.WaitForAsync(c => c.Count >= 2, Soon, "the same event after the restart");
            Assert.Equal(id, first.RequestId);
            Assert.Equal(first.Id, calls[1].Id);
            Assert.Equal(first.Body, calls[1].Body);
            var verifier = new WebhookVerifier(hook.Secret);
            Assert.Null(verifier.Check(first, DateTimeOffset.UtcNow));
            Assert.Equal("delivery id already seen", verifier.Check(calls[1], DateTimeOffset.UtcNow));
            var listed = await partner.WaitForAsync($"/registry/webhooks/{hook.Id}", h => (int)h["pending"]! == 0, Soon);
            Assert.Equal(0, (int)listed["deadLetters"]!);
        }
        finally
        {
            await UnsubscribeAsync(partner, "/registry/webhooks", hook.Id);
        }
    }

    [Fact]
    public async Task Invalid_or_too_many_subscriptions_are_refused_by_name_and_another_States_hooks_are_not_found()
    {
        using var partner = Desks.Create(platform);
        using var bad = await partner.PostJsonAsync("/states/UGA/webhooks", new { url = "ftp://127.0.0.1/x", events = new[] { "request.received", "request.delivered" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = await bad.ReadObjectAsync();
        Assert.Equal("https://cooperation-platform.example/problems/validation", (string)problem["type"]!);
        Assert.Equal(["events[1]", "url"], problem["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());

        // Only the hosts the operator allows (Webhooks:AllowedHosts; loopback here): no call to anywhere else is ever set up.
        using var elsewhere = await partner.PostJsonAsync("/registry/webhooks", new { url = "https://partner.example/hooks", events = new[] { "request.delivered" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
        Assert.Equal(["url"], (await elsewhere.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray());
        using var none = await partner.PostJsonAsync("/registry/webhooks", new { url = "http://127.0.0.1:9/x" });
        Assert.Equal(["events"], (await none.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray());

        // Uganda's subscription does not exist for South Africa, nor for the Registry, and ZAF's token cannot reach UGA's list.
        using var receiver = new WebhookReceiver(platform);
        var hook = await SubscribeAsync(partner, "/states/UGA/webhooks", receiver, "request.received");
        try
        {
            using (var other = await partner.GetAsync($"/states/ZAF/webhooks/{hook.Id}")) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            using (var desk = await partner.GetAsync($"/registry/webhooks/{hook.Id}")) Assert.Equal(HttpStatusCode.NotFound, desk.StatusCode);
            using var southAfrica = platform.CreatePartnerClient("state:ZAF");
            using (var list = await southAfrica.GetAsync("/states/UGA/webhooks")) Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
            var own = await partner.GetFromJsonObjectAsync($"/states/UGA/webhooks/{hook.Id}");
            Assert.Null(own["secret"]);
            Assert.Equal(["request.received"], own["events"]!.AsArray().Select(e => (string)e!).ToArray());
        }
        finally
        {
            await UnsubscribeAsync(partner, "/states/UGA/webhooks", hook.Id);
        }
        using (var gone = await partner.GetAsync($"/states/UGA/webhooks/{hook.Id}")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // A cap per node (Webhooks:MaxSubscriptions, 10): the Prosecutor's desk fills it, the next one is refused by name.
        var created = new List<string>();
        try
        {
            for (var i = 0; i < 10; i++)
                created.Add((await SubscribeAsync(partner, "/prosecutor/webhooks", receiver, "request.delivered")).Id);
            using var over = await partner.PostJsonAsync("/prosecutor/webhooks", new { url = receiver.Url, events = new[] { "request.delivered" } });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
            var refused = await over.ReadObjectAsync();
            Assert.Equal("https://cooperation-platform.example/problems/limit-exceeded", (string)refused["type"]!);
            Assert.Equal(["subscriptions"], refused["errors"]!.AsObject().Select(e => e.Key).ToArray());
        }
        finally
        {
            foreach (var id in created) await UnsubscribeAsync(partner, "/prosecutor/webhooks", id);
        }
    }

    private sealed record Subscription(string Id, string Secret);

    /// <summary>Drafts and transmits at the Registry without waiting for delivery.</summary>
    private static async Task<string> TransmitAsync(HttpClient partner, object draft)
    {
        using var drafted = await partner.PostJsonAsync("/registry/requests", draft);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await partner.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.True(transmitted.StatusCode == HttpStatusCode.OK, await transmitted.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task<Subscription> SubscribeAsync(HttpClient partner, string path, WebhookReceiver receiver, params string[] events)
    {
        using var created = await partner.PostJsonAsync(path, new { url = receiver.Url, events });
        var body = await created.ReadObjectAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.StartsWith("whsec_", (string)body["secret"]!);
        Assert.EndsWith($"{path}/{(string)body["id"]!}", created.Headers.Location!.ToString());
        return new Subscription((string)body["id"]!, (string)body["secret"]!);
    }

    private static async Task UnsubscribeAsync(HttpClient partner, string path, string id)
    {
        using var deleted = await partner.DeleteAsync($"{path}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }
}
