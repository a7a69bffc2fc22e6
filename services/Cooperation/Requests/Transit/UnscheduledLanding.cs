using Cooperation.Deadlines;

namespace Cooperation.Requests.Transit;

/// <summary>Where a person detained after an unscheduled landing stands (Art 89(3)(e), RPE 182).</summary>
public enum LandingStatus
{
    /// <summary>Detained pending the Court's transit request, for at most 96 hours from the landing.</summary>
    Detained,
    /// <summary>The transit request came within the 96 hours: the cap no longer applies; detention lasts until transit is effected.</summary>
    TransitRequestReceived,
    /// <summary>The transit was effected. Terminal.</summary>
    TransitEffected,
    /// <summary>RPE 182(2): the 96 hours ran out without the request and the person was released, without prejudice to a later arrest. Terminal.</summary>
    Released,
}

/// <summary>
/// An unscheduled landing on the transit State's territory, reported by that State WITHOUT a transit request
/// (there is none yet): the report asks the Court for one (Art 89(3)(e)).
/// </summary>
public sealed record LandingSnapshot
{
    public required LandingStatus Status { get; init; }
    public required DateTimeOffset LandedAt { get; init; }
    /// <summary>Art 89(3)(e): the first instant detention may not reach unless the request was received before it.</summary>
    public required DateTimeOffset DetentionEndsAt { get; init; }
    /// <summary>The transit request that answered the landing, once received.</summary>
    public Guid? TransitRequestId { get; init; }
    public DateTimeOffset? TransitRequestReceivedAt { get; init; }
    public DateTimeOffset? ReleasedAt { get; init; }
    public DateTimeOffset? TransitEffectedAt { get; init; }
}

public abstract record LandingCommand
{
    private LandingCommand() { }

    /// <summary>The Court's transit request reached the State (Art 89(3)(b), RPE 182(1): by any medium leaving a written record).</summary>
    public sealed record ReceiveTransitRequest(Guid RequestId, DateTimeOffset At) : LandingCommand;

    /// <summary>The 96 hours ran out without the request: the person is released (RPE 182(2)).</summary>
    public sealed record ReleaseAtCap(DateTimeOffset At) : LandingCommand;

    /// <summary>The person was transported on.</summary>
    public sealed record RecordTransitEffected(DateTimeOffset At) : LandingCommand;
}

public abstract record LandingDecision
{
    private LandingDecision() { }

    /// <summary><paramref name="CapEnded"/>: the 96-hour timer no longer runs (the scheduler cancels it).</summary>
    public sealed record Accepted(LandingSnapshot Snapshot, string Event, string Description, bool CapEnded) : LandingDecision;

    public sealed record Refused(string Code, string Message) : LandingDecision;
}

public static class LandingErrors
{
    public const string IllegalTransition = "illegal-transition";
    public const string DetentionCapExpired = "detention-cap-expired";
    public const string CapNotReached = "cap-not-reached";
}

/// <summary>Art 89(3)(e) and RPE 182 as a pure state machine.</summary>
public static class UnscheduledLanding
{
    /// <summary>A reported landing; the 96-hour cap runs from the landing itself (Art 89(3)(e)).</summary>
    public static LandingSnapshot Report(DateTimeOffset landedAt) => new()
    {
        Status = LandingStatus.Detained,
        LandedAt = landedAt,
        DetentionEndsAt = Deadline.TransitDetention(landedAt).DueAt,
    };

    public static LandingDecision Decide(LandingSnapshot current, LandingCommand command)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);
        switch (command)
        {
            case LandingCommand.ReceiveTransitRequest c when current.Status == LandingStatus.Detained:
                // Art 89(3)(e): only a request received within the 96 hours extends detention.
                if (c.At >= current.DetentionEndsAt)
                    return new LandingDecision.Refused(LandingErrors.DetentionCapExpired,
                        "The transit request came after the 96 hours (Art 89(3)(e)); the person is to be released (RPE 182(2)), " +
                        "without prejudice to a later arrest under Art 89 or 92.");
                return new LandingDecision.Accepted(
                    current with { Status = LandingStatus.TransitRequestReceived, TransitRequestId = c.RequestId, TransitRequestReceivedAt = c.At },
                    "transit-request-received",
                    "The transit request came within the 96 hours; detention continues until the transit is effected (Art 89(3)(e)).",
                    CapEnded: true);

            case LandingCommand.ReleaseAtCap c when current.Status == LandingStatus.Detained:
                if (c.At < current.DetentionEndsAt)
                    return new LandingDecision.Refused(LandingErrors.CapNotReached,
                        "The 96 hours of Art 89(3)(e) have not run yet; the person stays detained pending the transit request.");
                return new LandingDecision.Accepted(current with { Status = LandingStatus.Released, ReleasedAt = c.At },
                    "released-after-96-hours",
                    "No transit request within 96 hours of the unscheduled landing: the person was released (Art 89(3)(e), RPE 182(2)); " +
                    "this is without prejudice to a later arrest under Art 89 or 92.",
                    CapEnded: true);

            case LandingCommand.RecordTransitEffected c when current.Status == LandingStatus.TransitRequestReceived:
                return new LandingDecision.Accepted(current with { Status = LandingStatus.TransitEffected, TransitEffectedAt = c.At },
                    "transit-effected", "The transit was effected.", CapEnded: false);

            case LandingCommand.ReceiveTransitRequest or LandingCommand.ReleaseAtCap or LandingCommand.RecordTransitEffected:
                return new LandingDecision.Refused(LandingErrors.IllegalTransition,
                    $"A landing in status {current.Status} does not accept {command.GetType().Name}.");
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown command");
        }
    }
}

/// <summary>When a transit needs the transit State's authorisation at all (Art 89(3)(d)).</summary>
public static class TransitAuthorisation
{
    /// <summary>Art 89(3)(d): transport by air with no landing scheduled on the State's territory needs no authorisation.</summary>
    public static bool Required(TransitRoute? route) => route is not { ByAir: true, LandingScheduled: false };
}
