using Cooperation.AssemblyProcedures;
using Cooperation.Confidentiality;
using Cooperation.Organs;

namespace Cooperation.Contracts.Assembly;

/// <summary>A document's metadata on the wire: reference, title, date (never its text).</summary>
public sealed record DocumentReference(string Reference, string Title, DateOnly Date);

/// <summary>
/// Assembly → State (<see cref="Addresses.ToState"/>, the State's own queue), through the Assembly's outbox: a step
/// of the formal response about this State (ICC-ASP/10/Res.5 annex, para 14). The State keeps one per case and step.
/// <see cref="ICooperationMessage.RequestId"/> is the request the Court's notification named.
/// </summary>
public sealed record AssemblyStepTaken : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required Guid CaseId { get; init; }
    public required string StateCode { get; init; }
    public required string RequestReference { get; init; }
    public required FormalStep Step { get; init; }
    public required DateOnly On { get; init; }
    public required DocumentReference Document { get; init; }
    /// <summary>For the President's letter: the date by which the State is asked for its views.</summary>
    public DateOnly? ViewsDueBy { get; init; }
}

/// <summary>
/// State → Assembly (<see cref="Addresses.FromStateTo"/> with <see cref="Organ.Assembly"/>, the State's own exchange
/// <c>state-xxx.to-assembly</c> into <c>assembly.from-state-xxx</c>): the State's views on the President's letter.
/// Admitted only from the State's own queue, for a case about that State; capped by <see cref="Limits.StateInputLimits"/>.
/// </summary>
public sealed record StateViewsSubmitted : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required Guid CaseId { get; init; }
    public required Guid SubmissionId { get; init; }
    public required string StateCode { get; init; }
    public required string Views { get; init; }
    public IReadOnlyList<DocumentReference> Documents { get; init; } = [];
    public required DateTimeOffset SubmittedAt { get; init; }
}
