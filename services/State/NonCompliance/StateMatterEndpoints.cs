using Cooperation.Confidentiality;
using Cooperation.Contracts;
using Cooperation.Contracts.NonCompliance;
using Cooperation.Deadlines;
using Cooperation.NonCompliance;
using Cooperation.Organs;
using Cooperation.Proceedings.Deadlines;
using Cooperation.Proceedings.Lifecycle;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Deadlines;
using Cooperation.State.Limits;
using Cooperation.State.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.NonCompliance;

public sealed record SubmitObservationsBody(string? Text);

public sealed record StateMatterView(
    Guid Id, Guid RequestId, string RequestReference, Classification Classification, MatterStep Step, IReadOnlyList<MatterStepNotice> Steps,
    DateOnly? ObservationsDueBy, string? Observations, DateTimeOffset? ObservationsSentAt, IReadOnlyList<DeadlineNoticeView> DeadlineNotices,
    DateTimeOffset UpdatedAt);

/// <summary>
/// The matters about this State, as its central authority sees them, and its observations (Regulation 109 of the
/// Regulations of the Court), sent to the Registry on its own outbound exchange.
/// </summary>
public static class StateMatterEndpoints
{
    public static void MapStateMatters(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/states/{code}/matters", ListAsync).Produces<List<StateMatterView>>(StatusCodes.Status200OK).WithName("StateListMatters")
            .WithSummary("Non-compliance matters about this State (Art 87(7)), latest first.");
        routes.MapGet("/states/{code}/matters/{id:guid}", GetAsync).Produces<StateMatterView>(StatusCodes.Status200OK).WithName("StateGetMatter");
        routes.MapPost("/states/{code}/matters/{id:guid}/observations", SubmitAsync).Produces<StateMatterView>(StatusCodes.Status202Accepted).WithName("StateSubmitObservations")
            .WithStateInputLimits<SubmitObservationsBody>().WithIdempotency()
            .WithSummary("Submit this State's observations on a matter (Regulation 109), while they are invited.");
    }

    private static bool Own(string code, IOptions<StateOptions> state) =>
        string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> ListAsync(string code, StateDbContext db, IOptions<StateOptions> state, CancellationToken ct)
    {
        if (!Own(code, state)) return Problems.NotFound("matter");
        var matters = await db.Matters.AsNoTracking().ToListAsync(ct);
        var views = new List<StateMatterView>();
        foreach (var m in matters.OrderByDescending(m => m.UpdatedAt)) views.Add(await ViewAsync(db, m, ct));
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(string code, Guid id, StateDbContext db, IOptions<StateOptions> state, CancellationToken ct)
    {
        if (!Own(code, state)) return Problems.NotFound("matter");
        var matter = await db.Matters.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        return matter is null ? Problems.NotFound("matter") : TypedResults.Ok(await ViewAsync(db, matter, ct));
    }

    private static Task<IResult> SubmitAsync(
        string code, Guid id, SubmitObservationsBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock,
        CancellationToken ct) =>
        ConcurrentChange.RetryAsync(db, async () =>
        {
            if (!Own(code, state)) return Problems.NotFound("matter");
            var matter = await db.Matters.SingleOrDefaultAsync(m => m.Id == id, ct);
            if (matter is null) return Problems.NotFound("matter");
            if (string.IsNullOrWhiteSpace(body.Text))
                return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["text"] = ["required: the observations"] })
                {
                    Type = ProblemTypes.Validation, Title = "One or more fields are invalid", Status = StatusCodes.Status422UnprocessableEntity,
                });
            var now = clock.GetUtcNow();
            // The same rule as at the Registry: observations only while invited, once.
            var snapshot = new MatterSnapshot { Step = matter.Step, ObservationsDueBy = matter.ObservationsDueBy };
            if (matter.ObservationsSentAt is not null)
                return Problems.Conflict(ProblemTypes.Lifecycle(MatterErrors.IllegalStep), "Not allowed in this matter",
                    "This State's observations on the matter were already sent. Nothing was changed.");
            if (NonComplianceMatter.Decide(snapshot, new MatterCommand.SubmitObservations(DateOnly.FromDateTime(now.UtcDateTime))) is MatterDecision.Refused refused)
                return Problems.Conflict(ProblemTypes.Lifecycle(refused.Code), "Not allowed in this matter", refused.Message + " Nothing was changed.");

            var own = state.Value.NormalizedCode;
            matter.Observations = body.Text;
            matter.ObservationsSentAt = now;
            matter.UpdatedAt = now;
            matter.Revision++;
            outbox.Send(Addresses.FromStateTo(own, Organ.Registry), new MatterObservationsSubmitted
            {
                RequestId = matter.RequestId,
                RequestVersion = matter.RequestVersion,
                SenderOrgan = Organ.State,
                Classification = matter.Classification,
                SentAt = now,
                Readers = [],
                MatterId = matter.Id,
                StateCode = own,
                Text = body.Text,
                SubmittedAt = now,
            });
            await db.SaveChangesAsync(ct);
            return TypedResults.Accepted($"/states/{own}/matters/{id}", await ViewAsync(db, matter, ct));
        });

    private static async Task<StateMatterView> ViewAsync(StateDbContext db, MatterCopy m, CancellationToken ct)
    {
        // Reminders and the miss of the observations deadline, which the Registry keeps (Regulation 109).
        var notices = (await db.DeadlineNotices.AsNoTracking()
                .Where(n => n.RequestId == m.RequestId && n.Kind == DeadlineKind.ObservationsReply).ToListAsync(ct))
            .OrderBy(n => n.ReceivedAt)
            .Select(n => new DeadlineNoticeView(n.DeadlineId, n.Type, n.Kind, n.DueAt, n.ConsultationId, n.Reminder, n.ReceivedAt)).ToList();
        return new StateMatterView(m.Id, m.RequestId, m.RequestReference, m.Classification, m.Step, m.Steps, m.ObservationsDueBy,
            m.Observations, m.ObservationsSentAt, notices, m.UpdatedAt);
    }
}
