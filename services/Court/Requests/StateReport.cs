using System.Text.Json;
using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Persistence;

namespace Cooperation.Court.Requests;

/// <summary>
/// One report from the requested State, as the issuing organ keeps it: a row of its own, so a request
/// is read and listed without its reports, and the reports are read a page at a time
/// (<c>GET …/requests/{id}/reports</c>). Each field is within <see cref="Contracts.Limits.StateInputLimits"/>.
/// </summary>
public sealed class StateReport
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    /// <summary>0, 1, 2, … in the order the reports were applied; "newest first" is the highest first.</summary>
    public int Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>progress, executed, partially-executed, denied, partly-denied, postponed, postponement-proposed, resumed, execution-started.</summary>
    public string What { get; set; } = "";
    public string ItemsJson { get; set; } = "[]";
    public string? Note { get; set; }
    public DenialGround? DenialGround { get; set; }
    public string? Reasons { get; set; }
    /// <summary>Art 72(6): the State withheld its specific reasons.</summary>
    public bool ReasonsWithheld { get; set; }
    public PostponementGround? PostponementGround { get; set; }
    public DateTimeOffset? Until { get; set; }

    public IReadOnlyList<ExecutionItem> Items
    {
        get => JsonSerializer.Deserialize<List<ExecutionItem>>(ItemsJson, StoredJson.Options) ?? [];
        set => ItemsJson = JsonSerializer.Serialize(value, StoredJson.Options);
    }
}
