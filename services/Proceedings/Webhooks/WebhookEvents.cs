namespace Cooperation.Proceedings.Webhooks;

/// <summary>The event names a partner may subscribe to, per end of a request. Stable: partners branch on them.</summary>
public static class WebhookEvents
{
    /// <summary>A State node: a request reached it (and it answered Delivered).</summary>
    public const string RequestReceived = "request.received";
    /// <summary>A State node: a new version of a request it holds reached it (Art 97 outcome Modified).</summary>
    public const string RequestVersion = "request.version";
    /// <summary>A State node: the issuing organ wrote in a consultation on one of its requests.</summary>
    public const string ConsultationMessage = "consultation.message";
    /// <summary>An issuing organ: the State's node persisted the request (the Delivered evidence).</summary>
    public const string RequestDelivered = "request.delivered";
    /// <summary>An issuing organ: a person or system at the State accepted the request.</summary>
    public const string RequestAcknowledged = "request.acknowledged";
    /// <summary>An issuing organ: a State opened a consultation (Art 97) on one of its requests.</summary>
    public const string ConsultationOpened = "consultation.opened";

    /// <summary>A State node: a travel alert reached it (Art 86, 89(1), 97; issue 9 §1).</summary>
    public const string AlertReceived = "alert.received";
    /// <summary>A State node: the Registry recorded a step of a non-compliance matter about it (Art 87(7), Regulation 109).</summary>
    public const string MatterStep = "matter.step";
    /// <summary>An issuing organ: a request's Delivered or acknowledgement evidence is overdue (design.md, "Evidence").</summary>
    public const string RequestOverdue = "request.overdue";
    /// <summary>Either end: a reminder of a deadline on one of its requests (this node's own, or a notice from the other end).</summary>
    public const string DeadlineApproaching = "deadline.approaching";
    /// <summary>Either end: a deadline on one of its requests fell unmet.</summary>
    public const string DeadlineMissed = "deadline.missed";

    public static readonly IReadOnlyList<string> AtStateNode =
        [RequestReceived, RequestVersion, ConsultationMessage, AlertReceived, MatterStep, DeadlineApproaching, DeadlineMissed];
    public static readonly IReadOnlyList<string> AtIssuingOrgan =
        [RequestDelivered, RequestAcknowledged, ConsultationOpened, RequestOverdue, DeadlineApproaching, DeadlineMissed];
}

/// <summary>
/// Where this node's partners read what an event names: the node's own API prefix (<c>/states/UGA</c>, <c>/registry</c>),
/// so the shared parts (deadlines) name a path the partner's token can read.
/// </summary>
public sealed record WebhookResources(string Prefix)
{
    public string Request(Guid requestId) => $"{Prefix}/requests/{requestId}";
    public string Deadlines(Guid requestId) => $"{Prefix}/requests/{requestId}/deadlines";
}

/// <summary>
/// What an event names: ids only (and the path where the partner reads the resource with its own token), never
/// the request's contents, its classification's subject or anyone's name.
/// </summary>
public sealed record WebhookEventData(Guid RequestId, int RequestVersion, string Resource, Guid? ConsultationId = null, Guid? EntryId = null)
{
    /// <summary>alert.received: the travel alert.</summary>
    public Guid? AlertId { get; init; }
    /// <summary>matter.step: the non-compliance matter, and the step recorded (a step name, never its text).</summary>
    public Guid? MatterId { get; init; }
    public string? Step { get; init; }
    /// <summary>deadline.*: the deadline and its kind (ReplyBy, ConsultationReply, …).</summary>
    public Guid? DeadlineId { get; init; }
    public string? DeadlineKind { get; init; }
    /// <summary>request.overdue: which evidence is overdue (delivery-overdue, acknowledgement-overdue).</summary>
    public string? Signal { get; init; }
}
