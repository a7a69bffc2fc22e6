using Cooperation.Contracts;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Requests;
using Cooperation.Proceedings.Consultations;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Proceedings.Deadlines;
using Cooperation.State.Configuration;
using Cooperation.State.Limits;
using Cooperation.State.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Consultations;

/// <summary>
/// Art 97 consultations as the State's central authority works them: open one "without delay" when an
/// obstacle arises, write in it, read it. Messages go to the organ that issued the request.
/// </summary>
public static class ConsultationEndpoints
{
    private const string Prefix = "/states/{code}/requests/{id:guid}/consultations";

    public static void MapStateConsultations(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Prefix, OpenAsync).Produces<ConsultationView>(StatusCodes.Status201Created).WithName("StateOpenConsultation").WithStateInputLimits<OpenConsultationBody>().WithIdempotency()
            .WithSummary("Consult the issuing organ on an obstacle (Art 97); the request goes InConsultation.");
        routes.MapGet(Prefix, ListAsync).Produces<List<ConsultationView>>(StatusCodes.Status200OK).WithName("StateListConsultations");
        routes.MapGet(Prefix + "/{cid:guid}", GetAsync).Produces<ConsultationView>(StatusCodes.Status200OK).WithName("StateGetConsultation");
        routes.MapPost(Prefix + "/{cid:guid}/messages", PostAsync).Produces<ConsultationView>(StatusCodes.Status201Created).WithName("StatePostConsultationMessage")
            .WithStateInputLimits<PostConsultationMessageBody>().WithIdempotency();
    }

    private static async Task<IResult> OpenAsync(
        string code, Guid id, OpenConsultationBody body, StateDbContext db, IOutbox outbox, IDeadlineScheduler deadlines,
        ConsultationServiceLevels levels, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct)
    {
        var own = state.Value.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("request");
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return Problems.NotFound("request");
        var now = clock.GetUtcNow();
        var invalid = ConsultationFlow.Validate(body, now);
        if (invalid.Count > 0) return ConsultationFlow.Invalid(invalid);

        var facts = request.Facts(own);
        if (request.Apply(new RequestCommand.OpenConsultation(), $"state:{own}", now) is Decision.Refused refused)
            return ConsultationFlow.Refused(refused);

        var consultation = ConsultationFlow.NewRecord(facts, body, Organ.State, now);
        levels.Record(consultation);
        db.Consultations.Add(consultation);
        // The answering Court side is the organ that issued the request (RPE 176(2)).
        var court = Addresses.FromStateTo(own, request.IssuingOrgan);
        if (body.ReplyBy is { } replyBy)
            deadlines.Schedule(
                new Deadline(DeadlineKind.ConsultationReply, Deadline.EndOfDayUtc(replyBy), request.Id, consultation.Id, StateCode.Parse(own)),
                new DeadlineAudience(Organ.State, [court], request.Classification, request.Version));
        outbox.Send(court, ConsultationFlow.OpenedMessage(consultation, Organ.State, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/states/{own}/requests/{id}/consultations/{consultation.Id}",
            ConsultationView.From(consultation, request.Status, levels));
    }

    private static async Task<IResult> ListAsync(
        string code, Guid id, StateDbContext db, ConsultationServiceLevels levels, IOptions<StateOptions> state, CancellationToken ct)
    {
        if (!string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("request");
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return Problems.NotFound("request");
        var consultations = await db.Consultations.Include(c => c.Entries).Where(c => c.RequestId == id).ToListAsync(ct);
        var status = await db.Requests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync(ct);
        return TypedResults.Ok(consultations.OrderByDescending(c => c.OpenedAt)
            .Select(c => ConsultationView.From(c, status, levels)).ToList());
    }

    private static async Task<IResult> GetAsync(
        string code, Guid id, Guid cid, StateDbContext db, ConsultationServiceLevels levels, IOptions<StateOptions> state, CancellationToken ct)
    {
        if (!string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("consultation");
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id, ct);
        var consultation = request is null
            ? null
            : await db.Consultations.Include(c => c.Entries).SingleOrDefaultAsync(c => c.Id == cid && c.RequestId == id, ct);
        if (consultation is null) return Problems.NotFound("consultation");
        // Read after the consultation, so a view never shows a consultation without the status it committed with.
        var status = await db.Requests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync(ct);
        return TypedResults.Ok(ConsultationView.From(consultation, status, levels));
    }

    private static async Task<IResult> PostAsync(
        string code, Guid id, Guid cid, PostConsultationMessageBody body, StateDbContext db, IOutbox outbox,
        ConsultationServiceLevels levels, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct)
    {
        var own = state.Value.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("consultation");
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id, ct);
        var consultation = request is null
            ? null
            : await db.Consultations.Include(c => c.Entries).SingleOrDefaultAsync(c => c.Id == cid && c.RequestId == id, ct);
        if (request is null || consultation is null) return Problems.NotFound("consultation");
        var invalid = ConsultationFlow.Validate(body);
        if (invalid.Count > 0) return ConsultationFlow.Invalid(invalid);

        var now = clock.GetUtcNow();
        var entry = ConsultationFlow.NewEntry(body, Organ.State, now);
        if (ConsultationFlow.Post(consultation, entry) is { } refused) return ConsultationFlow.Refused(refused);
        db.Add(entry);
        outbox.Send(Addresses.FromStateTo(own, request.IssuingOrgan),
            ConsultationFlow.PostedMessage(consultation, entry, Organ.State, request.Version, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/states/{own}/requests/{id}/consultations/{cid}", ConsultationView.From(consultation, request.Status, levels));
    }
}
