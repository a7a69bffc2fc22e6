using System.Text.RegularExpressions;
using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.Requests.Competing;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Limits;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.FromCourt;
using Cooperation.State.Requests.Lifecycle;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Requests.Competing;

/// <summary>Art 90(1): the competing extradition request the State received. Every field but RequestingStateNotified is required.</summary>
public sealed record CompetingExtraditionBody(
    string? RequestingState, bool? RequestingStateIsParty, bool? SameConduct, bool? ObligationToExtradite, DateOnly? ReceivedOn,
    bool RequestingStateNotified = false);

/// <summary>Art 90: the day of extradition to the competing State; FactorsConsidered for 90(6), 90(7)(b).</summary>
public sealed record ExtraditedInsteadBody(DateOnly? On, bool FactorsConsidered = false);

/// <summary>Art 90(8): the day extradition was refused after the Court's inadmissibility determination.</summary>
public sealed record ExtraditionRefusedBody(DateOnly? On);

/// <summary>
/// Art 90 at the requested State: it notifies a competing extradition request for the person (90(1)); the Court's
/// admissibility determination comes back from the issuing organ; the State records an extradition where 90(3), (5),
/// (6) or (7)(b) allow it (the request ends as ExtraditedInstead), or a refusal of extradition after inadmissibility (90(8)).
/// </summary>
public static partial class CompetingExtraditionEndpoints
{
    private const string Prefix = "/states/{code}/requests/{id:guid}/competing-extradition";

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex StateCodePattern();

    public static void MapCompetingExtradition(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Prefix, (string code, Guid id, CompetingExtraditionBody body, StateDbContext db, IOutbox outbox,
                IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
            {
                var own = state.Value.NormalizedCode;
                var requesting = body.RequestingState?.Trim().ToUpperInvariant();
                var errors = new Dictionary<string, string[]>();
                if (requesting is null || !StateCodePattern().IsMatch(requesting))
                    errors["requestingState"] = ["required: the ISO 3166-1 alpha-3 code of the State requesting extradition"];
                else if (requesting == own)
                    errors["requestingState"] = ["the requesting State is another State (Art 90(1))"];
                if (body.RequestingStateIsParty is null) errors["requestingStateIsParty"] = ["required: whether the requesting State is a State Party (Art 90(2), 90(4))"];
                if (body.SameConduct is null) errors["sameConduct"] = ["required: whether the extradition concerns the same conduct (Art 90(1), 90(7))"];
                if (body.ObligationToExtradite is null)
                    errors["obligationToExtradite"] = ["required: whether an existing international obligation to extradite binds the State (Art 90(4), 90(6), 90(7))"];
                if (body.ReceivedOn is null) errors["receivedOn"] = ["required: the day the extradition request was received"];
                if (errors.Count > 0) return Task.FromResult<IResult>(Problems.Invalid(errors));

                var notice = new CompetingExtradition(requesting!, body.RequestingStateIsParty!.Value, body.SameConduct!.Value,
                    body.ObligationToExtradite!.Value, body.ReceivedOn!.Value, body.RequestingStateNotified);
                return StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                    (_, _) => new RequestCommand.NotifyCompetingExtradition(notice),
                    (r, now) => new CompetingExtraditionNotified
                    {
                        RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                        StateCode = own, RequestingState = notice.RequestingState, RequestingStateIsParty = notice.RequestingStateIsParty,
                        SameConduct = notice.SameConduct, ObligationToExtradite = notice.ObligationToExtradite, ReceivedOn = notice.ReceivedOn,
                        RequestingStateNotified = notice.RequestingStateNotified,
                    });
            })
            .WithStateInputLimits<CompetingExtraditionBody>().WithIdempotency()
            .Produces<Queries.ReceivedRequestView>(StatusCodes.Status200OK)
            .WithName("StateNotifyCompetingExtradition")
            .WithSummary("Art 90(1): notify the Court of a competing request from another State for the extradition of the same person.");

        routes.MapPost(Prefix + "/extradited", (string code, Guid id, ExtraditedInsteadBody body, StateDbContext db, IOutbox outbox,
                IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                body.On is not { } on
                    ? Task.FromResult<IResult>(Problems.Invalid(new Dictionary<string, string[]> { ["on"] = ["required: the day of extradition"] }))
                    : StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, _) => new RequestCommand.RecordExtraditedInstead(on, body.FactorsConsidered),
                        (r, now) => new ExtraditedInstead
                        {
                            RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                            StateCode = state.Value.NormalizedCode, On = on, FactorsConsidered = body.FactorsConsidered,
                        }))
            .WithStateInputLimits<ExtraditedInsteadBody>().WithIdempotency()
            .Produces<Queries.ReceivedRequestView>(StatusCodes.Status200OK)
            .WithName("StateRecordExtraditedInstead")
            .WithSummary("Art 90(3), (5), (6), (7)(b): the person was extradited to the competing State where the rules allow; the request ends.");

        routes.MapPost(Prefix + "/extradition-refused", (string code, Guid id, ExtraditionRefusedBody body, StateDbContext db, IOutbox outbox,
                IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                body.On is not { } on
                    ? Task.FromResult<IResult>(Problems.Invalid(new Dictionary<string, string[]> { ["on"] = ["required: the day extradition was refused"] }))
                    : StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, _) => new RequestCommand.RecordExtraditionRefused(on),
                        (r, now) => new ExtraditionRefused
                        {
                            RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                            StateCode = state.Value.NormalizedCode, On = on,
                        }))
            .WithStateInputLimits<ExtraditionRefusedBody>().WithIdempotency()
            .Produces<Queries.ReceivedRequestView>(StatusCodes.Status200OK)
            .WithName("StateRecordExtraditionRefused")
            .WithSummary("Art 90(8): extradition refused after the Court determined the case inadmissible; the Court's request remains.");
    }
}

/// <summary>Art 90: the Court's admissibility determination on the competing requests, from the issuing organ.</summary>
public sealed class CompetingAdmissibilityDeterminedConsumer(StateDbContext db, IInbox inbox)
    : CourtInstructionConsumer<CompetingAdmissibilityDetermined>(db, inbox)
{
    protected override RequestCommand Command(CompetingAdmissibilityDetermined m) =>
        new RequestCommand.RecordCompetingAdmissibility(m.Admissible, m.Reference, m.On);
}
