using Cooperation.Consultations;
using Cooperation.Contracts.Consultations;
using Cooperation.Contracts;
using Cooperation.Court.Persistence;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Requests;
using Cooperation.Proceedings.Consultations;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Proceedings.Deadlines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Consultations;

/// <summary>Art 97 consultations on this organ's requests: open, read, answer, close.</summary>
public static class ConsultationEndpoints
{
    public static void MapConsultations(this IEndpointRouteBuilder routes, CourtOrgan organ)
    {
        var prefix = $"{organ.RoutePrefix}/requests/{{id:guid}}/consultations";
        routes.MapPost(prefix, OpenAsync).Produces<ConsultationView>(StatusCodes.Status201Created).WithName($"{organ.Organ}OpenConsultation").WithIdempotency()
            .WithSummary("Open an Art 97 consultation with the requested State (the request goes InConsultation).");
        routes.MapGet(prefix, ListAsync).Produces<List<ConsultationView>>(StatusCodes.Status200OK).WithName($"{organ.Organ}ListConsultations");
        routes.MapGet(prefix + "/{cid:guid}", GetAsync).Produces<ConsultationView>(StatusCodes.Status200OK).WithName($"{organ.Organ}GetConsultation");
        routes.MapPost(prefix + "/{cid:guid}/messages", PostAsync).Produces<ConsultationView>(StatusCodes.Status201Created).WithName($"{organ.Organ}PostConsultationMessage").WithIdempotency()
            .WithSummary("Answer in the consultation; the first answer stops the service-level clock.");
        routes.MapPost(prefix + "/{cid:guid}/close", CloseAsync).Produces<ConsultationView>(StatusCodes.Status200OK).WithName($"{organ.Organ}CloseConsultation").WithIdempotency()
            .WithSummary("Close with Resumed, Redirected, Postponed or Withdrawn (Modified: POST .../modify).");
        routes.MapGet($"{organ.RoutePrefix}/consultations/service-levels", ServiceLevelsAsync)
            .Produces<ServiceLevelSummary>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}ConsultationServiceLevels")
            .WithSummary("Consultations and service-level breaches per State, for this organ.");
    }

    private static async Task<IResult> OpenAsync(
        Guid id, OpenConsultationBody body, CourtOrgan organ, CourtDbContext db, IOutbox outbox, IDeadlineScheduler deadlines,
        ConsultationServiceLevels levels, TimeProvider clock, CancellationToken ct)
    {
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct);
        if (request is null) return Problems.NotFound("request");
        var now = clock.GetUtcNow();
        var invalid = ConsultationFlow.Validate(body, now);
        if (invalid.Count > 0) return ConsultationFlow.Invalid(invalid);

        var facts = request.Facts();
        // The lifecycle decides and records the transition; a refusal changes nothing.
        if (request.Apply(new RequestCommand.OpenConsultation(), organ.Actor(), now) is Decision.Refused refused)
            return ConsultationFlow.Refused(refused);

        var consultation = ConsultationFlow.NewRecord(facts, body, organ.Organ, now);
        db.Consultations.Add(consultation);
        var state = Addresses.ToState(request.StateCode);
        if (body.ReplyBy is { } replyBy)
            deadlines.Schedule(
                new Deadline(DeadlineKind.ConsultationReply, Deadline.EndOfDayUtc(replyBy), request.Id, consultation.Id, StateCode.Parse(request.StateCode)),
                new DeadlineAudience(organ.Organ, [state], request.Classification, request.Version));
        outbox.Send(state, ConsultationFlow.OpenedMessage(consultation, organ.Organ, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{organ.RoutePrefix}/requests/{id}/consultations/{consultation.Id}",
            ConsultationView.From(consultation, request.Status, levels));
    }

    private static async Task<IResult> ListAsync(Guid id, CourtOrgan organ, CourtDbContext db, ConsultationServiceLevels levels, CancellationToken ct)
    {
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct);
        if (request is null) return Problems.NotFound("request");
        var consultations = await db.Consultations.Include(c => c.Entries).Where(c => c.RequestId == id).ToListAsync(ct);
        var status = await db.Requests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync(ct);
        return TypedResults.Ok(consultations.OrderByDescending(c => c.OpenedAt)
            .Select(c => ConsultationView.From(c, status, levels)).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, Guid cid, CourtOrgan organ, CourtDbContext db, ConsultationServiceLevels levels, CancellationToken ct)
    {
        var (_, consultation) = await FindAsync(id, cid, organ, db, ct);
        if (consultation is null) return Problems.NotFound("consultation");
        // Read after the consultation, so a view never shows a consultation without the status it committed with.
        var status = await db.Requests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync(ct);
        return TypedResults.Ok(ConsultationView.From(consultation, status, levels));
    }

    private static async Task<IResult> PostAsync(
        Guid id, Guid cid, PostConsultationMessageBody body, CourtOrgan organ, CourtDbContext db, IOutbox outbox,
        ConsultationServiceLevels levels, TimeProvider clock, CancellationToken ct)
    {
        var (request, consultation) = await FindAsync(id, cid, organ, db, ct);
        if (consultation is null) return Problems.NotFound("consultation");
        var invalid = ConsultationFlow.Validate(body);
        if (invalid.Count > 0) return ConsultationFlow.Invalid(invalid);

        var now = clock.GetUtcNow();
        var entry = ConsultationFlow.NewEntry(body, organ.Organ, now);
        if (ConsultationFlow.Post(consultation, entry) is { } refused) return ConsultationFlow.Refused(refused);
        db.Add(entry);
        levels.Record(consultation);
        outbox.Send(Addresses.ToState(request!.StateCode), ConsultationFlow.PostedMessage(consultation, entry, organ.Organ, request.Version, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{organ.RoutePrefix}/requests/{id}/consultations/{cid}",
            ConsultationView.From(consultation, request.Status, levels));
    }

    private static async Task<IResult> CloseAsync(
        Guid id, Guid cid, CloseConsultationBody body, CourtOrgan organ, CourtDbContext db, IOutbox outbox, IDeadlineScheduler deadlines,
        ConsultationServiceLevels levels, TimeProvider clock, CancellationToken ct)
    {
        var (request, consultation) = await FindAsync(id, cid, organ, db, ct);
        if (request is null || consultation is null) return Problems.NotFound("consultation");
        var invalid = ConsultationFlow.Validate(body);
        if (invalid.Count > 0) return ConsultationFlow.Invalid(invalid);
        var outcome = body.Outcome!.Value;
        if (outcome == ConsultationOutcome.Modified)
            return ConsultationFlow.Invalid([new("outcome", $"Modified carries the new version: POST {organ.RoutePrefix}/requests/{{id}}/modify")]);

        var now = clock.GetUtcNow();
        var until = body.Until?.ToUniversalTime() ?? (body.PeriodDays is { } days ? now.AddDays(days) : null);
        var thread = ConsultationThread.Decide(consultation.ToSnapshot(), new ConsultationCommand.Close(outcome, organ.Organ, now));
        if (thread is ConsultationDecision.Refused threadRefused) return ConsultationFlow.Refused(threadRefused);
        var decision = request.Apply(new RequestCommand.CloseConsultation(outcome, body.Ground, until), organ.Actor(), now);
        if (decision is Decision.Refused refused) return ConsultationFlow.Refused(refused);
        var accepted = (Decision.Accepted)decision;

        consultation.Apply(((ConsultationDecision.Accepted)thread).Snapshot);
        consultation.ClosedBy = organ.Organ;
        consultation.ClosingNote = body.Note;
        consultation.PostponementGround = accepted.Snapshot.PostponementGround;
        consultation.PostponedUntil = accepted.Snapshot.PostponedUntil;
        consultation.StatusBeforePostponement = accepted.Snapshot.StatusBeforePostponement;
        levels.Record(consultation);

        var state = Addresses.ToState(request.StateCode);
        await deadlines.CancelAsync(DeadlineKind.ConsultationReply, request.Id, consultation.Id, ct);
        // An agreed postponement period expires into a reminder to both parties (Art 94(1)).
        if (until is { } end && outcome == ConsultationOutcome.Postponed)
            deadlines.Schedule(
                new Deadline(DeadlineKind.PostponementEnds, end, request.Id, consultation.Id, Cooperation.Organs.StateCode.Parse(request.StateCode)),
                new DeadlineAudience(organ.Organ, [state], request.Classification, request.Version));
        outbox.Send(state, Closed(consultation, organ, request.Version, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ConsultationView.From(consultation, request.Status, levels));
    }

    internal static ConsultationClosed Closed(ConsultationRecord c, CourtOrgan organ, int version, DateTimeOffset now) => new()
    {
        RequestId = c.RequestId,
        RequestVersion = version,
        SenderOrgan = organ.Organ,
        Classification = c.Classification,
        SentAt = now,
        Readers = ConsultationFlow.ThreadReaders,
        ConsultationId = c.Id,
        StateCode = c.StateCode,
        Outcome = c.Outcome!.Value,
        ClosedBy = organ.Organ,
        ClosedAt = c.ClosedAt!.Value,
        PostponementGround = c.PostponementGround,
        PostponedUntil = c.PostponedUntil,
        NewVersion = c.NewVersion,
        ChangedElements = c.ChangedElements,
        Note = c.ClosingNote,
    };

    private static async Task<IResult> ServiceLevelsAsync(CourtOrgan organ, CourtDbContext db, ConsultationServiceLevels levels, CancellationToken ct)
    {
        var consultations = await db.Consultations.Where(c => c.IssuingOrgan == organ.Organ).ToListAsync(ct);
        var level = levels.Level;
        var rows = consultations.GroupBy(c => c.StateCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var live = g.Select(c => (c, breaches: levels.Check(c))).ToList();
            return new ServiceLevelSummaryRow(g.Key, organ.Organ, g.Count(), g.Count(c => c.Status == ConsultationStatus.Open),
                g.Count(c => c.TimeToOpenBreached), g.Count(c => c.TimeToAnswerBreached),
                live.Count(x => x.breaches.Any(b => b is { Measure: ServiceLevelMeasure.TimeToFirstCourtAnswer, Ongoing: true })));
        }).ToList();
        return TypedResults.Ok(new ServiceLevelSummary(level.MaxToOpen, level.MaxToFirstCourtAnswer, rows));
    }

    internal static async Task<(Requests.CooperationRequest? Request, ConsultationRecord? Consultation)> FindAsync(
        Guid id, Guid cid, CourtOrgan organ, CourtDbContext db, CancellationToken ct)
    {
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct);
        if (request is null) return (null, null);
        var consultation = await db.Consultations.Include(c => c.Entries).SingleOrDefaultAsync(c => c.Id == cid && c.RequestId == id, ct);
        return (request, consultation);
    }
}

/// <summary>Per State: consultations, those open, and service-level breaches recorded (and the answer breaches still running).</summary>
public sealed record ServiceLevelSummary(TimeSpan MaxToOpen, TimeSpan MaxToFirstCourtAnswer, IReadOnlyList<ServiceLevelSummaryRow> States);

public sealed record ServiceLevelSummaryRow(
    string StateCode, Organ Organ, int Consultations, int Open, int TimeToOpenBreaches, int TimeToFirstCourtAnswerBreaches, int AnswersOverdueNow);
