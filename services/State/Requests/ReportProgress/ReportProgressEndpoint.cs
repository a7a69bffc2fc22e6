using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.Lifecycle;
using Microsoft.Extensions.Options;
using Cooperation.State.Limits;

namespace Cooperation.State.Requests.ReportProgress;

/// <summary>Items of execution (what, when, done) and a note; content, never logged.</summary>
public sealed record ProgressBody(IReadOnlyList<ExecutionItem>? Items, string? Note);

public static class ReportProgressEndpoint
{
    public static void MapReportProgressEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/requests/{id:guid}/progress",
                (string code, Guid id, ProgressBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                    StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, now) => new RequestCommand.ReportProgress(),
                        (r, now) => new RequestProgressReported
                        {
                            RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                            StateCode = state.Value.NormalizedCode,
                            Items = body.Items ?? [], Note = body.Note,
                        }))
            .WithStateInputLimits<ProgressBody>()
            .WithIdempotency()
            .Produces<Queries.ReceivedRequestView>(StatusCodes.Status200OK)
            .WithName("StateReportProgress")
            .WithSummary("Report progress of execution: items done or planned, with dates.");
}
