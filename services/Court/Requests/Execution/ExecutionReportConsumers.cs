using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;

namespace Cooperation.Court.Requests.Execution;

// The State's execution reports (Art 88, 93, 99); the issuing organ sees each one (RPE 176(2)).

public sealed class RequestExecutionStartedConsumer(CourtDbContext db, IInbox inbox)
    : Evidence.StateReportConsumer<RequestExecutionStarted>(db, inbox)
{
    protected override RequestCommand Command(RequestExecutionStarted m) => new RequestCommand.StartExecution();

    protected override StateReport Report(RequestExecutionStarted m) =>
        new StateReport { At = m.SentAt, What = "execution-started" };
}

public sealed class RequestProgressReportedConsumer(CourtDbContext db, IInbox inbox)
    : Evidence.StateReportConsumer<RequestProgressReported>(db, inbox)
{
    protected override RequestCommand Command(RequestProgressReported m) => new RequestCommand.ReportProgress();

    protected override StateReport Report(RequestProgressReported m) =>
        new StateReport { At = m.SentAt, What = "progress", Items = m.Items, Note = m.Note };
}

public sealed class RequestExecutedConsumer(CourtDbContext db, IInbox inbox)
    : Evidence.StateReportConsumer<RequestExecuted>(db, inbox)
{
    protected override RequestCommand Command(RequestExecuted m) => new RequestCommand.Execute(m.Partial);

    protected override StateReport Report(RequestExecuted m) =>
        new StateReport { At = m.SentAt, What = m.Partial ? "partially-executed" : "executed", Items = m.Items, Note = m.Note };
}

public sealed class RequestDeniedConsumer(CourtDbContext db, IInbox inbox)
    : Evidence.StateReportConsumer<RequestDenied>(db, inbox)
{
    protected override RequestCommand Command(RequestDenied m) => new RequestCommand.Deny(m.Ground, m.Reasons, m.ConditionsConsidered,
        m.Partial, m.ConcernsDocumentsOrEvidence, m.Art72StepsTaken, m.ReasonsWithheld, m.OriginatorConsentSought);

    protected override StateReport Report(RequestDenied m) => new StateReport
    {
        At = m.SentAt, What = m.Partial ? "partly-denied" : "denied", DenialGround = m.Ground, Reasons = m.Reasons,
        ReasonsWithheld = m.ReasonsWithheld,
    };
}

public sealed class RequestPostponedConsumer(CourtDbContext db, IInbox inbox)
    : Evidence.StateReportConsumer<RequestPostponed>(db, inbox)
{
    protected override RequestCommand Command(RequestPostponed m) => new RequestCommand.Postpone(m.Ground, m.Until, m.ConditionsConsidered);

    // Art 94(1): on Art 94 the State only proposes a period; the issuing organ agrees it or proposes another.
    protected override StateReport Report(RequestPostponed m) => new StateReport
    {
        At = m.SentAt, What = m.Ground == PostponementGround.NationalProceedings ? "postponement-proposed" : "postponed",
        PostponementGround = m.Ground, Until = m.Until,
    };
}

public sealed class RequestResumedConsumer(CourtDbContext db, IInbox inbox)
    : Evidence.StateReportConsumer<RequestResumed>(db, inbox)
{
    protected override RequestCommand Command(RequestResumed m) => new RequestCommand.Resume();

    protected override StateReport Report(RequestResumed m) =>
        new StateReport { At = m.SentAt, What = "resumed" };
}
