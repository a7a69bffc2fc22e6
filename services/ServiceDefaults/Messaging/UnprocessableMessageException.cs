namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// A message that can never succeed however often it is tried (e.g. a field over its cap): it goes to
/// the endpoint's _error queue at once, with this reason, without the retries that would only delay
/// the messages behind it. The message says what is wrong by field and id, never by value.
/// </summary>
public class UnprocessableMessageException(string message) : Exception(message);
