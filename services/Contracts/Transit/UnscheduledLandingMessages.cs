using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests.Transit;

namespace Cooperation.Contracts.Transit;

/// <summary>
/// Transit State → Registry: Art 89(3)(e), a person transported to the Court made an unscheduled landing and is
/// detained; no transit request exists yet, so this asks the Court for one. <see cref="RequestId"/> is empty
/// (there is no request); the landing is named by <see cref="LandingId"/>, which a transit request answering it
/// carries as <c>contents.unscheduledLandingId</c>.
/// </summary>
public sealed record UnscheduledLandingReported : ICooperationMessage
{
    public Guid RequestId { get; init; } = Guid.Empty;
    public int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required Guid LandingId { get; init; }
    public required DateTimeOffset LandedAt { get; init; }
    /// <summary>Art 89(3)(e): detention may not reach this instant unless the transit request was received before it.</summary>
    public required DateTimeOffset DetentionEndsAt { get; init; }
    /// <summary>Content: who the person is, as the State can tell (never logged).</summary>
    public string? PersonDescription { get; init; }
    /// <summary>The warrant or transfer reference the escort carries, if any.</summary>
    public string? WarrantReference { get; init; }
}

/// <summary>Transit State → Registry: a later step of the landing (transit request received, released after 96 hours, transit effected).</summary>
public sealed record UnscheduledLandingAdvanced : ICooperationMessage
{
    public Guid RequestId { get; init; } = Guid.Empty;
    public int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required Guid LandingId { get; init; }
    /// <summary>The stable event code (transit-request-received, released-after-96-hours, transit-effected).</summary>
    public required string Event { get; init; }
    public required LandingStatus Status { get; init; }
    public Guid? TransitRequestId { get; init; }
    public required DateTimeOffset At { get; init; }
}
