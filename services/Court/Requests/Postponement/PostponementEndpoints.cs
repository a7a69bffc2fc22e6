using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Evidence;
using Cooperation.Court.Requests.Lifecycle;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.Court.Requests.Postponement;

/// <summary>Until: the end of the postponement period the issuing organ proposes instead (Art 94(1)).</summary>
public sealed record ProposePeriodBody(DateTimeOffset? Until);

/// <summary>
/// Art 94(1): a postponement on Art 94 is for a period agreed with the Court. The State proposes one
/// (POST /states/{code}/requests/{id}/postpone); the issuing organ accepts it or proposes another, which the
/// State may accept in turn. Until it is agreed, the request is not postponed and execution goes on.
/// </summary>
public static class PostponementEndpoints
{
    public static void MapPostponementPeriod(this IEndpointRouteBuilder routes, CourtOrgan organ)
    {
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/postponement/agree",
                (Guid id, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                    CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                        (_, _) => new RequestCommand.AgreePostponement(Party.IssuingOrgan),
                        (r, now) => new PostponementAgreed
                        {
                            RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ, Classification = r.Classification,
                            SentAt = now, Readers = r.Readers, StateCode = r.StateCode, Until = r.Lifecycle.PostponedUntil!.Value,
                        }))
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}AgreePostponement")
            .WithSummary("Accept the State's proposed Art 94 postponement period: the request is postponed until then (Art 94(1)).");

        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/postponement/propose",
                (Guid id, ProposePeriodBody body, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                    body.Until is not { } until || until <= clock.GetUtcNow()
                        ? Task.FromResult<IResult>(Problems.Invalid(new Dictionary<string, string[]>
                            { ["until"] = ["Required: the end of the period proposed instead, in the future (Art 94(1))."] }))
                        : CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                            (_, _) => new RequestCommand.ProposePostponementPeriod(until.ToUniversalTime(), Party.IssuingOrgan),
                            (r, now) => new PostponementPeriodProposed
                            {
                                RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ, Classification = r.Classification,
                                SentAt = now, Readers = r.Readers, StateCode = r.StateCode, Until = until.ToUniversalTime(),
                            }))
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}ProposePostponementPeriod")
            .WithSummary("Answer the State's Art 94 proposal with another period; the State may accept it (Art 94(1)).");
    }
}

/// <summary>The State proposed another Art 94 period in answer to the issuing organ's.</summary>
public sealed class PostponementPeriodProposedConsumer(CourtDbContext db, IInbox inbox)
    : StateReportConsumer<PostponementPeriodProposed>(db, inbox)
{
    protected override RequestCommand Command(PostponementPeriodProposed m) =>
        new RequestCommand.ProposePostponementPeriod(m.Until, Party.RequestedState);

    protected override void Record(CooperationRequest r, PostponementPeriodProposed m) =>
        r.AddReport(new StateReport { At = m.SentAt, What = "postponement-proposed", PostponementGround = PostponementGround.NationalProceedings, Until = m.Until });
}

/// <summary>The State accepted the issuing organ's Art 94 period.</summary>
public sealed class PostponementAgreedConsumer(CourtDbContext db, IInbox inbox)
    : StateReportConsumer<PostponementAgreed>(db, inbox)
{
    protected override RequestCommand Command(PostponementAgreed m) => new RequestCommand.AgreePostponement(Party.RequestedState);

    protected override void Record(CooperationRequest r, PostponementAgreed m) =>
        r.AddReport(new StateReport { At = m.SentAt, What = "postponed", PostponementGround = PostponementGround.NationalProceedings, Until = m.Until });
}
