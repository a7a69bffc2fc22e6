using Cooperation.Contracts.Arrest;
using Cooperation.Contracts;
using Cooperation.Requests.Arrest;
using Cooperation.Requests;
using Cooperation.Proceedings.Arrest;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Limits;
using Cooperation.State.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Arrest;

public sealed record ArrestBody(DateOnly? ArrestDate);
public sealed record ReleaseBody(DateOnly? ReleasedOn);
public sealed record SurrenderArrangementBody(DateOnly? SurrenderDate, bool ConsentToSurrender = false);
public sealed record SurrenderBody(DateOnly? SurrenderedOn);
/// <summary>The day of an Art 59 step: brought before the judicial authority (59(2)) or interim release (59(3)-(6)).</summary>
public sealed record ArrestStepBody(DateOnly? On);
/// <summary>Art 89(4): the day surrender was deferred; ExpectedUntil: when the national proceedings or sentence are expected to end.</summary>
public sealed record DeferralBody(DateOnly? On, DateOnly? ExpectedUntil = null);
/// <summary>RPE 183: the day of the temporary surrender and the conditions determined with the Court.</summary>
public sealed record TemporarySurrenderBody(DateOnly? On, string? Conditions);
/// <summary>Art 59(7): the day the custodial State ordered surrender; ConsentToSurrender: Art 92(3).</summary>
public sealed record SurrenderOrderBody(DateOnly? On, bool ConsentToSurrender = false);

/// <summary>
/// The arrest path as the requested State reports it (ArrestPath.Decide): the arrest and its date, which
/// for a provisional arrest starts the RPE 188 60-day period at the issuing organ; the appearance before
/// the judicial authority (Art 59(2)); interim release (59(3)-(6)); the surrender order (59(7)); release
/// once the 60 days ran out without documents (92(3)); surrender arranged (RPE 184); surrender. Each step
/// is stored here and sent to the issuing organ.
/// </summary>
public static class ArrestEndpoints
{
    private const string Prefix = "/states/{code}/requests/{id:guid}/arrest";

    public static void MapArrestPath(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Prefix, async Task<IResult> (string code, Guid id, StateDbContext db, IOptions<StateOptions> state, CancellationToken ct) =>
        {
            if (!string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("request");
            var path = await db.ArrestPaths.FindAsync([id], ct);
            return path is null ? Problems.NotFound("arrest path") : TypedResults.Ok(ArrestPathView.From(path));
        }).Produces<ArrestPathView>(StatusCodes.Status200OK).WithName("StateArrestPath");

        routes.MapPost(Prefix, (string code, Guid id, ArrestBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.ArrestDate is { } date
                    ? StepAsync(code, id, [new ArrestCommand.RecordArrest(date)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("arrestDate", "required: the date of the arrest")))
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateRecordArrest").WithStateInputLimits<ArrestBody>().WithIdempotency()
            .WithSummary("Notify the arrest and its date; after a provisional arrest the 60-day documents period starts (RPE 188).");
        routes.MapPost(Prefix + "/documents-received", (string code, Guid id, [AsParameters] Deps deps, CancellationToken ct) =>
                StepAsync(code, id, [new ArrestCommand.RecordDocumentsReceived(deps.Clock.GetUtcNow())], deps, ct))
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateRecordDocumentsReceived").WithIdempotency();
        routes.MapPost(Prefix + "/release", (string code, Guid id, ReleaseBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.ReleasedOn is { } on
                    ? StepAsync(code, id, [new ArrestCommand.Release(on)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("releasedOn", "required: the date of release")))
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateRecordRelease").WithStateInputLimits<ReleaseBody>().WithIdempotency()
            .WithSummary("Art 92(3): release once the 60 days ran out without the documents; earlier, record interim release instead.");
        routes.MapPost(Prefix + "/judicial-authority", (string code, Guid id, ArrestStepBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.On is { } on
                    ? StepAsync(code, id, [new ArrestCommand.BringBeforeJudicialAuthority(on)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("on", "required: the day the person was brought before the judicial authority")))
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateRecordJudicialAuthority").WithStateInputLimits<ArrestStepBody>().WithIdempotency()
            .WithSummary("Art 59(2): the arrested person was brought before the competent judicial authority.");
        routes.MapPost(Prefix + "/interim-release", (string code, Guid id, ArrestStepBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.On is { } on
                    ? StepAsync(code, id, [new ArrestCommand.GrantInterimRelease(on)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("on", "required: the day interim release was granted")))
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateRecordInterimRelease").WithStateInputLimits<ArrestStepBody>().WithIdempotency()
            .WithSummary("Art 59(3)-(6): interim release pending surrender; the proceedings and any 60-day period go on.");
        routes.MapPost(Prefix + "/surrender-order", (string code, Guid id, SurrenderOrderBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.On is { } on
                    ? StepAsync(code, id, [new ArrestCommand.OrderSurrender(on, body.ConsentToSurrender)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("on", "required: the day surrender was ordered")))
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateRecordSurrenderOrder").WithStateInputLimits<SurrenderOrderBody>().WithIdempotency()
            .WithSummary("Art 59(7): surrender ordered; the person is to be delivered to the Court as soon as possible.");
        // Art 89(4), RPE 183: the person is proceeded against or serving a sentence here for a different crime.
        routes.MapPost(Prefix + "/deferral", async (string code, Guid id, DeferralBody body, [AsParameters] Deps deps, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (body.On is null) errors["on"] = ["required: the day surrender was deferred (Art 89(4))"];
                if (body.ExpectedUntil is { } until && body.On is { } day && until < day)
                    errors["expectedUntil"] = ["cannot be before the deferral"];
                if (errors.Count > 0) return Problems.Invalid(errors);
                return await StepAsync(code, id,
                    [new ArrestCommand.DeferSurrender(body.On!.Value, await ConsultedOnOtherProceedingsAsync(id, deps, ct), body.ExpectedUntil)], deps, ct);
            })
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateDeferSurrender").WithStateInputLimits<DeferralBody>().WithIdempotency()
            .WithSummary("Art 89(4): after the surrender order and a consultation on the 89(4) ground, defer surrender until the national case ends.");
        routes.MapPost(Prefix + "/temporary-surrender", async (string code, Guid id, TemporarySurrenderBody body, [AsParameters] Deps deps, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (body.On is null) errors["on"] = ["required: the day of the temporary surrender (RPE 183)"];
                if (string.IsNullOrWhiteSpace(body.Conditions)) errors["conditions"] = ["required: the conditions determined with the Court (RPE 183)"];
                if (errors.Count > 0) return Problems.Invalid(errors);
                return await StepAsync(code, id,
                    [new ArrestCommand.SurrenderTemporarily(body.On!.Value, await ConsultedOnOtherProceedingsAsync(id, deps, ct), body.Conditions)], deps, ct);
            })
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateSurrenderTemporarily").WithStateInputLimits<TemporarySurrenderBody>().WithIdempotency()
            .WithSummary("RPE 183: after the Art 89(4) consultation, surrender the person temporarily on conditions agreed with the Court.");
        routes.MapPost(Prefix + "/return", (string code, Guid id, ArrestStepBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.On is { } on
                    ? StepAsync(code, id, [new ArrestCommand.RecordReturn(on)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("on", "required: the day the person was returned (RPE 183)")))
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateRecordReturn").WithStateInputLimits<ArrestStepBody>().WithIdempotency()
            .WithSummary("RPE 183: the temporarily surrendered person was transferred back; final surrender follows the national case.");
        routes.MapPost(Prefix + "/surrender-arrangement", (string code, Guid id, SurrenderArrangementBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.SurrenderDate is { } date
                    ? StepAsync(code, id, [new ArrestCommand.ArrangeSurrender(date, body.ConsentToSurrender)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("surrenderDate", "required: the date agreed with the Registry")))
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateArrangeSurrender").WithStateInputLimits<SurrenderArrangementBody>().WithIdempotency();
        routes.MapPost(Prefix + "/surrender", (string code, Guid id, SurrenderBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.SurrenderedOn is { } on
                    ? StepAsync(code, id, [new ArrestCommand.RecordSurrender(on)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("surrenderedOn", "required: the date of surrender")))
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName("StateRecordSurrender").WithStateInputLimits<SurrenderBody>().WithIdempotency();
    }

    /// <summary>What every step needs, injected as one.</summary>
    public sealed record Deps(StateDbContext Db, IOutbox Outbox, IOptions<StateOptions> State, TimeProvider Clock);

    private static async Task<IResult> StepAsync(string code, Guid id, ArrestCommand[] commands, Deps deps, CancellationToken ct)
    {
        var own = deps.State.Value.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("request");
        var request = await deps.Db.Requests.FindAsync([id], ct);
        if (request is null) return Problems.NotFound("request");
        if (request.Kind is not (RequestKind.ProvisionalArrest or RequestKind.ArrestAndSurrender))
            return Problems.Conflict(ProblemTypes.IllegalTransition, "No arrest path", $"A {request.Kind} request has no arrest path; nothing was changed.");

        var now = deps.Clock.GetUtcNow();
        var path = await deps.Db.ArrestPaths.FindAsync([id], ct);
        var snapshot = path?.ToSnapshot() ?? ArrestSnapshot.Start(request.Kind);
        var steps = new List<ArrestDecision.Accepted>();
        foreach (var command in commands)
        {
            var decision = ArrestPath.Decide(snapshot, command);
            if (decision is ArrestDecision.Refused refused)
                // The rule's stable code is the type (e.g. release-before-period-ends, Art 92(3)).
                return Problems.Conflict(ProblemTypes.Lifecycle(refused.Code), "Not allowed on the arrest path now", refused.Message + " Nothing was changed.");
            var accepted = (ArrestDecision.Accepted)decision;
            steps.Add(accepted);
            snapshot = accepted.Snapshot;
            // RPE 188: the State's arrest notification after a provisional arrest starts the 60-day period at once.
            if (command is ArrestCommand.RecordArrest && snapshot.Provisional && !snapshot.DocumentsReceived
                && ArrestPath.Decide(snapshot, new ArrestCommand.AwaitDocuments()) is ArrestDecision.Accepted awaiting)
            {
                steps.Add(awaiting);
                snapshot = awaiting.Snapshot;
            }
        }

        if (path is null)
        {
            path = new ArrestPathRecord { RequestId = id };
            deps.Db.ArrestPaths.Add(path);
        }
        var court = Addresses.FromStateTo(own, request.IssuingOrgan);
        foreach (var s in steps) path.Apply(s.Snapshot, s.Event, now);
        // One message for the call, with the resulting stage and every step's event, so the issuing organ
        // cannot apply an arrest and its documents-awaited step in the wrong order.
        var step = steps[^1];
        deps.Outbox.Send(court, new ArrestPathAdvanced
        {
            RequestId = id,
            RequestVersion = request.Version,
            Classification = request.Classification,
            SentAt = now,
            Readers = request.Readers,
            StateCode = own,
            Event = step.Event,
            Events = steps.Select(x => x.Event).ToList(),
            Stage = step.Snapshot.Stage,
            ArrestDate = step.Snapshot.ArrestDate,
            ReleasedOn = step.Snapshot.ReleasedOn,
            SurrenderDate = step.Snapshot.SurrenderDate,
            SurrenderedOn = step.Snapshot.SurrenderedOn,
            DocumentsDueAt = step.Snapshot.DocumentsDueAt,
            BroughtBeforeJudicialAuthorityOn = step.Snapshot.BroughtBeforeJudicialAuthorityOn,
            InterimReleasedOn = step.Snapshot.InterimReleasedOn,
            SurrenderOrderedOn = step.Snapshot.SurrenderOrderedOn,
            SurrenderDeferredOn = step.Snapshot.SurrenderDeferredOn,
            DeferredUntil = step.Snapshot.DeferredUntil,
            TemporarilySurrenderedOn = step.Snapshot.TemporarilySurrenderedOn,
            TemporarySurrenderConditions = step.Snapshot.TemporarySurrenderConditions,
            ReturnedOn = step.Snapshot.ReturnedOn,
        });
        await deps.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ArrestPathView.From(path));
    }

    // Art 89(4): the State has consulted the Court on the other proceedings when a consultation on this request names
    // the OtherProceedings ground, open or closed (our reading: opening it is consulting).
    private static async Task<bool> ConsultedOnOtherProceedingsAsync(Guid id, Deps deps, CancellationToken ct)
    {
        var consultations = await deps.Db.Consultations.Where(c => c.RequestId == id).ToListAsync(ct);
        return consultations.Any(c => c.Grounds.Contains(Cooperation.Consultations.ConsultationGround.OtherProceedings));
    }

    private static IResult Invalid(string field, string problem) =>
        Problems.Invalid(new Dictionary<string, string[]> { [field] = [problem] });
}
