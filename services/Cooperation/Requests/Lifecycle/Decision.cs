using Cooperation.Validation;

namespace Cooperation.Requests;

/// <summary>The lifecycle's answer to a command: accepted with the new snapshot, or refused.</summary>
public abstract record Decision
{
    private Decision() { }

    public sealed record Accepted(RequestSnapshot Snapshot, RequestHistoryEntry Entry) : Decision;

    /// <summary>
    /// <paramref name="Code"/> is stable (see <see cref="LifecycleErrors"/>) and maps to a ProblemDetails type;
    /// <paramref name="Message"/> names statuses and kinds only, never request content.
    /// </summary>
    public sealed record Refused(string Code, string Message, IReadOnlyList<InvalidElement> InvalidElements) : Decision
    {
        public Refused(string code, string message) : this(code, message, []) { }
    }

    public bool IsAccepted => this is Accepted;
}
