using Cooperation.Contracts.Requests;
using Cooperation.Requests;

namespace Cooperation.Court.Requests;

/// <summary>One report from the requested State, as the issuing organ keeps it.</summary>
public sealed record StateReport
{
    public required DateTimeOffset At { get; init; }
    /// <summary>progress, executed, partially-executed, denied, partly-denied, postponed, postponement-proposed, resumed, execution-started.</summary>
    public required string What { get; init; }
    public IReadOnlyList<ExecutionItem> Items { get; init; } = [];
    public string? Note { get; init; }
    public DenialGround? DenialGround { get; init; }
    public string? Reasons { get; init; }
    /// <summary>Art 72(6): the State withheld its specific reasons.</summary>
    public bool ReasonsWithheld { get; init; }
    public PostponementGround? PostponementGround { get; init; }
    public DateTimeOffset? Until { get; init; }
}
