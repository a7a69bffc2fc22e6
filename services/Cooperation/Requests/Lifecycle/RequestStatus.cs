namespace Cooperation.Requests;

/// <summary>
/// Where a request stands. Services store it as a plain enum column and ask
/// <see cref="RequestLifecycle.Decide"/> what may happen next.
/// </summary>
public enum RequestStatus
{
    /// <summary>Being written by the issuing organ.</summary>
    Draft,
    /// <summary>Complete, in an accepted language (or translated) and classified; may be transmitted.</summary>
    Ready,
    /// <summary>The issuing organ committed it for sending (Art 87(1)).</summary>
    Transmitted,
    /// <summary>The State's node persisted it.</summary>
    Delivered,
    /// <summary>A person or system at the State accepted it.</summary>
    Acknowledged,
    /// <summary>The State is executing it under its national procedure (Art 88, 99).</summary>
    InExecution,
    /// <summary>Side state: an Art 97 consultation is open; returns to the prior status.</summary>
    InConsultation,
    /// <summary>Side state: execution postponed under Art 89(2), 94 or 95; returns to the prior status.</summary>
    Postponed,
    /// <summary>Terminal.</summary>
    Executed,
    /// <summary>Terminal.</summary>
    PartiallyExecuted,
    /// <summary>Terminal: only on Art 93(4) or 93(5), with reasons (93(6)).</summary>
    Denied,
    /// <summary>Terminal: withdrawn by the issuing organ (or redirected elsewhere, 93(9)(b)).</summary>
    Withdrawn,
    /// <summary>
    /// Terminal: Art 90, the requested State extradited the person to a competing requesting State where Art 90(3),
    /// (5), (6) or (7)(b) allowed it. A lawful end, not a failure to comply.
    /// </summary>
    ExtraditedInstead,
}

public static class RequestStatuses
{
    /// <summary>Terminal statuses accept nothing but a reclassification.</summary>
    public static bool IsTerminal(this RequestStatus status) => status is
        RequestStatus.Executed or RequestStatus.PartiallyExecuted or RequestStatus.Denied or RequestStatus.Withdrawn
        or RequestStatus.ExtraditedInstead;

    /// <summary>The request has left the issuing organ and is pending at the State (RPE 180: "requests in progress").</summary>
    public static bool IsPending(this RequestStatus status) =>
        status is not (RequestStatus.Draft or RequestStatus.Ready) && !status.IsTerminal();
}
