using Cooperation.Confidentiality;
using Cooperation.Court.Deadlines;
using Cooperation.Court.Persistence;
using Cooperation.Deadlines;
using Cooperation.NonCompliance;
using Cooperation.Organs;
using Cooperation.Proceedings.Deadlines;
using Cooperation.Proceedings.Lifecycle;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.NonCompliance;

public sealed record OpenMatterBody(Guid? RequestId, DateOnly? SuspectedOn, string? Situation, bool? SituationReferredBySecurityCouncil);

/// <summary>A Chamber's decision on a matter: reference and date always; the other fields as the step needs.</summary>
public sealed record MatterDecisionBody(
    string? DecisionReference,
    DateOnly? DecidedOn,
    DateOnly? ReplyBy = null,
    bool? FailureContraryToStatute = null,
    bool? PreventsCourtFunctions = null,
    bool? ToAssembly = null,
    bool? ToSecurityCouncil = null);

public sealed record MatterObservationsView(string Text, DateTimeOffset SubmittedAt);

public sealed record MatterView(
    Guid Id, Guid RequestId, string RequestReference, RequestKind RequestKind, string StateCode, Classification Classification,
    string? Situation, bool SituationReferredBySecurityCouncil, MatterStep Step, IReadOnlyList<MatterStepRecord> Steps,
    DateOnly? ObservationsDueBy, DeadlineView? ObservationsDeadline, MatterObservationsView? Observations,
    DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, DateTimeOffset? AssemblyNotifiedAt)
{
    public static MatterView From(NonComplianceMatterRecord m, ScheduledDeadline? deadline) => new(
        m.Id, m.RequestId, m.RequestReference, m.RequestKind, m.StateCode, m.Classification, m.Situation, m.SituationReferredBySecurityCouncil,
        m.Step, m.Steps, m.ObservationsDueBy, deadline is null ? null : DeadlineView.From(deadline),
        m.Observations is { } text && m.ObservationsSubmittedAt is { } at ? new MatterObservationsView(text, at) : null,
        m.OpenedAt, m.UpdatedAt, m.AssemblyNotifiedAt);
}

public sealed record MatterSummary(
    Guid Id, Guid RequestId, string RequestReference, string StateCode, Classification Classification, MatterStep Step,
    DateOnly? ObservationsDueBy, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt);

public sealed record MatterPage(IReadOnlyList<MatterSummary> Items, string? Next);

/// <summary>
/// The Registry's record of the non-compliance track (Art 87(7)): it opens a matter on a request it issued, and records
/// each Chamber decision as it is taken. Registry only (the Chambers' requests, RPE 176(2)).
/// </summary>
public static class MatterEndpoints
{
    private const int MaxPageSize = 200;
    private const int MaxReference = 64;

    public static void MapNonComplianceMatters(this IEndpointRouteBuilder routes)
    {
        const string prefix = "/registry/matters";
        routes.MapPost(prefix, OpenAsync).Produces<MatterView>(StatusCodes.Status201Created).WithName("OpenNonComplianceMatter").WithIdempotency()
            .WithSummary("Open a non-compliance matter (Art 87(7)) on a request the Registry issued: step Suspected.");
        routes.MapGet(prefix, ListAsync).Produces<MatterPage>(StatusCodes.Status200OK).WithName("ListNonComplianceMatters")
            .WithSummary("Matters, newest first, filterable by State and step (cursor paged).");
        routes.MapGet(prefix + "/{id:guid}", GetAsync).Produces<MatterView>(StatusCodes.Status200OK).WithName("GetNonComplianceMatter");

        Step(routes, "observations-invitation", "InviteObservations",
            "The Chamber invites the State's observations by a date (Regulation 109): a tracked deadline.",
            (b, on) => new MatterCommand.InviteObservations(b.DecisionReference!, on, b.ReplyBy!.Value),
            b => b.ReplyBy is null ? [new InvalidElement("replyBy", "required: the date the observations are due")] : []);
        Step(routes, "finding", "RecordFinding",
            "The Chamber's finding under Art 87(7): both elements (failure contrary to the Statute; prevents the Court's functions).",
            (b, on) => new MatterCommand.RecordFinding(b.DecisionReference!, on, b.FailureContraryToStatute!.Value, b.PreventsCourtFunctions!.Value),
            b => [
                .. b.FailureContraryToStatute is null ? [new InvalidElement("failureContraryToStatute", "required: true or false")] : Array.Empty<InvalidElement>(),
                .. b.PreventsCourtFunctions is null ? [new InvalidElement("preventsCourtFunctions", "required: true or false")] : Array.Empty<InvalidElement>(),
            ]);
        Step(routes, "referral", "ReferMatter",
            "The Chamber refers the finding to the Assembly and/or the Security Council (Art 87(7); the Council only for Art 13(b) situations).",
            (b, on) => new MatterCommand.Refer(b.DecisionReference!, on, b.ToAssembly ?? false, b.ToSecurityCouncil ?? false),
            _ => []);
        Step(routes, "referral-deferral", "DeferMatterReferral", "The Chamber defers its decision on referral.",
            (b, on) => new MatterCommand.DeferReferral(b.DecisionReference!, on), _ => []);
        Step(routes, "no-referral", "DeclineMatterReferral", "A finding without referral (the Chamber deems referral unwarranted).",
            (b, on) => new MatterCommand.DeclineReferral(b.DecisionReference!, on), _ => []);
        Step(routes, "closure", "CloseMatter", "The Chamber closes the matter without a finding.",
            (b, on) => new MatterCommand.Close(b.DecisionReference!, on), _ => []);
    }

    private static void Step(
        IEndpointRouteBuilder routes, string path, string name, string summary,
        Func<MatterDecisionBody, DateOnly, MatterCommand> command, Func<MatterDecisionBody, IEnumerable<InvalidElement>> required) =>
        routes.MapPost($"/registry/matters/{{id:guid}}/{path}",
                (Guid id, MatterDecisionBody body, CourtDbContext db, IOutbox outbox, IDeadlineScheduler deadlines, TimeProvider clock, CancellationToken ct) =>
                    ConcurrentChange.RetryAsync(db, async () =>
                    {
                        var matter = await db.Matters.SingleOrDefaultAsync(m => m.Id == id, ct);
                        if (matter is null) return Problems.NotFound("matter");
                        var now = clock.GetUtcNow();
                        var invalid = ValidateDecision(body, now).Concat(required(body)).ToList();
                        if (invalid.Count > 0) return MatterFlow.Invalid(invalid);
                        var decision = NonComplianceMatter.Decide(matter.ToSnapshot(), command(body, body.DecidedOn!.Value));
                        if (decision is MatterDecision.Refused refused) return MatterFlow.Refused(refused);
                        var accepted = (MatterDecision.Accepted)decision;
                        MatterFlow.Record(matter, accepted, outbox, deadlines, now);
                        await MatterFlow.StopObservationsTimerAsync(matter, deadlines, ct);
                        await db.SaveChangesAsync(ct);
                        return TypedResults.Ok(MatterView.From(matter, await ObservationsDeadlineAsync(db, matter, ct)));
                    }))
            .Produces<MatterView>(StatusCodes.Status200OK)
            .WithName(name).WithIdempotency().WithSummary(summary);

    private static IEnumerable<InvalidElement> ValidateDecision(MatterDecisionBody body, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(body.DecisionReference))
            yield return new InvalidElement("decisionReference", "required: the Chamber decision's reference");
        else if (body.DecisionReference.Length > MaxReference)
            yield return new InvalidElement("decisionReference", $"at most {MaxReference} characters");
        if (body.DecidedOn is null) yield return new InvalidElement("decidedOn", "required: the decision's date (yyyy-MM-dd)");
        else if (body.DecidedOn > DateOnly.FromDateTime(now.UtcDateTime)) yield return new InvalidElement("decidedOn", "cannot be in the future");
    }

    private static async Task<IResult> OpenAsync(OpenMatterBody body, CourtDbContext db, IOutbox outbox, IDeadlineScheduler deadlines, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var invalid = new List<InvalidElement>();
        if (body.RequestId is null) invalid.Add(new InvalidElement("requestId", "required: the request the State is suspected of not complying with"));
        if (body.SuspectedOn > today) invalid.Add(new InvalidElement("suspectedOn", "cannot be in the future"));
        if (body.Situation is { Length: > 64 }) invalid.Add(new InvalidElement("situation", "at most 64 characters"));
        if (invalid.Count > 0) return MatterFlow.Invalid(invalid);

        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == body.RequestId && r.IssuingOrgan == Organ.Registry, ct);
        if (request is null) return Problems.NotFound("request");
        // Only a request the Registry issued to the State can go unheeded; a draft never left the Court.
        if (request.SubmittedAt is null)
            return Problems.Conflict(ProblemTypes.Lifecycle("request-not-issued"), "Not allowed on this request",
                "The request was never transmitted to the State; no matter can be opened on it. Nothing was changed.");
        if (await db.Matters.AnyAsync(m => m.RequestId == request.Id, ct))
            return Problems.Conflict(ProblemTypes.Lifecycle("matter-exists"), "A matter exists",
                "A non-compliance matter is already open on this request (one per State and request). Nothing was changed.");

        var snapshot = MatterSnapshot.Open(body.SuspectedOn ?? today, body.SituationReferredBySecurityCouncil ?? false);
        var matter = new NonComplianceMatterRecord
        {
            Id = Guid.CreateVersion7(),
            RequestId = request.Id,
            RequestReference = request.Reference,
            RequestKind = request.Kind,
            RequestVersion = request.Version,
            StateCode = request.StateCode,
            Classification = request.Classification,
            Situation = body.Situation,
            SituationReferredBySecurityCouncil = snapshot.SituationReferredBySecurityCouncil,
            OpenedAt = now,
        };
        matter.Apply(snapshot, now);
        db.Matters.Add(matter);
        outbox.Send(Contracts.Addresses.ToState(matter.StateCode), MatterFlow.StepMessage(matter, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent open of the same request won the unique index: the same answer as above.
            if (!await MatterExistsAsync(db, request.Id, ct)) throw;
            return Problems.Conflict(ProblemTypes.Lifecycle("matter-exists"), "A matter exists",
                "A non-compliance matter is already open on this request (one per State and request). Nothing was changed.");
        }
        return TypedResults.Created($"/registry/matters/{matter.Id}", MatterView.From(matter, null));
    }

    private static async Task<bool> MatterExistsAsync(CourtDbContext db, Guid requestId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Matters.AnyAsync(m => m.RequestId == requestId, ct);
    }

    private static async Task<IResult> GetAsync(Guid id, CourtDbContext db, CancellationToken ct)
    {
        var matter = await db.Matters.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        return matter is null ? Problems.NotFound("matter") : TypedResults.Ok(MatterView.From(matter, await ObservationsDeadlineAsync(db, matter, ct)));
    }

    private static async Task<IResult> ListAsync(string? state, string? step, Guid? cursor, int? limit, CourtDbContext db, CancellationToken ct)
    {
        var invalid = new List<InvalidElement>();
        MatterStep? wanted = null;
        if (step is not null)
        {
            if (Enum.TryParse<MatterStep>(step, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)) wanted = parsed;
            else invalid.Add(new InvalidElement("step", $"one of {string.Join(", ", Enum.GetNames<MatterStep>())}"));
        }
        if (state is not null && !StateCode.TryParse(state, out _)) invalid.Add(new InvalidElement("state", "an ISO 3166-1 alpha-3 code"));
        if (limit is < 1 or > MaxPageSize) invalid.Add(new InvalidElement("limit", $"between 1 and {MaxPageSize}"));
        if (invalid.Count > 0) return MatterFlow.Invalid(invalid);

        var size = limit ?? 50;
        var query = db.Matters.AsNoTracking().AsQueryable();
        if (state is not null) query = query.Where(m => m.StateCode == state.ToUpperInvariant());
        if (wanted is not null) query = query.Where(m => m.Step == wanted);
        if (cursor is not null)
        {
            var after = await db.Matters.Where(m => m.Id == cursor).Select(m => new { m.OpenedAt, m.RequestReference }).SingleOrDefaultAsync(ct);
            if (after is null) return MatterFlow.Invalid([new InvalidElement("cursor", "unknown cursor")]);
            // The request reference is unique per matter (one per request): a total order, as the request list pages.
            query = query.Where(m => m.OpenedAt < after.OpenedAt
                                     || (m.OpenedAt == after.OpenedAt && string.Compare(m.RequestReference, after.RequestReference) < 0));
        }
        var rows = await query.OrderByDescending(m => m.OpenedAt).ThenByDescending(m => m.RequestReference).Take(size + 1).ToListAsync(ct);
        var items = rows.Take(size).Select(m => new MatterSummary(
            m.Id, m.RequestId, m.RequestReference, m.StateCode, m.Classification, m.Step, m.ObservationsDueBy, m.OpenedAt, m.UpdatedAt)).ToList();
        return TypedResults.Ok(new MatterPage(items, rows.Count > size ? items[^1].Id.ToString() : null));
    }

    internal static async Task<ScheduledDeadline?> ObservationsDeadlineAsync(CourtDbContext db, NonComplianceMatterRecord matter, CancellationToken ct) =>
        (await db.Deadlines.AsNoTracking()
            .Where(d => d.RequestId == matter.RequestId && d.Kind == DeadlineKind.ObservationsReply).ToListAsync(ct))
        .OrderByDescending(d => d.CreatedAt).FirstOrDefault();
}
