using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Lifecycle;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.Court.Requests.Withdraw;

public static class WithdrawRequestEndpoint
{
    public static void MapWithdrawRequest(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/withdraw",
                (Guid id, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                    CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                        (_, _) => new RequestCommand.Withdraw(),
                        (r, now) => new WithdrawRequest
                        {
                            RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ,
                            Classification = r.Classification, SentAt = now, Readers = r.Readers, StateCode = r.StateCode,
                        }))
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}WithdrawRequest")
            .WithSummary("Withdraw a request; the State is told through its own queue.");
}
