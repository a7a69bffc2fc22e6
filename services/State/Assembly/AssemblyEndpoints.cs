using System.Text.Json;
using Cooperation.AssemblyProcedures;
using Cooperation.Contracts;
using Cooperation.Contracts.Assembly;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Proceedings.Deadlines;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Limits;
using Cooperation.State.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Assembly;

public sealed record AssemblyStepView(FormalStep Step, DateOnly On, DocumentReference Document, DateOnly? ViewsDueBy, DateTimeOffset ReceivedAt);

public sealed record AssemblyViewsView(Guid Id, string Views, IReadOnlyList<DocumentReference> Documents, DateTimeOffset SubmittedAt);

public sealed record AssemblyCaseView(
    Guid CaseId, Guid RequestId, string RequestReference, IReadOnlyList<AssemblyStepView> Steps, DateOnly? ViewsDueBy,
    IReadOnlyList<AssemblyViewsView> ViewsSent, IReadOnlyList<Deadlines.DeadlineNoticeView> Notices);

public sealed record AssemblyCaseSummary(Guid CaseId, string RequestReference, FormalStep LastStep, DateOnly LastStepOn);

/// <summary>The State's views on the President's letter, with the documents it refers to (by reference only).</summary>
public sealed record SubmitViewsBody(string? Views, IReadOnlyList<DocumentReference>? Documents);

/// <summary>
/// What the Assembly's formal response says about this State, and its answer to the President's letter
/// (ICC-ASP/10/Res.5 annex, para 14): sent through the State's own exchange to the Assembly. Only this State's cases
/// are here; another State's are never in this database.
/// </summary>
public static class AssemblyEndpoints
{
    private const string Prefix = "/states/{code}/assembly/cases";

    public static void MapStateAssembly(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Prefix, ListAsync).Produces<List<AssemblyCaseSummary>>(StatusCodes.Status200OK).WithName("StateAssemblyCases")
            .WithSummary("The Assembly's cases about this State, newest first, with their latest step.");
        routes.MapGet(Prefix + "/{caseId:guid}", GetAsync).Produces<AssemblyCaseView>(StatusCodes.Status200OK).WithName("StateAssemblyCase")
            .WithSummary("The Assembly's steps on one case, the views-by date, the views sent and the deadline's reminders or miss.");
        routes.MapPost(Prefix + "/{caseId:guid}/views", SubmitAsync).Produces<AssemblyCaseView>(StatusCodes.Status201Created).WithName("StateSubmitAssemblyViews")
            .WithStateInputLimits<SubmitViewsBody>().WithIdempotency()
            .WithSummary("Send the Assembly this State's views on the President's letter (409 before the letter).");
    }

    private static async Task<IResult> ListAsync(string code, StateDbContext db, IOptions<StateOptions> state, CancellationToken ct)
    {
        if (!string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("case");
        var steps = await db.AssemblySteps.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(steps.GroupBy(s => s.CaseId)
            .Select(g => g.OrderBy(s => s.Step).Last())
            .OrderByDescending(s => s.ReceivedAt)
            .Select(s => new AssemblyCaseSummary(s.CaseId, s.RequestReference, s.Step, s.On)).ToList());
    }

    private static async Task<IResult> GetAsync(string code, Guid caseId, StateDbContext db, IOptions<StateOptions> state, CancellationToken ct)
    {
        if (!string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("case");
        return await ViewAsync(db, caseId, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("case");
    }

    private static async Task<IResult> SubmitAsync(
        string code, Guid caseId, SubmitViewsBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state,
        TimeProvider clock, CancellationToken ct)
    {
        var own = state.Value.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("case");
        var steps = await db.AssemblySteps.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(ct);
        if (steps.Count == 0) return Problems.NotFound("case");

        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(body.Views)) errors.Add(("views", "Required: the State's views."));
        var documents = body.Documents ?? [];
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            if (d is null) { errors.Add(($"documents[{i}]", "Required: reference, title and date.")); continue; }
            if (string.IsNullOrWhiteSpace(d.Reference)) errors.Add(($"documents[{i}].reference", "Required."));
            if (string.IsNullOrWhiteSpace(d.Title)) errors.Add(($"documents[{i}].title", "Required."));
            if (d.Date == default) errors.Add(($"documents[{i}].date", "Required (yyyy-MM-dd)."));
        }
        if (errors.Count > 0)
            return TypedResults.Problem(new HttpValidationProblemDetails(Problems.Errors(errors))
            {
                Type = ProblemTypes.Validation, Title = "One or more fields are invalid", Status = StatusCodes.Status422UnprocessableEntity,
                Detail = "Every invalid field is listed under 'errors'. Nothing was sent.",
            });
        if (steps.All(s => s.Step != FormalStep.PresidentsLetter))
        {
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Type = ProblemTypes.Lifecycle(AssemblyErrors.NoLetter), Title = "The Assembly's procedure does not allow this now",
                Status = StatusCodes.Status409Conflict,
                Detail = "The State's views answer the President's letter, which has not been received on this case. Nothing was sent.",
            };
            problem.Extensions["code"] = AssemblyErrors.NoLetter;
            return TypedResults.Problem(problem);
        }

        var now = clock.GetUtcNow();
        var record = new AssemblyViewsRecord
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, Views = body.Views!,
            DocumentsJson = JsonSerializer.Serialize(documents, StoredJson.Options), SubmittedAt = now,
        };
        db.AssemblyViews.Add(record);
        var request = await db.Requests.AsNoTracking().Where(r => r.Id == steps[0].RequestId)
            .Select(r => new { r.Version, r.Classification }).SingleOrDefaultAsync(ct);
        outbox.Send(Addresses.FromStateTo(own, Organ.Assembly), new StateViewsSubmitted
        {
            RequestId = steps[0].RequestId, RequestVersion = request?.Version ?? 1, SenderOrgan = Organ.State,
            Classification = request?.Classification ?? Cooperation.Confidentiality.Classification.Confidential,
            SentAt = now, Readers = [], CaseId = caseId, SubmissionId = record.Id, StateCode = own,
            Views = record.Views, Documents = documents, SubmittedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/states/{own}/assembly/cases/{caseId}", await ViewAsync(db, caseId, ct));
    }

    private static async Task<AssemblyCaseView?> ViewAsync(StateDbContext db, Guid caseId, CancellationToken ct)
    {
        var steps = (await db.AssemblySteps.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(ct)).OrderBy(s => s.Step).ToList();
        if (steps.Count == 0) return null;
        var requestId = steps[0].RequestId;
        var views = (await db.AssemblyViews.AsNoTracking().Where(v => v.CaseId == caseId).ToListAsync(ct)).OrderBy(v => v.SubmittedAt)
            .Select(v => new AssemblyViewsView(v.Id, v.Views, JsonSerializer.Deserialize<List<DocumentReference>>(v.DocumentsJson, StoredJson.Options) ?? [], v.SubmittedAt))
            .ToList();
        var notices = (await db.DeadlineNotices.AsNoTracking()
                .Where(n => n.RequestId == requestId && n.Kind == DeadlineKind.AssemblyViewsDue && n.From == Organ.Assembly).ToListAsync(ct))
            .OrderBy(n => n.ReceivedAt)
            .Select(n => new Deadlines.DeadlineNoticeView(n.DeadlineId, n.Type, n.Kind, n.DueAt, n.ConsultationId, n.Reminder, n.ReceivedAt)).ToList();
        return new AssemblyCaseView(caseId, requestId, steps[0].RequestReference,
            steps.Select(s => new AssemblyStepView(s.Step, s.On, new DocumentReference(s.DocumentReference, s.DocumentTitle, s.DocumentDate), s.ViewsDueBy, s.ReceivedAt)).ToList(),
            steps.FirstOrDefault(s => s.Step == FormalStep.PresidentsLetter)?.ViewsDueBy, views, notices);
    }
}
