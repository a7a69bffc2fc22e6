using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Evidence;
using Cooperation.Court.Requests.Lifecycle;
using Cooperation.Requests;
using Cooperation.Requests.Competing;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.Court.Requests.Competing;

/// <summary>The Court's admissibility determination (Art 18, 19) on the case, with its decision reference and date.</summary>
public sealed record CompetingAdmissibilityBody(bool? Admissible, string? Reference, DateOnly? On);

/// <summary>
/// Art 90 at the issuing organ: the State's notice of a competing extradition request (90(1)) arrives as a report;
/// the organ records the Court's admissibility determination, which sets the priority (90(2)-(7)) and is sent to the
/// State; an extradition where the rules allow it ends the request as ExtraditedInstead; 90(8) refusals are recorded.
/// </summary>
public static class CompetingExtraditionEndpoints
{
    public static void MapCompetingExtradition(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/competing-extradition/admissibility",
                (Guid id, CompetingAdmissibilityBody body, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                {
                    var errors = new Dictionary<string, string[]>();
                    if (body.Admissible is null) errors["admissible"] = ["required: whether the Court determined the case admissible"];
                    if (string.IsNullOrWhiteSpace(body.Reference)) errors["reference"] = ["required: the reference of the Court's decision"];
                    else if (body.Reference.Trim().Length > 200) errors["reference"] = ["at most 200 characters"];
                    if (body.On is null) errors["on"] = ["required: the date of the Court's decision"];
                    else if (body.On > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) errors["on"] = ["cannot be in the future"];
                    if (errors.Count > 0) return Task.FromResult<IResult>(Problems.Invalid(errors));
                    var reference = body.Reference!.Trim();
                    return CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                        (_, _) => new RequestCommand.RecordCompetingAdmissibility(body.Admissible!.Value, reference, body.On!.Value),
                        (r, now) => new CompetingAdmissibilityDetermined
                        {
                            RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ, Classification = r.Classification,
                            SentAt = now, Readers = r.Readers, StateCode = r.StateCode,
                            Admissible = body.Admissible!.Value, Reference = reference, On = body.On!.Value,
                        });
                })
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}RecordCompetingAdmissibility")
            .WithSummary("Art 90(2)-(6): record the Court's admissibility determination on competing requests; the State is told the priority.");
}

/// <summary>Art 90(1): the State notified a competing extradition request for the person.</summary>
public sealed class CompetingExtraditionNotifiedConsumer(CourtDbContext db, IInbox inbox)
    : StateReportConsumer<CompetingExtraditionNotified>(db, inbox)
{
    protected override RequestCommand Command(CompetingExtraditionNotified m) => new RequestCommand.NotifyCompetingExtradition(
        new CompetingExtradition(m.RequestingState, m.RequestingStateIsParty, m.SameConduct, m.ObligationToExtradite, m.ReceivedOn,
            m.RequestingStateNotified));
}

/// <summary>Art 90: the person was extradited to the competing State where the rules allow; the request ends.</summary>
public sealed class ExtraditedInsteadConsumer(CourtDbContext db, IInbox inbox) : StateReportConsumer<ExtraditedInstead>(db, inbox)
{
    protected override RequestCommand Command(ExtraditedInstead m) => new RequestCommand.RecordExtraditedInstead(m.On, m.FactorsConsidered);
}

/// <summary>Art 90(8): extradition refused after the Court's inadmissibility determination.</summary>
public sealed class ExtraditionRefusedConsumer(CourtDbContext db, IInbox inbox) : StateReportConsumer<ExtraditionRefused>(db, inbox)
{
    protected override RequestCommand Command(ExtraditionRefused m) => new RequestCommand.RecordExtraditionRefused(m.On);
}
