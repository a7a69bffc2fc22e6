using Cooperation.Contracts;
using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.Queries;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Requests.Acknowledge;

/// <summary>Who at the State accepted the request: an office or system name, not a person's.</summary>
public sealed record AcknowledgeBody(string? AcknowledgedBy);

public static class AcknowledgeRequestEndpoint
{
    public static void MapAcknowledgeRequest(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/requests/{id:guid}/acknowledge", AcknowledgeAsync)
            .WithIdempotency()
            .WithName("AcknowledgeRequest")
            .WithSummary("A person or system at the State accepts the request; the issuing organ is told.");

    private static async Task<IResult> AcknowledgeAsync(
        string code, Guid id, AcknowledgeBody? body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state,
        TimeProvider clock, CancellationToken ct)
    {
        var own = state.Value.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("request");
        if (body?.AcknowledgedBy is { Length: > 200 })
            return Problems.Invalid(new Dictionary<string, string[]> { ["acknowledgedBy"] = ["At most 200 characters."] });

        var request = await db.Requests.FindAsync([id], ct);
        if (request is null) return Problems.NotFound("request");
        if (request.Status != RequestStatus.Delivered)
            return Problems.Conflict(ProblemTypes.IllegalTransition, "The request cannot be acknowledged now",
                $"A request in {request.Status} cannot be acknowledged; nothing was changed.");

        var now = clock.GetUtcNow();
        request.Status = RequestStatus.Acknowledged;
        request.AcknowledgedAt = now;
        request.AcknowledgedBy = body?.AcknowledgedBy;
        outbox.Send(Addresses.FromStateTo(own, request.IssuingOrgan), new RequestAcknowledged
        {
            RequestId = request.Id,
            RequestVersion = request.Version,
            Classification = request.Classification,
            SentAt = now,
            StateCode = own,
            AcknowledgedAt = now,
            AcknowledgedBy = request.AcknowledgedBy,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReceivedRequestView.From(request));
    }
}
