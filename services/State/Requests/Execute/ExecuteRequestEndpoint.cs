using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.Lifecycle;
using Microsoft.Extensions.Options;
using Cooperation.State.Limits;

namespace Cooperation.State.Requests.Execute;

public sealed record ExecuteBody(bool Partial, IReadOnlyList<ExecutionItem>? Items, string? Note);

public static class ExecuteRequestEndpoint
{
    public static void MapExecuteRequestEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/requests/{id:guid}/execute",
                (string code, Guid id, ExecuteBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                    StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, now) => new RequestCommand.Execute(body.Partial),
                        (r, now) => new RequestExecuted
                        {
                            RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                            StateCode = state.Value.NormalizedCode,
                            Partial = body.Partial, Items = body.Items ?? [], Note = body.Note,
                        }))
            .WithStateInputLimits<ExecuteBody>()
            .WithIdempotency()
            .Produces<Queries.ReceivedRequestView>(StatusCodes.Status200OK)
            .WithName("StateExecuteRequest")
            .WithSummary("Report the result: executed, or partially executed (partial: true).");
}
