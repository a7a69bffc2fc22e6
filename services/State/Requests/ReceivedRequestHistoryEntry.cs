using Cooperation.Requests;

namespace Cooperation.State.Requests;

/// <summary>One transition of a received request: who (an office, never a person's name), what, when, which version.</summary>
public sealed class ReceivedRequestHistoryEntry
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    /// <summary>Order within the request's history (several entries can share a time).</summary>
    public int Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string What { get; set; } = "";
    public RequestStatus FromStatus { get; set; }
    public RequestStatus ToStatus { get; set; }
    public int Version { get; set; }
    /// <summary>The trace of the call or message that caused it (W3C trace id), so an operator goes from "since when" to the exact trace.</summary>
    public string? TraceId { get; set; }
}
