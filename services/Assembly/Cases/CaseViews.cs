using System.Security.Claims;
using System.Text.Json;
using Cooperation.AssemblyProcedures;
using Cooperation.Confidentiality;
using Cooperation.Contracts.Assembly;
using Cooperation.Contracts.NonCompliance;
using Cooperation.Proceedings.Deadlines;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperation.Assembly.Cases;

public sealed record CaseSummaryView(
    Guid Id, string StateCode, NotificationReason Reason, string RequestReference, string? Situation, bool ReferredToAssembly,
    FormalStep? LastFormalStep, DateTimeOffset FirstNotifiedAt, DateTimeOffset LastNotifiedAt);

public sealed record CasePage(IReadOnlyList<CaseSummaryView> Items, string? Next);

public sealed record FormalStepView(FormalStep Step, DateOnly On, DocumentReference Document, DateOnly? ViewsDueBy, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record InformalActionView(Guid Id, InformalActionKind Kind, DateOnly On, string? Interlocutor, string Outcome, DocumentReference? Document, string By, DateTimeOffset LoggedAt);

public sealed record AssignmentView(string FocalPoint, Region Region, DateOnly On, DateTimeOffset AssignedAt);

public sealed record StateViewsView(Guid Id, string Views, IReadOnlyList<DocumentReference> Documents, DateTimeOffset SubmittedAt, DateTimeOffset ReceivedAt);

/// <summary>The views deadline of the President's letter as the scheduler keeps it: reminders, then met or missed.</summary>
public sealed record ViewsDeadlineView(
    DateTimeOffset DueAt, IReadOnlyList<DateTimeOffset> Reminders, int RemindersSent, DateTimeOffset? LastReminderAt,
    DateTimeOffset? MissedAt, DateTimeOffset? MetAt, string Status);

public sealed record CaseView(
    Guid Id, string StateCode, NotificationReason Reason, Guid RequestId, string RequestReference, string? Situation,
    Classification Classification, IReadOnlyList<NotifiedStep> CourtSteps, DateOnly? ExpectedFrom, DateOnly? ExpectedUntil,
    bool ReferredToAssembly, DateTimeOffset FirstNotifiedAt, DateTimeOffset LastNotifiedAt,
    IReadOnlyList<FormalStepView> FormalSteps, FormalStep? NextFormalStep, ViewsDeadlineView? ViewsDeadline,
    IReadOnlyList<StateViewsView> StateViews, IReadOnlyList<AssignmentView> Assignments, IReadOnlyList<InformalActionView> InformalActions)
{
    public static CaseView From(AssemblyCaseRecord c, ScheduledDeadline? deadline)
    {
        var snapshot = c.ToSnapshot();
        var next = !c.ReferredToAssembly ? (FormalStep?)null
            : snapshot.LastFormalStep is { } last
                ? ((IList<FormalStep>)AssemblyProcedure.FormalOrder).IndexOf(last) + 1 is var i && i < AssemblyProcedure.FormalOrder.Count
                    ? AssemblyProcedure.FormalOrder[i] : null
                : FormalStep.EmergencyBureauMeeting;
        return new CaseView(
            c.Id, c.StateCode, c.Reason, c.RequestId, c.RequestReference, c.Situation, c.Classification, c.CourtSteps,
            c.ExpectedFrom, c.ExpectedUntil, c.ReferredToAssembly, c.FirstNotifiedAt, c.LastNotifiedAt,
            c.FormalSteps.OrderBy(s => s.Step).Select(s => new FormalStepView(s.Step, s.On,
                new DocumentReference(s.DocumentReference, s.DocumentTitle, s.DocumentDate), s.ViewsDueBy, s.RecordedBy, s.RecordedAt)).ToList(),
            next,
            deadline is null ? null : new ViewsDeadlineView(deadline.DueAt, deadline.Reminders, deadline.RemindersSent, deadline.LastReminderAt,
                deadline.FiredAt, deadline.CancelledAt,
                deadline.CancelledAt is not null ? "Met" : deadline.FiredAt is not null ? "Missed" : "Pending"),
            c.Views.OrderBy(v => v.SubmittedAt).Select(v => new StateViewsView(v.Id, v.Views,
                JsonSerializer.Deserialize<List<DocumentReference>>(v.DocumentsJson, StoredJson.Options) ?? [], v.SubmittedAt, v.ReceivedAt)).ToList(),
            c.Assignments.OrderBy(a => a.AssignedAt).Select(a => new AssignmentView(a.FocalPoint, a.Region, a.On, a.AssignedAt)).ToList(),
            c.InformalActions.OrderBy(a => a.On).ThenBy(a => a.LoggedAt).Select(a => new InformalActionView(a.Id, a.Kind, a.On, a.Interlocutor, a.Outcome,
                a.DocumentReference is null ? null : new DocumentReference(a.DocumentReference, a.DocumentTitle ?? "", a.DocumentDate ?? a.On),
                a.By, a.LoggedAt)).ToList());
    }
}

/// <summary>Who is calling: the Presidency/Bureau (scope assembly) or a regional focal point (scope focal-point), by client id.</summary>
public static class AssemblyCaller
{
    public const string Presidency = "presidency";

    public static AssemblyActor Of(ClaimsPrincipal user) =>
        Scopes.Of(user).Contains(Scopes.Assembly)
            ? new AssemblyActor.Presidency()
            : new AssemblyActor.FocalPoint(FocalPointId(user));

    /// <summary>
    /// A focal point's id, as the Presidency assigns it (para 16): a partner system's client id, or for a person
    /// signed in to the consoles (whose token carries a desk and every person's the same console client id)
    /// "person:" and the user name. A person's token without a user name is nobody's, so it is assigned nothing.
    /// </summary>
    public static string FocalPointId(ClaimsPrincipal user) =>
        user.FindFirst("desk") is null
            ? Scopes.ClientId(user) ?? ""
            : user.FindFirst("preferred_username")?.Value is { Length: > 0 } name ? PersonPrefix + name : "";

    public const string PersonPrefix = "person:";

    public static string Name(AssemblyActor actor) => actor switch
    {
        AssemblyActor.FocalPoint f => f.Id,
        _ => Presidency,
    };
}

public static class AssemblyProblems
{
    /// <summary>422 naming every invalid field; nothing was changed.</summary>
    public static ProblemHttpResult Invalid(IEnumerable<(string Field, string Problem)> problems) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(Problems.Errors(problems))
        {
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid",
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = "Every invalid field is listed under 'errors'. Nothing was changed.",
        });

    /// <summary>A refusal of the procedure: 409 for a step the case does not allow now, 403 for an actor who may not take it.</summary>
    public static ProblemHttpResult Refused(AssemblyDecision.Refused refused)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = ProblemTypes.Lifecycle(refused.Code),
            Title = refused.Forbidden ? "Not allowed to act on this case" : "The Assembly's procedure does not allow this now",
            Status = refused.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
            Detail = refused.Message + " Nothing was changed.",
        };
        problem.Extensions["code"] = refused.Code;
        return TypedResults.Problem(problem);
    }

    /// <summary>Checks a document's metadata: reference, title and date all given, within their lengths.</summary>
    public static IEnumerable<(string, string)> CheckDocument(string path, DocumentReference? document, bool required)
    {
        if (document is null)
        {
            if (required) yield return (path, "Required: the document's reference, title and date.");
            yield break;
        }
        if (string.IsNullOrWhiteSpace(document.Reference)) yield return ($"{path}.reference", "Required.");
        else if (document.Reference.Length > 200) yield return ($"{path}.reference", "At most 200 characters.");
        if (string.IsNullOrWhiteSpace(document.Title)) yield return ($"{path}.title", "Required.");
        else if (document.Title.Length > 500) yield return ($"{path}.title", "At most 500 characters.");
        if (document.Date == default) yield return ($"{path}.date", "Required (yyyy-MM-dd).");
    }
}
