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

    public static readonly IReadOnlyList<string> AtStateNode = [RequestReceived, RequestVersion, ConsultationMessage];
    public static readonly IReadOnlyList<string> AtIssuingOrgan = [RequestDelivered, RequestAcknowledged, ConsultationOpened];
}

/// <summary>
/// What an event names: ids only (and the path where the partner reads the resource with its own token), never
/// the request's contents, its classification's subject or anyone's name.
/// </summary>
public sealed record WebhookEventData(Guid RequestId, int RequestVersion, string Resource, Guid? ConsultationId = null, Guid? EntryId = null);
