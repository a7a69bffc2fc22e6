using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests.Channels;

namespace Cooperation.Contracts.Requests;

/// <summary>
/// Issuing organ → State: Art 87(1)(b), the request was also transmitted through INTERPOL or a regional organisation,
/// beside the designated channel. Status and evidence do not change.
/// </summary>
public sealed record OrganisationTransmissionRecorded : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required OrganisationChannel Channel { get; init; }
    public string? Organisation { get; init; }
    public string? Reference { get; init; }
    public required DateTimeOffset At { get; init; }
}
