using Cooperation.Consultations;
using Cooperation.Contracts;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Transmit;
using Cooperation.Court.Register;
using Cooperation.Court.Requests.Queries;
using Cooperation.Deadlines;
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

namespace Cooperation.Court.Consultations.Modify;

/// <summary>The request after a modification, with the elements that changed and the consultation it closed.</summary>
public sealed record ModifiedRequestView(RequestView Request, IReadOnlyList<string> ChangedElements, Guid? ConsultationId);

public static class ModifyRequestEndpoint
{
    public static void MapModifyRequest(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/modify", ModifyAsync)
            .Produces<ModifiedRequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}ModifyRequest").WithIdempotency()
            .WithSummary("Re-send the request with new contents as version + 1; an open consultation closes as Modified.");

    private static async Task<IResult> ModifyAsync(
        Guid id, ModifyRequestBody body, CourtOrgan organ, CourtDbContext db, IOutbox outbox, IDeadlineScheduler deadlines,
        ConsultationServiceLevels levels, TimeProvider clock, CancellationToken ct)
    {
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct);
        if (request is null) return Problems.NotFound("request");
        if (body.Contents is null) return ConsultationFlow.Invalid([new("contents", "required: the new contents of the request")]);
        if (body.Note is { Length: > 4000 }) return ConsultationFlow.Invalid([new("note", "at most 4000 characters")]);

        ConsultationRecord? consultation = null;
        if (request.Status == RequestStatus.InConsultation || body.ConsultationId is not null)
        {
            consultation = await db.Consultations.Include(c => c.Entries)
                .Where(c => c.RequestId == id && c.Status == ConsultationStatus.Open)
                .Where(c => body.ConsultationId == null || c.Id == body.ConsultationId)
                .SingleOrDefaultAsync(ct);
            if (consultation is null)
                return body.ConsultationId is not null && !await db.Consultations.AnyAsync(c => c.Id == body.ConsultationId && c.RequestId == id, ct)
                    ? Problems.NotFound("consultation")
                    : Problems.Conflict(ProblemTypes.IllegalTransition, "No open consultation", "The consultation is not open; nothing was changed.");
        }

        var now = clock.GetUtcNow();
        // A new version keeps the designation in effect at first transmission (RPE 180: later changes do not touch it).
        var designation = await db.ForRequestAsync(request.StateCode, request.Lifecycle.FirstTransmittedAt, now, ct);
        var accepted = designation?.AcceptedLanguages ?? [];
        // Decide first without changing anything: the consultation's own machine must accept the close too.
        var decision = RequestLifecycle.Decide(request.Lifecycle,
            new RequestCommand.Modify(now, new CompletenessInput(body.Contents, request.Language, accepted, request.TranslationLanguage, designation?.Requirements)));
        if (decision is Decision.Refused refused) return ConsultationFlow.Refused(refused);
        var next = ((Decision.Accepted)decision).Snapshot;

        var changed = ConsultationFlow.ChangedElements(request.Contents, body.Contents);
        var state = Addresses.ToState(request.StateCode);
        if (consultation is not null)
        {
            var thread = ConsultationThread.Decide(consultation.ToSnapshot(), new ConsultationCommand.Close(ConsultationOutcome.Modified, organ.Organ, now));
            if (thread is ConsultationDecision.Refused threadRefused) return ConsultationFlow.Refused(threadRefused);
            consultation.Apply(((ConsultationDecision.Accepted)thread).Snapshot);
            consultation.ClosedBy = organ.Organ;
            consultation.ClosingNote = body.Note;
            consultation.NewVersion = next.Version;
            consultation.ChangedElements = changed;
            levels.Record(consultation);
            await deadlines.CancelAsync(DeadlineKind.ConsultationReply, request.Id, consultation.Id, ct);
            outbox.Send(state, ConsultationEndpoints.Closed(consultation, organ, request.Version, now));
        }

        request.Apply(new RequestCommand.Modify(now, new CompletenessInput(body.Contents, request.Language, accepted, request.TranslationLanguage, designation?.Requirements)),
            organ.Actor(), now);
        request.Contents = body.Contents;
        request.SubmittedAt = now;
        request.DeliveredAt = null;
        request.AcknowledgedAt = null;
        request.AcknowledgedBy = null;

        // The new version goes out like any transmission, after the closing message (the outbox keeps order).
        outbox.Send(state, TransmitRequestMessage.For(request, organ.Organ, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ModifiedRequestView(RequestView.From(request), changed, consultation?.Id));
    }
}
