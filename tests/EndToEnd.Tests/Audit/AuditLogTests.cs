using System.Net;
using Cooperation.EndToEnd.Tests.Delivery;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Audit;

/// <summary>
/// Every service keeps an append-only, hash-chained audit log of its state changes and of the
/// messages it sends and receives (issue 5, Audit); the operator's verify endpoint finds a
/// changed, deleted or inserted entry. The tampering tests put the log back as it was, so the
/// chain verifies again afterwards (which also proves the verifier is exact, not merely suspicious).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditLogTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_transmitted_request_leaves_chained_entries_on_both_sides_with_ids_and_statuses_but_no_content()
    {
        using var partner = platform.CreatePartnerClient("registry", "state:UGA");
        var flow = new DeliveryFlow(platform);
        const string secretName = "Fictitious Audited Person Q";
        using var drafted = await DeliveryFlow.PostAsync(partner, "/registry/requests",
            Samples.ArrestAndSurrender("UGA", personName: secretName, classification: "UnderSeal"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await DeliveryFlow.PostAsync(partner, $"/registry/requests/{id}/transmit", null, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        await flow.WaitForRegistryAsync(partner, id, "Delivered");

        var registry = new AuditLog(platform, "registry");
        var uganda = new AuditLog(platform, "state-uga");
        var registryActions = await registry.ActionsForAsync(id);
        Assert.Contains("cooperation-request-created", registryActions);
        Assert.Contains("cooperation-request-changed", registryActions);
        Assert.Contains("message-sent", registryActions);
        Assert.Contains("received-request-created", await uganda.ActionsForAsync(id));

        // Who: the partner's client for the desk's commands, the Registry for what Uganda received.
        Assert.Contains("client:registry-and-uganda", await registry.Database.StringsAsync(
            """SELECT "Actor" FROM audit_log WHERE "EntityId" = @id""", ("@id", id)));
        Assert.Contains("organ:registry", await uganda.Database.StringsAsync(
            """SELECT "Actor" FROM audit_log WHERE "EntityId" = @id""", ("@id", id)));
        // The message ids tie the two logs together: what the Registry sent is what Uganda received.
        var sent = await registry.Database.StringsAsync(
            """SELECT "MessageId" FROM audit_log WHERE "Action" = 'message-sent' AND "EntityId" = @id""", ("@id", id));
        var received = await uganda.Database.StringsAsync("""SELECT "MessageId" FROM audit_log WHERE "Action" = 'message-received'""");
        Assert.Contains(Assert.Single(sent).ToLowerInvariant(), received.Select(m => m.ToLowerInvariant()));
        // The status change is recorded as statuses, never as content.
        Assert.Contains(await registry.Database.StringsAsync(
                """SELECT "Detail" FROM audit_log WHERE "Action" = 'cooperation-request-changed' AND "EntityId" = @id""", ("@id", id)),
            d => d.Contains("Status: Draft -> ", StringComparison.Ordinal) || d.Contains("Status: ReadyToTransmit -> Transmitted", StringComparison.Ordinal));

        foreach (var log in new[] { registry, uganda })
        {
            var everything = string.Join('\n', await log.Database.StringsAsync(
                """SELECT "Actor" || '|' || "Action" || '|' || "EntityType" || '|' || "EntityId" || '|' || COALESCE("Detail", '') FROM audit_log"""));
            Assert.DoesNotContain(secretName, everything);
            Assert.DoesNotContain("Capital district", everything);
            var verified = await log.VerifyAsync();
            Assert.True((bool)verified["ok"]!, $"{log.Service}: {verified.ToJsonString()}");
        }
    }

    [Fact]
    public async Task An_untampered_chain_verifies_ok_on_every_service()
    {
        foreach (var service in AuditLog.Services)
        {
            var verified = await new AuditLog(platform, service).VerifyAsync();
            Assert.True((bool)verified["ok"]!, $"{service}: {verified.ToJsonString()}");
            Assert.Null(verified["firstBroken"]);
            // Every service has written something by now (at least its start-up or a consumed message).
            if (service is "registry" or "prosecutor") Assert.True((long)verified["entries"]! > 0, $"{service}: empty log");
        }
    }

    [Fact]
    public async Task Concurrent_writers_keep_one_unbroken_chain()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var log = new AuditLog(platform, "registry");
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            // Drafted one by one: concurrent drafts race for the reference counter (see the report), transmits do not.
            using var drafted = await registry.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("ZAF"));
            Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
            ids.Add((string)(await drafted.ReadObjectAsync())["id"]!);
        }
        var before = await log.HeadAsync();

        var transmits = await Task.WhenAll(ids.Select(id => registry.PostAsync($"/registry/requests/{id}/transmit", null)));
        foreach (var response in transmits)
            using (response)
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var after = await log.HeadAsync();
        // Each transmit: the request, two history entries and one outbox message.
        Assert.True(after.Entries >= before.Entries + 8 * 4, $"{before} -> {after}");
        Assert.Equal(after.Entries, after.LastSequence); // no gaps, no duplicates
        var verified = await log.VerifyAsync();
        Assert.True((bool)verified["ok"]!, verified.ToJsonString());
    }

    [Fact]
    public async Task A_changed_entry_is_detected_and_the_chain_verifies_again_once_it_is_restored()
    {
        var log = await QuietLogWithEntriesAsync();
        var target = await MiddleSequenceAsync(log);
        var original = (string)(await log.Database.ScalarAsync("""SELECT "Action" FROM audit_log WHERE "Sequence" = @s""", ("@s", target)))!;

        await log.Database.ExecuteAsync("""UPDATE audit_log SET "Action" = 'nothing-happened' WHERE "Sequence" = @s""", ("@s", target));
        try
        {
            await AssertBrokenAsync(log, target, "changed");
        }
        finally
        {
            await log.Database.ExecuteAsync("""UPDATE audit_log SET "Action" = @a WHERE "Sequence" = @s""", ("@a", original), ("@s", target));
        }
        await AssertIntactAsync(log);
    }

    [Fact]
    public async Task A_deleted_entry_is_detected_and_the_chain_verifies_again_once_it_is_restored()
    {
        var log = await QuietLogWithEntriesAsync();
        var target = await MiddleSequenceAsync(log);
        var db = log.Database;
        await db.ExecuteAsync("DROP TABLE IF EXISTS audit_log_saved");
        await db.ExecuteAsync("""CREATE TABLE audit_log_saved AS SELECT * FROM audit_log WHERE "Sequence" = @s""", ("@s", target));

        await db.ExecuteAsync("""DELETE FROM audit_log WHERE "Sequence" = @s""", ("@s", target));
        try
        {
            await AssertBrokenAsync(log, target, "deleted");
        }
        finally
        {
            await db.ExecuteAsync("INSERT INTO audit_log SELECT * FROM audit_log_saved");
            await db.ExecuteAsync("DROP TABLE audit_log_saved");
        }
        await AssertIntactAsync(log);
    }

    [Fact]
    public async Task An_inserted_forged_entry_is_detected_and_the_chain_verifies_again_once_it_is_removed()
    {
        var log = await QuietLogWithEntriesAsync();
        var db = log.Database;
        var head = await log.HeadAsync();
        var forged = head.LastSequence + 1;
        // A plausible entry a forger would add: right place, right shape, but not chained to the real head.
        await db.ExecuteAsync(
            """
            INSERT INTO audit_log ("Sequence", "At", "Actor", "Action", "EntityType", "EntityId", "MessageId", "Detail", "PreviousHash", "Hash")
            SELECT @s, "At", 'client:registry-desk', 'cooperation-request-deleted', 'CooperationRequest', @id, NULL, NULL, @p, @h
            FROM audit_log WHERE "Sequence" = @last
            """,
            ("@s", forged), ("@id", Guid.NewGuid().ToString()), ("@p", new string('a', 64)), ("@h", new string('b', 64)), ("@last", head.LastSequence));
        try
        {
            await AssertBrokenAsync(log, forged, "inserted");
        }
        finally
        {
            await db.ExecuteAsync("""DELETE FROM audit_log WHERE "Sequence" = @s""", ("@s", forged));
        }
        await AssertIntactAsync(log);
    }

    [Fact]
    public async Task Verification_is_for_operators_only_at_the_service_and_through_the_gateway()
    {
        var path = "/operations/audit/verify";
        using (var anonymous = PlatformFixture.CreateClient(platform.Registry.BaseAddress, token: null))
        using (var response = await anonymous.GetAsync(path))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using (var desk = PlatformFixture.CreateClient(platform.Registry.BaseAddress, platform.TokenOf("registry-desk")))
        using (var response = await desk.GetAsync(path))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using (var state = PlatformFixture.CreateClient(platform.StateNodes["UGA"].BaseAddress, platform.TokenOf("state-uga-cms")))
        using (var response = await state.GetAsync(path))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var operatorClient = platform.CreatePartnerClient("operator");
        foreach (var prefix in new[] { "/operations/registry", "/operations/prosecutor", "/operations/states/UGA", "/operations/states/ZAF" })
        {
            using var response = await operatorClient.GetAsync(prefix + "/audit/verify");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{prefix}: {(int)response.StatusCode}");
            Assert.True((bool)(await response.ReadObjectAsync())["ok"]!);
        }
        using (var desk = platform.CreatePartnerClient("registry"))
        using (var response = await desk.GetAsync("/operations/registry/audit/verify"))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // The operator's token opens the operations routes only.
        using (var response = await operatorClient.GetAsync("/registry/requests"))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>The Prosecutor's log: no other test's messages reach it, so nothing appends while a test tampers.</summary>
    private async Task<AuditLog> QuietLogWithEntriesAsync()
    {
        using var prosecutor = platform.CreatePartnerClient("prosecutor");
        for (var i = 0; i < 2; i++)
        {
            using var drafted = await prosecutor.PostJsonAsync("/prosecutor/requests", new
            {
                kind = "OtherAssistance",
                stateCode = "ZAF",
                classification = "Confidential",
                language = "en",
            });
            Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        }
        var log = new AuditLog(platform, "prosecutor");
        await AssertIntactAsync(log);
        return log;
    }

    private static async Task<long> MiddleSequenceAsync(AuditLog log)
    {
        var head = await log.HeadAsync();
        Assert.True(head.LastSequence >= 3, $"too few entries to tamper in the middle: {head}");
        return head.LastSequence / 2 + 1;
    }

    private static async Task AssertBrokenAsync(AuditLog log, long sequence, string problem)
    {
        var verified = await log.VerifyAsync();
        Assert.False((bool)verified["ok"]!, $"tampering not detected: {verified.ToJsonString()}");
        var broken = verified["firstBroken"]!.AsObject();
        Assert.Equal(sequence, (long)broken["sequence"]!);
        Assert.Equal(problem, (string)broken["problem"]!);
        Assert.Equal(sequence - 1, (long)verified["entries"]!);
    }

    private static async Task AssertIntactAsync(AuditLog log)
    {
        var verified = await log.VerifyAsync();
        Assert.True((bool)verified["ok"]!, $"{log.Service}: {verified.ToJsonString()}");
    }
}
