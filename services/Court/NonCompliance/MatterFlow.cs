using Cooperation.Contracts;
using Cooperation.Contracts.NonCompliance;
using Cooperation.Deadlines;
using Cooperation.NonCompliance;
using Cooperation.Organs;
using Cooperation.Proceedings.Deadlines;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperation.Court.NonCompliance;

/// <summary>
/// What every recorded step does, in the caller's unit of work: the record changes, the State concerned is told on its
/// own queue, the observations timer starts or stops, and — once the Chamber has referred the matter to the Assembly —
/// the Assembly is notified of that and of every later step (through the outbox, in the caller's trace).
/// </summary>
public static class MatterFlow
{
    /// <summary>A matter names the State, the steps, dates and references: the two parties, and the Assembly once referred.</summary>
    private static readonly IReadOnlyList<string> StateReaders = [];
    private static readonly IReadOnlyList<string> AssemblyReaders = ["assembly"];

    public static void Record(
        NonComplianceMatterRecord matter, MatterDecision.Accepted accepted, IOutbox outbox, IDeadlineScheduler deadlines, DateTimeOffset now)
    {
        matter.Apply(accepted.Snapshot, now);
        var state = Addresses.ToState(matter.StateCode);
        if (matter.Step == MatterStep.ObservationsInvited && matter.ObservationsDueBy is { } due)
            // Regulation 109: the reply-by date is a deadline like every other (reminders, then the miss), seen by both ends.
            deadlines.Schedule(
                new Deadline(DeadlineKind.ObservationsReply, Deadline.EndOfDayUtc(due), matter.RequestId, State: StateCode.Parse(matter.StateCode)),
                new DeadlineAudience(Organ.Registry, [state], matter.Classification, matter.RequestVersion));
        outbox.Send(state, StepMessage(matter, now));
        if (accepted.Snapshot.NotifiesAssembly)
        {
            matter.AssemblyNotifiedAt ??= now;
            outbox.Send(Addresses.ToAssembly, AssemblyMessage(matter, now));
        }
    }

    /// <summary>Any step after the invitation ends the wait for observations (answered, or decided without them).</summary>
    public static Task StopObservationsTimerAsync(NonComplianceMatterRecord matter, IDeadlineScheduler deadlines, CancellationToken ct) =>
        matter.Step is MatterStep.Suspected or MatterStep.ObservationsInvited
            ? Task.CompletedTask
            : deadlines.CancelAsync(DeadlineKind.ObservationsReply, matter.RequestId, ct: ct);

    public static MatterStepRecorded StepMessage(NonComplianceMatterRecord m, DateTimeOffset now) => new()
    {
        RequestId = m.RequestId,
        RequestVersion = m.RequestVersion,
        SenderOrgan = Organ.Registry,
        Classification = m.Classification,
        SentAt = now,
        Readers = StateReaders,
        MatterId = m.Id,
        StateCode = m.StateCode,
        RequestReference = m.RequestReference,
        Step = m.Step,
        Steps = m.Steps.Select(s => new MatterStepNotice(s.Step, s.DecisionReference, s.On)).ToList(),
        ObservationsDueBy = m.ObservationsDueBy,
        RecordedAt = now,
    };

    /// <summary>Never the request's contents (Art 87(3)): the State, the steps, dates and references. Steps without a decision carry "".</summary>
    public static NonCooperationNotified AssemblyMessage(NonComplianceMatterRecord m, DateTimeOffset now) => new()
    {
        RequestId = m.RequestId,
        RequestVersion = m.RequestVersion,
        SenderOrgan = Organ.Registry,
        Classification = m.Classification,
        SentAt = now,
        Readers = AssemblyReaders,
        Reason = NotificationReason.MatterStep,
        CaseId = m.Id,
        StateCode = m.StateCode,
        RequestReference = m.RequestReference,
        Situation = m.Situation,
        Steps = m.Steps.Select(s => new NotifiedStep(s.Step, s.DecisionReference ?? "", s.On)).ToList(),
        NotifiedAt = now,
    };

    /// <summary>422 naming every invalid field (never its value).</summary>
    public static ProblemHttpResult Invalid(IEnumerable<InvalidElement> problems, string type = ProblemTypes.Validation) =>
        TypedResults.Problem(new HttpValidationProblemDetails(Problems.Errors(problems.Select(p => (p.Element, p.Problem))))
        {
            Type = type,
            Title = "One or more fields are invalid",
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = "Every invalid field is listed under 'errors'. Nothing was changed.",
        });

    /// <summary>A refused step: 422 when fields are at fault, else 409 with the stable code as the type; nothing changed.</summary>
    public static ProblemHttpResult Refused(MatterDecision.Refused refused) =>
        refused.InvalidElements.Count > 0
            ? Invalid(refused.InvalidElements, refused.Code == MatterErrors.InvalidDecision ? ProblemTypes.Validation : ProblemTypes.Lifecycle(refused.Code))
            : Problems.Conflict(ProblemTypes.Lifecycle(refused.Code), "Not allowed in this matter", refused.Message + " Nothing was changed.");
}
