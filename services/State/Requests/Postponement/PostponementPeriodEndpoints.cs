using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.FromCourt;
using Cooperation.State.Requests.Lifecycle;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Requests.Postponement;

/// <summary>Until: the end of the period the State proposes instead (Art 94(1)).</summary>
public sealed record ProposePeriodBody(DateTimeOffset? Until);

/// <summary>
/// Art 94(1): the State's side of agreeing a postponement period with the Court — accept the issuing
/// organ's counter-proposal, or answer it with another period.
/// </summary>
public static class PostponementPeriodEndpoints
{
    public static void MapPostponementPeriod(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/states/{code}/requests/{id:guid}/postponement/agree",
                (string code, Guid id, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                    StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, _) => new RequestCommand.AgreePostponement(Party.RequestedState),
                        (r, now) => new PostponementAgreed
                        {
                            RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = Cooperation.Organs.Organ.State, Classification = r.Classification,
                            SentAt = now, Readers = r.Readers, StateCode = state.Value.NormalizedCode, Until = r.Lifecycle.PostponedUntil!.Value,
                        }))
            .WithIdempotency()
            .Produces<Queries.ReceivedRequestView>(StatusCodes.Status200OK)
            .WithName("StateAgreePostponement")
            .WithSummary("Accept the issuing organ's Art 94 postponement period: the request is postponed until then (Art 94(1)).");

        routes.MapPost("/states/{code}/requests/{id:guid}/postponement/propose",
                (string code, Guid id, ProposePeriodBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                    body.Until is not { } until || until <= clock.GetUtcNow()
                        ? Task.FromResult<IResult>(Problems.Invalid(new Dictionary<string, string[]>
                            { ["until"] = ["Required: the end of the period proposed instead, in the future (Art 94(1))."] }))
                        : StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                            (_, _) => new RequestCommand.ProposePostponementPeriod(until.ToUniversalTime(), Party.RequestedState),
                            (r, now) => new PostponementPeriodProposed
                            {
                                RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = Cooperation.Organs.Organ.State, Classification = r.Classification,
                                SentAt = now, Readers = r.Readers, StateCode = state.Value.NormalizedCode, Until = until.ToUniversalTime(),
                            }))
            .WithIdempotency()
            .Produces<Queries.ReceivedRequestView>(StatusCodes.Status200OK)
            .WithName("StateProposePostponementPeriod")
            .WithSummary("Answer the issuing organ's Art 94 period with another (Art 94(1)).");
    }
}

/// <summary>The issuing organ proposed another Art 94 period.</summary>
public sealed class PostponementPeriodProposedConsumer(StateDbContext db, IInbox inbox) : CourtInstructionConsumer<PostponementPeriodProposed>(db, inbox)
{
    protected override RequestCommand Command(PostponementPeriodProposed m) => new RequestCommand.ProposePostponementPeriod(m.Until, Party.IssuingOrgan);
}

/// <summary>The issuing organ agreed the State's Art 94 period: the request is postponed.</summary>
public sealed class PostponementAgreedConsumer(StateDbContext db, IInbox inbox) : CourtInstructionConsumer<PostponementAgreed>(db, inbox)
{
    protected override RequestCommand Command(PostponementAgreed m) => new RequestCommand.AgreePostponement(Party.IssuingOrgan);
}
