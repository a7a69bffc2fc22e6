using Cooperation.Confidentiality;
using Cooperation.Organs;

namespace Cooperation.Contracts.Requests;

/// <summary>Issuing organ → State: the urgent request was confirmed through the designated channel (Art 91(1), 96(1)).</summary>
public sealed record ConfirmRequest : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required DateTimeOffset ConfirmedAt { get; init; }
}
