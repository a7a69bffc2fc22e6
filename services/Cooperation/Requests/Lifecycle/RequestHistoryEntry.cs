namespace Cooperation.Requests;

/// <summary>
/// What an accepted command did, for the request's history. <paramref name="Event"/> is a stable
/// kebab-case code (e.g. <c>request-transmitted</c>); <paramref name="Description"/> is a human sentence
/// that names statuses, kinds and article numbers only, never request content.
/// </summary>
public sealed record RequestHistoryEntry(
    string Event,
    RequestStatus From,
    RequestStatus To,
    int Version,
    string Description);
