using Cooperation.AssemblyProcedures;
using Cooperation.Assembly.Cases;
using Cooperation.Assembly.Persistence;
using Cooperation.Contracts.Assembly;
using Cooperation.Proceedings.Lifecycle;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Problems;

namespace Cooperation.Assembly.InformalResponse;

/// <summary>The Presidency gives a case to a regional focal point (annex para 16).</summary>
public sealed record AssignmentBody(string? FocalPoint, Region? Region, DateOnly? On);

/// <summary>A démarche, contact, meeting or good offices: when, with whom, the outcome, and optionally its document.</summary>
public sealed record InformalActionBody(InformalActionKind? Kind, DateOnly? On, string? Interlocutor, string? Outcome, DocumentReference? Document);

/// <summary>
/// The informal response (ICC-ASP/10/Res.5 annex, as amended; para 16): the President's good offices and the regional
/// focal points. It is open on every notified case, also an imminent incident before any finding. The Presidency acts
/// on any case; a focal point on the cases assigned to it (403 otherwise). Nothing here is told to the State: the
/// démarches reach it through diplomatic channels, and the log is the Assembly's own.
/// </summary>
public static class InformalResponseEndpoints
{
    public const int MaxOutcome = 4000;

    public static void MapInformalResponse(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/assembly/cases/{id:guid}/assignments", AssignAsync)
            .RequireAuthorization(AssemblyPolicies.Presidency)
            .WithIdempotency()
            .Produces<Cases.CaseView>(StatusCodes.Status201Created)
            .WithName("AssemblyAssignFocalPoint")
            .WithSummary("Give the case to a regional focal point (para 16).");
        routes.MapPost("/assembly/cases/{id:guid}/informal-actions", LogAsync)
            .WithIdempotency()
            .Produces<Cases.CaseView>(StatusCodes.Status201Created)
            .WithName("AssemblyLogInformalAction")
            .WithSummary("Log a démarche, contact, meeting or good offices with its date and outcome.");
    }

    private static Task<IResult> AssignAsync(Guid id, AssignmentBody body, AssemblyDbContext db, TimeProvider clock, CancellationToken ct) =>
        ConcurrentChange.RetryAsync(db, async () =>
        {
            var errors = new List<(string, string)>();
            if (string.IsNullOrWhiteSpace(body.FocalPoint)) errors.Add(("focalPoint", "Required: the focal point's partner id (its client id), or person:<user name> for a person signed in to the consoles."));
            else if (body.FocalPoint.Length > 200) errors.Add(("focalPoint", "At most 200 characters."));
            if (body.Region is null) errors.Add(("region", $"Required: one of {string.Join(", ", Enum.GetNames<Region>())}."));
            if (body.On is null) errors.Add(("on", "Required (yyyy-MM-dd)."));
            if (errors.Count > 0) return AssemblyProblems.Invalid(errors);

            var record = await CaseEndpoints.LoadAsync(db, id, ct);
            if (record is null) return Problems.NotFound("case");
            var assignment = new FocalPointAssignment(body.FocalPoint!, body.Region!.Value, body.On!.Value);
            if (AssemblyProcedure.Decide(record.ToSnapshot(), new AssemblyCommand.AssignFocalPoint(assignment)) is AssemblyDecision.Refused refused)
                return AssemblyProblems.Refused(refused);
            db.Assignments.Add(new AssignmentEntry
            {
                Id = Guid.CreateVersion7(), CaseId = id, FocalPoint = assignment.FocalPoint, Region = assignment.Region, On = assignment.On,
                AssignedAt = clock.GetUtcNow(),
            });
            record.Revision++;
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/assembly/cases/{id}", await CaseEndpoints.LoadViewAsync(db, id, ct));
        });

    private static Task<IResult> LogAsync(Guid id, InformalActionBody body, HttpContext http, AssemblyDbContext db, TimeProvider clock, CancellationToken ct) =>
        ConcurrentChange.RetryAsync(db, async () =>
        {
            var errors = new List<(string, string)>();
            if (body.Kind is null) errors.Add(("kind", $"Required: one of {string.Join(", ", Enum.GetNames<InformalActionKind>())}."));
            if (body.On is null) errors.Add(("on", "Required (yyyy-MM-dd)."));
            if (string.IsNullOrWhiteSpace(body.Outcome)) errors.Add(("outcome", "Required: what came of it (or that it is pending)."));
            else if (body.Outcome.Length > MaxOutcome) errors.Add(("outcome", $"At most {MaxOutcome} characters."));
            if (body.Interlocutor is { Length: > 200 }) errors.Add(("interlocutor", "At most 200 characters."));
            errors.AddRange(AssemblyProblems.CheckDocument("document", body.Document, required: false));
            if (errors.Count > 0) return AssemblyProblems.Invalid(errors);

            var record = await CaseEndpoints.LoadAsync(db, id, ct);
            if (record is null) return Problems.NotFound("case");
            var actor = AssemblyCaller.Of(http.User);
            if (AssemblyProcedure.Decide(record.ToSnapshot(), new AssemblyCommand.LogInformalAction(actor, body.Kind!.Value, body.On!.Value))
                is AssemblyDecision.Refused refused)
                return AssemblyProblems.Refused(refused);
            db.InformalActions.Add(new InformalActionEntry
            {
                Id = Guid.CreateVersion7(), CaseId = id, Kind = body.Kind.Value, On = body.On.Value, Interlocutor = body.Interlocutor,
                Outcome = body.Outcome!, DocumentReference = body.Document?.Reference, DocumentTitle = body.Document?.Title,
                DocumentDate = body.Document?.Date, By = AssemblyCaller.Name(actor), LoggedAt = clock.GetUtcNow(),
            });
            record.Revision++;
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/assembly/cases/{id}", await CaseEndpoints.LoadViewAsync(db, id, ct));
        });
}
