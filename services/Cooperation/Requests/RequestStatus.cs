namespace Cooperation.Requests;

/// <summary>The lifecycle of a request (domain.md, "Lifecycle of a request").</summary>
public enum RequestStatus
{
    Draft,
    Ready,
    Transmitted,
    Delivered,
    Acknowledged,
    InExecution,
    InConsultation,
    Postponed,
    Executed,
    PartiallyExecuted,
    Denied,
    Withdrawn,
}
