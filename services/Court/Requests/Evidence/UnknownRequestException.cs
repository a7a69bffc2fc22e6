namespace Cooperation.Court.Requests.Evidence;

/// <summary>
/// A reply about a request this organ did not issue to that State. The message goes to the error
/// queue with this reason (ids only) for an operator to inspect.
/// </summary>
public sealed class UnknownRequestException(Guid requestId)
    : Exception($"No request {requestId} was issued by this organ to the replying State.");
