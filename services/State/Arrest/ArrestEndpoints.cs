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
using Microsoft.Extensions.Options;

namespace Cooperation.State.Arrest;

public sealed record ArrestBody(DateOnly? ArrestDate);
public sealed record ReleaseBody(DateOnly? ReleasedOn);
public sealed record SurrenderArrangementBody(DateOnly? SurrenderDate, bool ConsentToSurrender = false);
public sealed record SurrenderBody(DateOnly? SurrenderedOn);

/// <summary>
/// The arrest path as the requested State reports it (ArrestPath.Decide): the arrest and its date, which
/// for a provisional arrest starts the RPE 188 60-day period at the issuing organ; release; surrender
/// arranged (RPE 184); surrender. Each step is stored here and sent to the issuing organ.
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
        }).WithName("StateArrestPath");

        routes.MapPost(Prefix, (string code, Guid id, ArrestBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.ArrestDate is { } date
                    ? StepAsync(code, id, [new ArrestCommand.RecordArrest(date)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("arrestDate", "required: the date of the arrest")))
            .WithName("StateRecordArrest").WithStateInputLimits<ArrestBody>().WithIdempotency()
            .WithSummary("Notify the arrest and its date; after a provisional arrest the 60-day documents period starts (RPE 188).");
        routes.MapPost(Prefix + "/documents-received", (string code, Guid id, [AsParameters] Deps deps, CancellationToken ct) =>
                StepAsync(code, id, [new ArrestCommand.RecordDocumentsReceived(deps.Clock.GetUtcNow())], deps, ct))
            .WithName("StateRecordDocumentsReceived").WithIdempotency();
        routes.MapPost(Prefix + "/release", (string code, Guid id, ReleaseBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.ReleasedOn is { } on
                    ? StepAsync(code, id, [new ArrestCommand.Release(on)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("releasedOn", "required: the date of release")))
            .WithName("StateRecordRelease").WithStateInputLimits<ReleaseBody>().WithIdempotency();
        routes.MapPost(Prefix + "/surrender-arrangement", (string code, Guid id, SurrenderArrangementBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.SurrenderDate is { } date
                    ? StepAsync(code, id, [new ArrestCommand.ArrangeSurrender(date, body.ConsentToSurrender)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("surrenderDate", "required: the date agreed with the Registry")))
            .WithName("StateArrangeSurrender").WithStateInputLimits<SurrenderArrangementBody>().WithIdempotency();
        routes.MapPost(Prefix + "/surrender", (string code, Guid id, SurrenderBody body, [AsParameters] Deps deps, CancellationToken ct) =>
                body.SurrenderedOn is { } on
                    ? StepAsync(code, id, [new ArrestCommand.RecordSurrender(on)], deps, ct)
                    : Task.FromResult<IResult>(Invalid("surrenderedOn", "required: the date of surrender")))
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
                return Problems.Conflict(ProblemTypes.IllegalTransition, "Not allowed on the arrest path now", refused.Message + " Nothing was changed.");
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
        foreach (var step in steps)
        {
            path.Apply(step.Snapshot, step.Event, now);
            deps.Outbox.Send(court, new ArrestPathAdvanced
            {
                RequestId = id,
                RequestVersion = request.Version,
                Classification = request.Classification,
                SentAt = now,
                Readers = request.Readers,
                StateCode = own,
                Event = step.Event,
                Stage = step.Snapshot.Stage,
                ArrestDate = step.Snapshot.ArrestDate,
                ReleasedOn = step.Snapshot.ReleasedOn,
                SurrenderDate = step.Snapshot.SurrenderDate,
                SurrenderedOn = step.Snapshot.SurrenderedOn,
                DocumentsDueAt = step.Snapshot.DocumentsDueAt,
            });
        }
        await deps.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ArrestPathView.From(path));
    }

    private static IResult Invalid(string field, string problem) =>
        Problems.Invalid(new Dictionary<string, string[]> { [field] = [problem] });
}
