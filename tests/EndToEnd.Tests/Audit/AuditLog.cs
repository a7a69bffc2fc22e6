using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Audit;

/// <summary>One service's audit log, seen by an operator (the verify endpoint) and by direct SQL.</summary>
public sealed class AuditLog(PlatformFixture platform, string service)
{
    public const string Operator = "operator-console";

    /// <summary>Every service of the test platform (broker user names).</summary>
    public static IEnumerable<string> Services => ["registry", "prosecutor", .. PlatformFixture.States.Select(c => $"state-{c.ToLowerInvariant()}")];

    public string Service => service;
    public ServiceDatabase Database => platform.Database(service);

    /// <summary>GET /operations/audit/verify on the service itself, with an operator's token.</summary>
    public async Task<JsonObject> VerifyAsync()
    {
        using var client = PlatformFixture.CreateClient(platform.Service(service).BaseAddress, platform.TokenOf(Operator));
        using var response = await client.GetAsync("/operations/audit/verify");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{service}: verify answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Entries, last sequence and last hash, read directly: what "nothing changed" compares.</summary>
    public async Task<AuditHead> HeadAsync()
    {
        var db = Database;
        var count = await db.CountAsync("SELECT COUNT(*) FROM audit_log");
        var last = await db.CountAsync("""SELECT COALESCE(MAX("Sequence"), 0) FROM audit_log""");
        var hash = (await db.StringsAsync("""SELECT "Hash" FROM audit_log ORDER BY "Sequence" DESC LIMIT 1""")).SingleOrDefault() ?? "";
        return new AuditHead(service, count, last, hash);
    }

    public async Task<List<string>> ActionsForAsync(string entityId) =>
        await Database.StringsAsync("""SELECT "Action" FROM audit_log WHERE "EntityId" = @id ORDER BY "Sequence" """, ("@id", entityId));
}

public sealed record AuditHead(string Service, long Entries, long LastSequence, string LastHash);
