using Cooperation.Validation;

namespace Cooperation.NonCompliance;

/// <summary>One recorded step: a Chamber's decision (reference and date) or the State's observations (no reference).</summary>
public sealed record MatterStepRecord(MatterStep Step, string? DecisionReference, DateOnly On);

/// <summary>
/// A non-compliance matter as the rules see it: one per State and request (Art 87(7)). <see cref="Step"/> is the
/// latest step; <see cref="Steps"/> every step so far, oldest first.
/// </summary>
public sealed record MatterSnapshot
{
    public MatterStep Step { get; init; } = MatterStep.Suspected;
    /// <summary>The situation was referred by the Security Council (Art 13(b)): only then may the Chamber refer to the Council.</summary>
    public bool SituationReferredBySecurityCouncil { get; init; }
    /// <summary>Reply-by date of the invitation to submit observations (Regulation 109 of the Regulations of the Court).</summary>
    public DateOnly? ObservationsDueBy { get; init; }
    public bool ObservationsSubmitted { get; init; }
    public bool ReferredToAssembly { get; init; }
    public bool ReferredToSecurityCouncil { get; init; }
    public IReadOnlyList<MatterStepRecord> Steps { get; init; } = [];

    /// <summary>No further step can follow (Closed without finding; finding without referral; both possible referrals made).</summary>
    public bool IsFinal => Step is MatterStep.Closed or MatterStep.NotReferred
                           || (ReferredToAssembly && (ReferredToSecurityCouncil || !SituationReferredBySecurityCouncil));

    /// <summary>A matter is the Assembly's to know once the Chamber has referred it to the Assembly (Art 87(7), 112(2)(f)).</summary>
    public bool NotifiesAssembly => ReferredToAssembly;

    public static MatterSnapshot Open(DateOnly suspectedOn, bool situationReferredBySecurityCouncil) => new()
    {
        Step = MatterStep.Suspected,
        SituationReferredBySecurityCouncil = situationReferredBySecurityCouncil,
        Steps = [new MatterStepRecord(MatterStep.Suspected, null, suspectedOn)],
    };
}

/// <summary>What the Registry records on a Chamber's decision, or the State submits.</summary>
public abstract record MatterCommand
{
    private MatterCommand() { }

    /// <summary>Regulation 109 of the Regulations of the Court: the State is heard before any finding.</summary>
    public sealed record InviteObservations(string DecisionReference, DateOnly DecidedOn, DateOnly ReplyBy) : MatterCommand;

    /// <summary>The State's observations, through its node.</summary>
    public sealed record SubmitObservations(DateOnly SubmittedOn) : MatterCommand;

    /// <summary>
    /// Art 87(7): a finding has two elements — a failure to comply contrary to the Statute, and that it prevents the
    /// Court from exercising its functions and powers. Both must be found.
    /// </summary>
    public sealed record RecordFinding(string DecisionReference, DateOnly DecidedOn, bool FailureContraryToStatute, bool PreventsCourtFunctions)
        : MatterCommand;

    /// <summary>Art 87(7): referral to the Assembly, to the Security Council (Art 13(b) situations only), or both at once (Malawi, Chad 2011).</summary>
    public sealed record Refer(string DecisionReference, DateOnly DecidedOn, bool ToAssembly, bool ToSecurityCouncil) : MatterCommand;

    /// <summary>The Chamber defers its decision on referral (Italy, 17 Oct 2025: pending domestic proceedings).</summary>
    public sealed record DeferReferral(string DecisionReference, DateOnly DecidedOn) : MatterCommand;

    /// <summary>A finding without referral (South Africa, 6 Jul 2017: referral "unwarranted").</summary>
    public sealed record DeclineReferral(string DecisionReference, DateOnly DecidedOn) : MatterCommand;

    /// <summary>The Chamber closes the matter without a finding.</summary>
    public sealed record Close(string DecisionReference, DateOnly DecidedOn) : MatterCommand;
}

public abstract record MatterDecision
{
    private MatterDecision() { }

    /// <summary>The new snapshot and the steps this command added (two for a referral to both the Assembly and the Council).</summary>
    public sealed record Accepted(MatterSnapshot Snapshot, IReadOnlyList<MatterStepRecord> Added) : MatterDecision;

    /// <summary>Nothing changes. With <see cref="InvalidElements"/>: fields at fault (422); otherwise an illegal step (409).</summary>
    public sealed record Refused(string Code, string Message, IReadOnlyList<InvalidElement> InvalidElements) : MatterDecision
    {
        public Refused(string code, string message) : this(code, message, []) { }
    }
}

/// <summary>Stable codes for the ProblemDetails <c>type</c>.</summary>
public static class MatterErrors
{
    /// <summary>The step does not follow from the matter's current step.</summary>
    public const string IllegalStep = "illegal-matter-step";
    /// <summary>Regulation 109: no finding before the State was invited to submit observations and its time ran out or it answered.</summary>
    public const string StateNotHeard = "state-not-heard";
    /// <summary>Art 87(7): a finding needs both elements.</summary>
    public const string FindingElementsMissing = "finding-elements-missing";
    /// <summary>Art 13(b), 87(7): only a situation the Council referred may be referred back to it.</summary>
    public const string SecurityCouncilNotSeized = "security-council-not-seized";
    /// <summary>The matter is already referred to that recipient.</summary>
    public const string AlreadyReferred = "already-referred";
    /// <summary>A decision dated before the matter's latest step.</summary>
    public const string OutOfOrder = "decision-out-of-order";
    /// <summary>A Chamber decision without its reference, a referral without a recipient, a reply-by date before the decision.</summary>
    public const string InvalidDecision = "invalid-matter-decision";
}

/// <summary>
/// The non-compliance track (Art 87(7)) as a pure, guarded state machine:
/// <c>Suspected → ObservationsInvited (→ ObservationsSubmitted) → Finding → ReferredToAssembly and/or
/// ReferredToSecurityCouncil | ReferralDeferred (→ a later referral or NotReferred) | NotReferred</c>; <c>Closed</c>
/// without finding from any step before the finding. Finding and referral are separate, discretionary decisions,
/// each with its reference and date.
/// Not encoded: appeals (Jordan, 6 May 2019: the referral reversed on appeal) and Art 87(5)(b) (a State not party
/// with an ad hoc arrangement: the Court "may so inform" the Assembly or Council, no finding).
/// </summary>
public static class NonComplianceMatter
{
    public static MatterDecision Decide(MatterSnapshot current, MatterCommand command)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);
        if (Invalid(current, command) is { } invalid) return invalid;

        return command switch
        {
            MatterCommand.InviteObservations c => When(current, c, [MatterStep.Suspected], () =>
                Accept(current with { ObservationsDueBy = c.ReplyBy }, new MatterStepRecord(MatterStep.ObservationsInvited, c.DecisionReference, c.DecidedOn))),

            MatterCommand.SubmitObservations c => When(current, c, [MatterStep.ObservationsInvited], () =>
                Accept(current with { ObservationsSubmitted = true }, new MatterStepRecord(MatterStep.ObservationsSubmitted, null, c.SubmittedOn))),

            MatterCommand.RecordFinding c => When(current, c, [MatterStep.ObservationsInvited, MatterStep.ObservationsSubmitted], () =>
            {
                if (!c.FailureContraryToStatute || !c.PreventsCourtFunctions)
                    return new MatterDecision.Refused(MatterErrors.FindingElementsMissing,
                        "A finding under Art 87(7) needs both elements: a failure to comply contrary to the Statute, and that it " +
                        "prevents the Court from exercising its functions and powers.",
                        [
                            .. c.FailureContraryToStatute ? Array.Empty<InvalidElement>()
                                : [new InvalidElement("failureContraryToStatute", "must be found for a finding (Art 87(7))")],
                            .. c.PreventsCourtFunctions ? Array.Empty<InvalidElement>()
                                : [new InvalidElement("preventsCourtFunctions", "must be found for a finding (Art 87(7))")],
                        ]);
                // Regulation 109: the State is heard first; a finding waits for its observations or the end of its time.
                if (!current.ObservationsSubmitted && current.ObservationsDueBy is { } due && c.DecidedOn <= due)
                    return new MatterDecision.Refused(MatterErrors.StateNotHeard,
                        "The State's time for observations (Regulation 109 of the Regulations of the Court) has not run out and it has not answered.");
                return Accept(current, new MatterStepRecord(MatterStep.Finding, c.DecisionReference, c.DecidedOn));
            }),

            MatterCommand.Refer c => When(current, c,
                [MatterStep.Finding, MatterStep.ReferralDeferred, MatterStep.ReferredToAssembly, MatterStep.ReferredToSecurityCouncil], () =>
            {
                if (c.ToSecurityCouncil && !current.SituationReferredBySecurityCouncil)
                    return new MatterDecision.Refused(MatterErrors.SecurityCouncilNotSeized,
                        "Only a situation the Security Council referred (Art 13(b)) may be referred to the Council under Art 87(7).");
                if ((c.ToAssembly && current.ReferredToAssembly) || (c.ToSecurityCouncil && current.ReferredToSecurityCouncil))
                    return new MatterDecision.Refused(MatterErrors.AlreadyReferred, "The matter is already referred to that recipient (Art 87(7)).");
                var added = new List<MatterStepRecord>();
                if (c.ToAssembly) added.Add(new MatterStepRecord(MatterStep.ReferredToAssembly, c.DecisionReference, c.DecidedOn));
                if (c.ToSecurityCouncil) added.Add(new MatterStepRecord(MatterStep.ReferredToSecurityCouncil, c.DecisionReference, c.DecidedOn));
                return Accept(current with
                {
                    ReferredToAssembly = current.ReferredToAssembly || c.ToAssembly,
                    ReferredToSecurityCouncil = current.ReferredToSecurityCouncil || c.ToSecurityCouncil,
                }, [.. added]);
            }),

            MatterCommand.DeferReferral c => When(current, c, [MatterStep.Finding], () =>
                Accept(current, new MatterStepRecord(MatterStep.ReferralDeferred, c.DecisionReference, c.DecidedOn))),

            MatterCommand.DeclineReferral c => When(current, c, [MatterStep.Finding, MatterStep.ReferralDeferred], () =>
                Accept(current, new MatterStepRecord(MatterStep.NotReferred, c.DecisionReference, c.DecidedOn))),

            // No finding: the matter ends. After a finding the Chamber decides on referral instead.
            MatterCommand.Close c => When(current, c, [MatterStep.Suspected, MatterStep.ObservationsInvited, MatterStep.ObservationsSubmitted], () =>
                Accept(current, new MatterStepRecord(MatterStep.Closed, c.DecisionReference, c.DecidedOn))),

            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown matter command."),
        };
    }

    /// <summary>The step a command records (the first, for a referral to both).</summary>
    public static MatterStep StepOf(MatterCommand command) => command switch
    {
        MatterCommand.InviteObservations => MatterStep.ObservationsInvited,
        MatterCommand.SubmitObservations => MatterStep.ObservationsSubmitted,
        MatterCommand.RecordFinding => MatterStep.Finding,
        MatterCommand.Refer { ToAssembly: true } => MatterStep.ReferredToAssembly,
        MatterCommand.Refer => MatterStep.ReferredToSecurityCouncil,
        MatterCommand.DeferReferral => MatterStep.ReferralDeferred,
        MatterCommand.DeclineReferral => MatterStep.NotReferred,
        MatterCommand.Close => MatterStep.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static MatterDecision.Refused? Invalid(MatterSnapshot current, MatterCommand command)
    {
        var problems = new List<InvalidElement>();
        var (reference, on) = command switch
        {
            MatterCommand.InviteObservations c => (c.DecisionReference, c.DecidedOn),
            MatterCommand.RecordFinding c => (c.DecisionReference, c.DecidedOn),
            MatterCommand.Refer c => (c.DecisionReference, c.DecidedOn),
            MatterCommand.DeferReferral c => (c.DecisionReference, c.DecidedOn),
            MatterCommand.DeclineReferral c => (c.DecisionReference, c.DecidedOn),
            MatterCommand.Close c => (c.DecisionReference, c.DecidedOn),
            MatterCommand.SubmitObservations c => ((string?)"", c.SubmittedOn),
            _ => ("", default),
        };
        // Every Chamber decision is recorded with its reference (e.g. ICC-02/05-01/09-302); the State's observations have none.
        if (command is not MatterCommand.SubmitObservations && string.IsNullOrWhiteSpace(reference))
            problems.Add(new InvalidElement("decisionReference", "required: the Chamber decision's reference"));
        if (command is MatterCommand.InviteObservations invite && invite.ReplyBy < invite.DecidedOn)
            problems.Add(new InvalidElement("replyBy", "cannot be before the decision"));
        if (command is MatterCommand.Refer { ToAssembly: false, ToSecurityCouncil: false })
            problems.Add(new InvalidElement("toAssembly", "refer to the Assembly, the Security Council, or both"));
        if (problems.Count > 0)
            return new MatterDecision.Refused(MatterErrors.InvalidDecision, "Some fields of the decision are invalid.", problems);
        if (current.Steps.Count > 0 && on < current.Steps[^1].On && command is not MatterCommand.SubmitObservations)
            return new MatterDecision.Refused(MatterErrors.OutOfOrder,
                $"The decision is dated before the matter's latest step ({current.Steps[^1].Step}).");
        return null;
    }

    private static MatterDecision When(MatterSnapshot current, MatterCommand command, MatterStep[] from, Func<MatterDecision> then) =>
        from.Contains(current.Step) && !(current.IsFinal && command is MatterCommand.Refer)
            ? then()
            : new MatterDecision.Refused(MatterErrors.IllegalStep,
                $"{StepOf(command)} cannot follow {current.Step} in a non-compliance matter (Art 87(7)).");

    private static MatterDecision Accept(MatterSnapshot next, params MatterStepRecord[] added) =>
        new MatterDecision.Accepted(next with { Step = added[^1].Step, Steps = [.. next.Steps, .. added] }, added);
}
