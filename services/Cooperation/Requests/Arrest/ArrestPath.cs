using Cooperation.Deadlines;
using static Cooperation.Requests.Arrest.ArrestCommand;

namespace Cooperation.Requests.Arrest;

/// <summary>The arrest path as a pure, guarded state machine (Art 59(1)-(7), 89, 91, 92; RPE 184, 188).</summary>
public static class ArrestPath
{
    public static ArrestDecision Decide(ArrestSnapshot current, ArrestCommand command)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);

        return command switch
        {
            RecordArrest c => When(current, c,
                [ArrestStage.ProvisionalArrestRequested, ArrestStage.SurrenderRequested, ArrestStage.ReleasedPendingDocuments],
                () => Accept(current with { Stage = ArrestStage.Arrested, ArrestDate = c.ArrestDate, ReleasedOn = null },
                    current.Stage == ArrestStage.ReleasedPendingDocuments ? "person-rearrested" : "person-arrested",
                    current.Stage == ArrestStage.ReleasedPendingDocuments
                        ? "The person was arrested again after release (Art 92(4))."
                        : "The State notified the arrest and its date.")),

            AwaitDocuments c => When(current, c, [ArrestStage.Arrested], () =>
            {
                if (!current.Provisional || current.DocumentsReceived)
                    return AlreadyReceived();
                if (current.ArrestDate is not { } arrestDate)
                    return new ArrestDecision.Refused(ArrestErrors.ArrestDateRequired,
                        "The 60-day period runs from the arrest date, which the State has not notified (RPE 188).");
                var deadline = Deadline.SurrenderDocuments(arrestDate);
                return Accept(current with { Stage = ArrestStage.AwaitingDocuments, DocumentsDueAt = deadline.DueAt },
                    "documents-awaited",
                    "Awaiting the surrender request and documents, due 60 days after the provisional arrest (RPE 188).",
                    deadlineStarted: deadline);
            }),

            RecordDocumentsReceived c => When(current, c,
                [ArrestStage.ProvisionalArrestRequested, ArrestStage.Arrested, ArrestStage.AwaitingDocuments, ArrestStage.ReleasedPendingDocuments],
                () =>
                {
                    if (!current.Provisional || current.DocumentsReceived)
                        return AlreadyReceived();
                    var late = current.DocumentsDueAt is { } due && c.At >= due;
                    return Accept(
                        current with
                        {
                            Stage = current.Stage == ArrestStage.AwaitingDocuments ? ArrestStage.Arrested : current.Stage,
                            DocumentsReceived = true,
                            DocumentsDueAt = null,
                        },
                        "documents-received",
                        late
                            ? "The surrender request and documents arrived after the RPE 188 period; arrest and surrender remain possible (Art 92(4))."
                            : "The surrender request and documents arrived.",
                        deadlineEnded: current.Stage == ArrestStage.AwaitingDocuments ? DeadlineKind.SurrenderDocuments : null);
                }),

            // Art 92(3), RPE 188: release is lawful only once the 60 days have run without the documents.
            Release c => When(current, c, [ArrestStage.AwaitingDocuments], () =>
            {
                if (current.ArrestDate is not { } arrestDate)
                    return new ArrestDecision.Refused(ArrestErrors.ArrestDateRequired,
                        "The 60-day period runs from the arrest date, which the State has not notified (RPE 188).");
                var due = current.DocumentsDueAt ?? Deadline.SurrenderDocuments(arrestDate).DueAt;
                if (StartOfDay(c.ReleasedOn) < due)
                    return new ArrestDecision.Refused(ArrestErrors.ReleaseBeforePeriodEnds,
                        "Release under Art 92(3) is possible only once the 60 days (RPE 188) have run without the surrender " +
                        "request and documents; before that, a release is interim release (Art 59(3)-(6)).");
                return Accept(current with { Stage = ArrestStage.ReleasedPendingDocuments, ReleasedOn = c.ReleasedOn, DocumentsDueAt = null },
                    "person-released",
                    "The 60 days ran out without the surrender request and documents; the person was released (Art 92(3)). " +
                    "The request stays open and a later arrest and surrender remain possible (Art 92(4)).",
                    deadlineEnded: DeadlineKind.SurrenderDocuments);
            }),

            BringBeforeJudicialAuthority c => When(current, c, [ArrestStage.Arrested, ArrestStage.AwaitingDocuments], () =>
                NotBeforeArrest(current, c.On) ?? Accept(current with { BroughtBeforeJudicialAuthorityOn = c.On },
                    "brought-before-judicial-authority",
                    "The arrested person was brought before the competent judicial authority of the custodial State (Art 59(2)).")),

            // Art 59(3)-(6): interim release does not end the surrender proceedings nor any RPE 188 period.
            GrantInterimRelease c => When(current, c, [ArrestStage.Arrested, ArrestStage.AwaitingDocuments], () =>
                NotBeforeArrest(current, c.On) ?? Accept(current with { InterimReleasedOn = c.On },
                    "interim-release-granted",
                    "Interim release pending surrender was granted (Art 59(3)-(6)); the surrender proceedings go on.")),

            OrderSurrender c => When(current, c, [ArrestStage.Arrested, ArrestStage.AwaitingDocuments], () =>
            {
                if (!current.DocumentsReceived && !c.ConsentToSurrender)
                    return new ArrestDecision.Refused(ArrestErrors.DocumentsRequired,
                        "Surrender needs the surrender request and documents, unless the person consents to surrender (Art 92(3)).");
                return NotBeforeArrest(current, c.On) ?? Accept(current with { SurrenderOrderedOn = c.On },
                    "surrender-ordered",
                    "The custodial State ordered surrender; the person is to be delivered to the Court as soon as possible (Art 59(7)).");
            }),

            // Art 89(4): "after making its decision to grant the request, shall consult with the Court".
            DeferSurrender c => When(current, c, [ArrestStage.Arrested, ArrestStage.AwaitingDocuments], () =>
                OtherProceedingsGuard(current, c.CourtConsulted) ?? NotBeforeArrest(current, c.On) ?? Accept(
                    current with { Stage = ArrestStage.SurrenderDeferred, SurrenderDeferredOn = c.On, DeferredUntil = c.ExpectedUntil, DocumentsDueAt = null },
                    "surrender-deferred",
                    "After consulting the Court, the State deferred surrender until the proceedings or sentence for a different " +
                    "crime in the State end (Art 89(4)); the person is then surrendered.",
                    deadlineEnded: current.Stage == ArrestStage.AwaitingDocuments ? DeadlineKind.SurrenderDocuments : null)),

            // RPE 183: temporary surrender, at once after the consultation or during a deferral.
            SurrenderTemporarily c => When(current, c, [ArrestStage.Arrested, ArrestStage.AwaitingDocuments, ArrestStage.SurrenderDeferred], () =>
            {
                if (OtherProceedingsGuard(current, c.CourtConsulted) is { } refused) return refused;
                if (string.IsNullOrWhiteSpace(c.Conditions))
                    return new ArrestDecision.Refused(ArrestErrors.ConditionsRequired,
                        "A temporary surrender is made on conditions determined between the requested State and the Court (RPE 183).");
                return NotBeforeArrest(current, c.On) ?? Accept(
                    current with
                    {
                        Stage = ArrestStage.TemporarilySurrendered, TemporarilySurrenderedOn = c.On,
                        TemporarySurrenderConditions = c.Conditions.Trim(), ReturnedOn = null, DocumentsDueAt = null,
                    },
                    "temporarily-surrendered",
                    "The person was surrendered temporarily on conditions determined with the Court (RPE 183, Art 89(4)); kept in " +
                    "custody at the Court and returned to the State once no longer required, at the latest when the proceedings end.",
                    deadlineEnded: current.Stage == ArrestStage.AwaitingDocuments ? DeadlineKind.SurrenderDocuments : null);
            }),

            // RPE 183 "shall be transferred to the requested State"; the final surrender then awaits the end of the national
            // proceedings or sentence, as a deferral does (our reading).
            RecordReturn c => When(current, c, [ArrestStage.TemporarilySurrendered], () =>
                current.TemporarilySurrenderedOn is { } sent && c.On < sent
                    ? new ArrestDecision.Refused(ArrestErrors.DateBeforeArrest, "The return cannot be dated before the temporary surrender.")
                    : Accept(current with { Stage = ArrestStage.SurrenderDeferred, ReturnedOn = c.On },
                        "returned-after-temporary-surrender",
                        "The temporarily surrendered person was transferred back to the requested State (RPE 183); surrender to the " +
                        "Court follows once the proceedings or sentence there end (Art 89(4)).")),

            ArrangeSurrender c => When(current, c,
                [ArrestStage.Arrested, ArrestStage.AwaitingDocuments, ArrestStage.SurrenderDeferred, ArrestStage.SurrenderArranged],
                () =>
                {
                    var rescheduled = current.Stage == ArrestStage.SurrenderArranged;
                    // After a deferral (Art 89(4)) surrender was already ordered (Art 59(7)).
                    if (!rescheduled && current.Stage != ArrestStage.SurrenderDeferred && !current.DocumentsReceived && !c.ConsentToSurrender)
                        return new ArrestDecision.Refused(ArrestErrors.DocumentsRequired,
                            "Surrender needs the surrender request and documents, unless the person consents to surrender (Art 92(3)).");
                    return Accept(current with { Stage = ArrestStage.SurrenderArranged, SurrenderDate = c.SurrenderDate, DocumentsDueAt = null },
                        rescheduled ? "surrender-rescheduled" : "surrender-arranged",
                        rescheduled
                            ? "The surrender date was changed with the Registry (RPE 184)."
                            : c.ConsentToSurrender && !current.DocumentsReceived
                                ? "Surrender arranged on the person's consent before the documents came (Art 92(3))."
                                : "Date and manner of surrender agreed with the Registry (RPE 184).",
                        deadlineEnded: current.Stage == ArrestStage.AwaitingDocuments ? DeadlineKind.SurrenderDocuments : null);
                }),

            RecordSurrender c => When(current, c, [ArrestStage.SurrenderArranged], () =>
                Accept(current with { Stage = ArrestStage.Surrendered, SurrenderedOn = c.SurrenderedOn },
                    "person-surrendered", "The person was surrendered to the Court.")),

            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown command"),
        };
    }

    private static ArrestDecision? OtherProceedingsGuard(ArrestSnapshot current, bool courtConsulted) =>
        current.SurrenderOrderedOn is null
            ? new ArrestDecision.Refused(ArrestErrors.SurrenderOrderRequired,
                "Art 89(4): the State consults the Court after deciding to grant the request; record the surrender order (Art 59(7)) first.")
            : !courtConsulted
                ? new ArrestDecision.Refused(ArrestErrors.ConsultationRequired,
                    "Art 89(4): the State consults the Court on the proceedings or sentence for a different crime before deferring " +
                    "or temporarily surrendering (RPE 183): open a consultation on that ground first.")
                : null;

    private static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static ArrestDecision? NotBeforeArrest(ArrestSnapshot current, DateOnly on) =>
        current.ArrestDate is { } arrested && on < arrested
            ? new ArrestDecision.Refused(ArrestErrors.DateBeforeArrest, "The step cannot be dated before the arrest.")
            : null;

    private static ArrestDecision.Refused AlreadyReceived() =>
        new(ArrestErrors.DocumentsAlreadyReceived,
            "The surrender request and documents are already with the State; there is nothing to await.");

    private static ArrestDecision When(ArrestSnapshot current, ArrestCommand command, ArrestStage[] allowed, Func<ArrestDecision> then) =>
        allowed.Contains(current.Stage)
            ? then()
            : new ArrestDecision.Refused(ArrestErrors.IllegalTransition,
                $"An arrest path at stage {current.Stage} does not accept {command.GetType().Name}.");

    private static ArrestDecision.Accepted Accept(
        ArrestSnapshot next, string @event, string description, Deadline? deadlineStarted = null, DeadlineKind? deadlineEnded = null) =>
        new(next, @event, description, deadlineStarted, deadlineEnded);
}
