using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Contracts.Requests;

/// <summary>State → issuing organ: execution is complete, or partly complete (the request ends PartiallyExecuted).</summary>
public sealed record RequestExecuted : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public bool Partial { get; init; }
    public IReadOnlyList<ExecutionItem> Items { get; init; } = [];
    public string? Note { get; init; }
}
