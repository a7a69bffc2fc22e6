using Cooperation.Confidentiality;
using Cooperation.Organs;

namespace Cooperation.Contracts.Requests;

/// <summary>
/// Either side → the other: Art 94(1), a postponement period proposed in answer to the other side's proposal
/// (the State's first proposal is <see cref="RequestPostponed"/> on Art 94). Execution goes on until it is agreed.
/// </summary>
public sealed record PostponementPeriodProposed : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required DateTimeOffset Until { get; init; }
}

/// <summary>Either side → the other: Art 94(1), the pending period is agreed; the request is postponed until <see cref="Until"/>.</summary>
public sealed record PostponementAgreed : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required DateTimeOffset Until { get; init; }
}
