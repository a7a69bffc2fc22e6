using Cooperation.Organs;

namespace Cooperation.Consultations;

/// <summary>The consultation thread as a pure state machine: Open → Closed with an outcome.</summary>
public static class ConsultationThread
{
    /// <summary>
    /// A new open consultation, after <see cref="ConsultationOpening.Validate"/> passed. Opened by the State
    /// or by the issuing organ; the issuing organ is the Registry or the Prosecutor, never a State.
    /// </summary>
    public static ConsultationSnapshot Open(
        Organ issuingOrgan, StateCode state, Organ openedBy, DateTimeOffset at, IReadOnlyList<ConsultationGround> grounds)
    {
        if (issuingOrgan == Organ.State)
            throw new ArgumentOutOfRangeException(nameof(issuingOrgan), issuingOrgan, "Requests are issued by the Registry or the Prosecutor.");
        if (openedBy != Organ.State && openedBy != issuingOrgan)
            throw new ArgumentOutOfRangeException(nameof(openedBy), openedBy, "Only the requested State or the issuing organ opens a consultation.");
        return new ConsultationSnapshot
        {
            Status = ConsultationStatus.Open,
            IssuingOrgan = issuingOrgan,
            State = state,
            OpenedBy = openedBy,
            OpenedAt = at,
            Grounds = grounds,
        };
    }

    public static bool IsParty(ConsultationSnapshot consultation, Organ organ) =>
        organ == Organ.State || organ == consultation.IssuingOrgan;

    public static ConsultationDecision Decide(ConsultationSnapshot current, ConsultationCommand command)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);

        if (current.Status == ConsultationStatus.Closed)
            return new ConsultationDecision.Refused(ConsultationErrors.ConsultationClosed, "The consultation is closed.");

        switch (command)
        {
            case ConsultationCommand.PostMessage m:
                if (!IsParty(current, m.From))
                    return NotAParty(current, m.From);
                var courtAnswers = m.From == current.IssuingOrgan && current.OpenedBy == Organ.State;
                return new ConsultationDecision.Accepted(current with
                {
                    MessageCount = current.MessageCount + 1,
                    FirstCourtAnswerAt = courtAnswers ? current.FirstCourtAnswerAt ?? m.At : current.FirstCourtAnswerAt,
                }, "consultation-message-posted");

            case ConsultationCommand.Close c:
                if (!IsParty(current, c.By))
                    return NotAParty(current, c.By);
                if (c.Outcome is ConsultationOutcome.Modified or ConsultationOutcome.Redirected or ConsultationOutcome.Withdrawn
                    && c.By != current.IssuingOrgan)
                    return new ConsultationDecision.Refused(ConsultationErrors.OutcomeNotForParty,
                        $"Only the issuing organ ({current.IssuingOrgan}) modifies, redirects or withdraws its request.");
                // Art 93(9)(b): redirection follows from material controlled by a third State or organisation.
                if (c.Outcome == ConsultationOutcome.Redirected && !current.Grounds.Contains(ConsultationGround.ThirdPartyControl))
                    return new ConsultationDecision.Refused(ConsultationErrors.OutcomeNotApplicable,
                        "Redirection (Art 93(9)(b)) needs the ground ThirdPartyControl.");
                if (!Enum.IsDefined(c.Outcome))
                    return new ConsultationDecision.Refused(ConsultationErrors.OutcomeNotApplicable, "Unknown consultation outcome.");
                return new ConsultationDecision.Accepted(current with
                {
                    Status = ConsultationStatus.Closed,
                    Outcome = c.Outcome,
                    ClosedAt = c.At,
                }, "consultation-closed");

            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown command");
        }
    }

    private static ConsultationDecision.Refused NotAParty(ConsultationSnapshot current, Organ organ) =>
        new(ConsultationErrors.NotAParty,
            $"{organ} is not a party to this consultation; the parties are the requested State and the {current.IssuingOrgan}.");
}
