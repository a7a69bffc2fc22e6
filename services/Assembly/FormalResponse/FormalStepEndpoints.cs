using Cooperation.AssemblyProcedures;
using Cooperation.Assembly.Cases;
using Cooperation.Assembly.Persistence;
using Cooperation.Contracts;
using Cooperation.Contracts.Assembly;
using Cooperation.Organs;
using Cooperation.Proceedings.Deadlines;
using Cooperation.Proceedings.Lifecycle;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;

namespace Cooperation.Assembly.FormalResponse;

/// <summary>A step of the formal response: which, when, its document; for the President's letter, the views-by date.</summary>
public sealed record FormalStepBody(FormalStep? Step, DateOnly? On, DocumentReference? Document, DateOnly? ViewsDueBy);

/// <summary>
/// The formal response after a referral (ICC-ASP/10/Res.5 annex para 14, as amended), recorded by the Presidency/Bureau
/// through the Secretariat (scope assembly; a focal point is refused here and at the gateway). Each step is told to the
/// State concerned through the outbox, in the same transaction; the President's letter starts the views deadline.
/// </summary>
public static class FormalStepEndpoints
{
    public static void MapFormalResponse(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/assembly/cases/{id:guid}/formal-steps", RecordAsync)
            .RequireAuthorization(AssemblyPolicies.Presidency)
            .WithIdempotency()
            .Produces<Cases.CaseView>(StatusCodes.Status201Created)
            .WithName("AssemblyRecordFormalStep")
            .WithSummary("Record the next step of the formal response (409 if it is not the next one); the State is told.");

    private static Task<IResult> RecordAsync(
        Guid id, FormalStepBody body, HttpContext http, AssemblyDbContext db, IOutbox outbox, IDeadlineScheduler deadlines,
        TimeProvider clock, CancellationToken ct) =>
        ConcurrentChange.RetryAsync(db, async () =>
        {
            var errors = new List<(string, string)>();
            if (body.Step is null) errors.Add(("step", $"Required: one of {string.Join(", ", Enum.GetNames<FormalStep>())}."));
            if (body.On is null) errors.Add(("on", "Required: the date of the step (yyyy-MM-dd)."));
            errors.AddRange(AssemblyProblems.CheckDocument("document", body.Document, required: true));
            if (body.ViewsDueBy is not null && body.Step is not FormalStep.PresidentsLetter)
                errors.Add(("viewsDueBy", "Only the President's letter asks the State for its views by a date."));
            if (errors.Count > 0) return AssemblyProblems.Invalid(errors);

            var record = await CaseEndpoints.LoadAsync(db, id, ct);
            if (record is null) return Problems.NotFound("case");
            var document = body.Document!;
            var decision = AssemblyProcedure.Decide(record.ToSnapshot(), new AssemblyCommand.RecordFormalStep(
                body.Step!.Value, body.On!.Value, new DocumentMetadata(document.Reference, document.Title, document.Date), body.ViewsDueBy));
            if (decision is AssemblyDecision.Refused refused) return AssemblyProblems.Refused(refused);
            var accepted = (AssemblyDecision.Accepted)decision;
            var taken = accepted.Snapshot.FormalSteps[^1];
            var now = clock.GetUtcNow();

            db.FormalSteps.Add(new FormalStepEntry
            {
                Id = Guid.CreateVersion7(), CaseId = record.Id, Step = taken.Step, On = taken.On,
                DocumentReference = document.Reference, DocumentTitle = document.Title, DocumentDate = document.Date,
                ViewsDueBy = taken.ViewsDueBy, RecordedBy = Scopes.ClientId(http.User) ?? "", RecordedAt = now,
            });
            var state = Addresses.ToState(record.StateCode);
            if (accepted.DeadlineStarted is { } started)
                // Reminders and the miss go to the State (its node shows them); the Assembly reads the deadline here.
                record.ViewsDeadlineId = deadlines.Schedule(
                    started with { RequestId = record.RequestId, State = StateCode.Parse(record.StateCode) },
                    new DeadlineAudience(Organ.Assembly, [state], record.Classification, record.RequestVersion));
            record.Revision++;
            outbox.Send(state, new AssemblyStepTaken
            {
                RequestId = record.RequestId, RequestVersion = record.RequestVersion, SenderOrgan = Organ.Assembly,
                Classification = record.Classification, SentAt = now, Readers = [],
                CaseId = record.Id, StateCode = record.StateCode, RequestReference = record.RequestReference,
                Step = taken.Step, On = taken.On, Document = document, ViewsDueBy = taken.ViewsDueBy,
            });
            await db.SaveChangesAsync(ct);
            var view = await CaseEndpoints.LoadViewAsync(db, id, ct);
            return TypedResults.Created($"/assembly/cases/{id}", view);
        });
}
