using Cooperation.Alerts;
using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Contracts;
using Cooperation.Contracts.Alerts;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Proceedings.Consultations;
using Cooperation.Proceedings.Deadlines;
using Cooperation.Proceedings.Lifecycle;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Consultations;
using Cooperation.State.Limits;
using Cooperation.State.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Alerts;

public sealed record AcknowledgeAlertBody(string? AcknowledgedBy);
public sealed record VisitCancelledBody(string? Note);
public sealed record VisitChangedBody(DateOnly? ExpectedFrom, DateOnly? ExpectedUntil, string? Note);

/// <summary>
/// The State's central authority works its travel alerts: read them, acknowledge, report the visit cancelled or
/// changed, consult the Court at once (Art 97) on the arrest request the alert concerns. Each step is applied to the
/// State's copy and told to the Registry through this State's own outbound exchange, in one commit. Only this
/// State's own alerts exist here; another code or an unknown id is 404.
/// </summary>
public static class AlertEndpoints
{
    private const string Prefix = "/states/{code}/alerts";
    private const int MaxPageSize = 100;

    public static void MapStateAlerts(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Prefix, ListAsync).Produces<StateAlertPage>(StatusCodes.Status200OK).WithName("StateListTravelAlerts")
            .WithSummary("Travel alerts this State received, newest first, paged (limit 1-100, default 20; next as cursor).");
        routes.MapGet(Prefix + "/{id:guid}", GetAsync).Produces<StateAlertView>(StatusCodes.Status200OK).WithName("StateGetTravelAlert");
        routes.MapPost(Prefix + "/{id:guid}/acknowledge", AcknowledgeAsync).Produces<StateAlertView>(StatusCodes.Status200OK).WithName("StateAcknowledgeTravelAlert")
            .WithStateInputLimits<AcknowledgeAlertBody>().WithIdempotency()
            .WithSummary("A person or system at the State accepts the alert; the Registry's board shows who and when.");
        routes.MapPost(Prefix + "/{id:guid}/visit-cancelled", CancelledAsync).Produces<StateAlertView>(StatusCodes.Status200OK).WithName("StateReportVisitCancelled")
            .WithStateInputLimits<VisitCancelledBody>().WithIdempotency();
        routes.MapPost(Prefix + "/{id:guid}/visit-changed", ChangedAsync).Produces<StateAlertView>(StatusCodes.Status200OK).WithName("StateReportVisitChanged")
            .WithStateInputLimits<VisitChangedBody>().WithIdempotency();
        routes.MapPost(Prefix + "/{id:guid}/consultations", ConsultAsync).Produces<ConsultationView>(StatusCodes.Status201Created).WithName("StateConsultFromTravelAlert")
            .WithStateInputLimits<OpenConsultationBody>().WithIdempotency()
            .WithSummary("Consult the Registry at once (Art 97) on the arrest request the alert concerns: the same grounds and thread as any consultation.");
    }

    private static async Task<IResult> ListAsync(
        string code, Guid? cursor, int? limit, StateDbContext db, IOptions<StateOptions> state, CancellationToken ct)
    {
        if (!Own(code, state)) return Problems.NotFound("State node");
        var size = Math.Clamp(limit ?? 20, 1, MaxPageSize);
        var query = db.TravelAlerts.AsNoTracking();
        if (cursor is not null)
        {
            var after = await db.TravelAlerts.Where(a => a.Id == cursor).Select(a => new { a.ReceivedAt, a.Reference }).SingleOrDefaultAsync(ct);
            if (after is null) return Problems.Invalid(new Dictionary<string, string[]> { ["cursor"] = ["Unknown cursor."] });
            query = query.Where(a => a.ReceivedAt < after.ReceivedAt
                                     || (a.ReceivedAt == after.ReceivedAt && string.Compare(a.Reference, after.Reference) < 0));
        }
        var rows = await query.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Reference).Take(size + 1).ToListAsync(ct);
        var items = rows.Take(size).Select(StateAlertView.From).ToList();
        return TypedResults.Ok(new StateAlertPage(items, rows.Count > size ? items[^1].Id.ToString() : null));
    }

    private static async Task<IResult> GetAsync(string code, Guid id, StateDbContext db, IOptions<StateOptions> state, CancellationToken ct) =>
        Own(code, state) && await db.TravelAlerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } alert
            ? TypedResults.Ok(StateAlertView.From(alert))
            : Problems.NotFound("alert");

    private static Task<IResult> AcknowledgeAsync(
        string code, Guid id, AcknowledgeAlertBody? body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state,
        TimeProvider clock, CancellationToken ct) =>
        StepAsync(code, id, db, outbox, state.Value, clock, ct,
            now => new AlertCommand.Acknowledge(now, body?.AcknowledgedBy ?? ""),
            (a, own, now) => new TravelAlertAcknowledged
            {
                RequestId = a.RequestId, RequestVersion = a.RequestVersion, Classification = a.Classification, SentAt = now, Readers = a.Readers,
                StateCode = own, AlertId = a.Id, AcknowledgedAt = now, AcknowledgedBy = a.Snapshot.AcknowledgedBy!,
            });

    private static Task<IResult> CancelledAsync(
        string code, Guid id, VisitCancelledBody? body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state,
        TimeProvider clock, CancellationToken ct) =>
        StepAsync(code, id, db, outbox, state.Value, clock, ct,
            now => new AlertCommand.ReportVisitCancelled(now),
            (a, own, now) => Visit(a, own, now, VisitStatus.Cancelled, body?.Note));

    private static Task<IResult> ChangedAsync(
        string code, Guid id, VisitChangedBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (body.ExpectedFrom is null) errors.Add(("expectedFrom", "Required: the new first day the person is expected (YYYY-MM-DD)."));
        if (body.ExpectedUntil is null) errors.Add(("expectedUntil", "Required: the new last day the person is expected (YYYY-MM-DD)."));
        errors.AddRange(TravelAlert.ValidateDates(body.ExpectedFrom, body.ExpectedUntil, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .Select(e => (e.Element, e.Problem)));
        if (errors.Count > 0) return Task.FromResult<IResult>(Invalid(errors));
        return StepAsync(code, id, db, outbox, state.Value, clock, ct,
            now => new AlertCommand.ReportVisitChanged(body.ExpectedFrom!.Value, body.ExpectedUntil!.Value, now),
            (a, own, now) => Visit(a, own, now, VisitStatus.Changed, body.Note) with
            {
                ExpectedFrom = body.ExpectedFrom, ExpectedUntil = body.ExpectedUntil,
            });
    }

    private static TravelVisitReported Visit(ReceivedTravelAlert a, string own, DateTimeOffset now, VisitStatus visit, string? note) => new()
    {
        RequestId = a.RequestId, RequestVersion = a.RequestVersion, Classification = a.Classification, SentAt = now, Readers = a.Readers,
        StateCode = own, AlertId = a.Id, Visit = visit, Note = note, ReportedAt = now,
    };

    /// <summary>The shape of every step: own alert only, the board rule decides (409 if refused), the Registry is told, one commit.</summary>
    private static Task<IResult> StepAsync(
        string code, Guid id, StateDbContext db, IOutbox outbox, StateOptions state, TimeProvider clock, CancellationToken ct,
        Func<DateTimeOffset, AlertCommand> command, Func<ReceivedTravelAlert, string, DateTimeOffset, object> messageToRegistry)
    {
        var own = state.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Task.FromResult<IResult>(Problems.NotFound("alert"));
        return ConcurrentChange.RetryAsync(db, async () =>
        {
            var alert = await db.TravelAlerts.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (alert is null) return Problems.NotFound("alert");
            var now = clock.GetUtcNow();
            if (alert.Apply(command(now)) is AlertDecision.Refused refused) return Refused(refused);
            outbox.Send(Addresses.FromStateTo(own, Organ.Registry), messageToRegistry(alert, own, now));
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(StateAlertView.From(alert));
        });
    }

    /// <summary>
    /// Art 97 from the alert: the same consultation as POST /states/{code}/requests/{rid}/consultations (grounds, thread,
    /// "without delay" measure, reply-by deadline) on the arrest request the alert concerns, plus the alert's own step.
    /// Both messages go to the Registry in the same commit.
    /// </summary>
    private static async Task<IResult> ConsultAsync(
        string code, Guid id, OpenConsultationBody body, StateDbContext db, IOutbox outbox, IDeadlineScheduler deadlines,
        ConsultationServiceLevels levels, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct)
    {
        var own = state.Value.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("alert");
        var alert = await db.TravelAlerts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null) return Problems.NotFound("alert");
        var now = clock.GetUtcNow();
        var invalid = ConsultationFlow.Validate(body, now);
        if (invalid.Count > 0) return ConsultationFlow.Invalid(invalid);
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == alert.RequestId, ct);
        // The arrest request travels before the alert; until it is here there is nothing to consult on.
        if (request is null)
            return Problems.Conflict(ProblemTypes.Lifecycle("alert-request-not-received"), "Not allowed on this alert now",
                "The arrest request this alert concerns has not reached this node yet. Nothing was changed.");

        // Both rules decide before either record changes: a refusal leaves nothing for the Idempotency-Key's commit to keep.
        var consultationId = Guid.CreateVersion7();
        var step = new AlertCommand.OpenConsultation(consultationId, body.Grounds!, now);
        if (AlertBoard.Decide(alert.Snapshot, step) is AlertDecision.Refused alertRefused) return Refused(alertRefused);
        var facts = request.Facts(own);
        if (request.Apply(new RequestCommand.OpenConsultation(), $"state:{own}", now) is Decision.Refused refused)
            return ConsultationFlow.Refused(refused);
        alert.Apply(step);
        var consultation = ConsultationFlow.NewRecord(facts, body, Organ.State, now);
        consultation.Id = consultationId;
        levels.Record(consultation);
        db.Consultations.Add(consultation);
        var court = Addresses.FromStateTo(own, request.IssuingOrgan);
        if (body.ReplyBy is { } replyBy)
            deadlines.Schedule(
                new Deadline(DeadlineKind.ConsultationReply, Deadline.EndOfDayUtc(replyBy), request.Id, consultation.Id, StateCode.Parse(own)),
                new DeadlineAudience(Organ.State, [court], request.Classification, request.Version));
        outbox.Send(court, ConsultationFlow.OpenedMessage(consultation, Organ.State, now));
        outbox.Send(Addresses.FromStateTo(own, Organ.Registry), new TravelAlertConsultationOpened
        {
            RequestId = alert.RequestId, RequestVersion = alert.RequestVersion, Classification = alert.Classification, SentAt = now,
            Readers = alert.Readers, StateCode = own, AlertId = alert.Id, ConsultationId = consultation.Id,
            Grounds = consultation.Grounds, OpenedAt = consultation.OpenedAt,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/states/{own}/requests/{request.Id}/consultations/{consultation.Id}",
            ConsultationView.From(consultation, request.Status, levels));
    }

    private static bool Own(string code, IOptions<StateOptions> state) =>
        string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase);

    private static ProblemHttpResult Refused(AlertDecision.Refused refused) =>
        Problems.Conflict(ProblemTypes.Lifecycle(refused.Code), "Not allowed on this alert now", refused.Message + " Nothing was changed.");

    private static ProblemHttpResult Invalid(IEnumerable<(string Field, string Problem)> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(Problems.Errors(errors))
        {
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid",
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = "Every invalid field is listed under 'errors'. Nothing was changed.",
        });
}

/// <summary>This State's copy of an alert: its own visit, the obligation recalled, where it stands.</summary>
public sealed record StateAlertView(
    Guid Id, string Reference, Guid RequestId, string RequestReference, bool RequestSentWithAlert, TravelRole Role,
    string? KnownDetails, string Obligation, Classification Classification, DateTimeOffset ReceivedAt,
    AlertStage Stage, DateTimeOffset AcknowledgeBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
    VisitStatus Visit, DateOnly ExpectedFrom, DateOnly ExpectedUntil, Guid? ConsultationId, IReadOnlyList<ConsultationGround> ConsultationGrounds)
{
    public static StateAlertView From(ReceivedTravelAlert a)
    {
        var s = a.Snapshot;
        return new StateAlertView(a.Id, a.Reference, a.RequestId, a.RequestReference, a.RequestSentWithAlert, a.Role, a.KnownDetails,
            a.Obligation, a.Classification, a.ReceivedAt, s.Stage, s.AcknowledgeBy, s.AcknowledgedAt, s.AcknowledgedBy,
            s.Visit, s.ExpectedFrom, s.ExpectedUntil, s.ConsultationId, s.ConsultationGrounds);
    }
}

public sealed record StateAlertPage(IReadOnlyList<StateAlertView> Items, string? Next);
