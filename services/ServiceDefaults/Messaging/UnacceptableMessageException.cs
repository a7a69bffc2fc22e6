namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// A message that can never succeed, however often it is retried: it claims a sender the transport
/// contradicts, concerns a request the receiver never issued to its sender, or breaks the contract.
/// It goes straight to the error queue with this reason (ids and codes only, never content), so a
/// sender cannot hold up the receiver's intake with hopeless messages (issue 16).
/// </summary>
public class UnacceptableMessageException(string reason) : Exception(reason);
