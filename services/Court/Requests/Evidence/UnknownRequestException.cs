using Cooperation.ServiceDefaults.Messaging;

namespace Cooperation.Court.Requests.Evidence;

/// <summary>
/// A reply about a request this organ did not issue to that State. It can never succeed, so the
/// message goes straight to the error queue with this reason (ids only) for an operator to inspect.
/// </summary>
public sealed class UnknownRequestException(Guid requestId)
    : UnacceptableMessageException($"No request {requestId} was issued by this organ to the replying State.");
