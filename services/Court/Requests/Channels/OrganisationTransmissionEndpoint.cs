using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Lifecycle;
using Cooperation.Requests;
using Cooperation.Requests.Channels;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.Court.Requests.Channels;

/// <summary>Art 87(1)(b): Channel Interpol or RegionalOrganisation (then Organisation names it); Reference: the organisation's own.</summary>
public sealed record OrganisationTransmissionBody(OrganisationChannel? Channel, string? Organisation, string? Reference);

/// <summary>
/// Art 87(1)(b): the issuing organ records that a transmitted request also went through INTERPOL (e.g. a Red Notice) or
/// an appropriate regional organisation. Beside the designated channel, never instead of it: the request's status and
/// its evidence (submitted, delivered, acknowledged) stay those of the 87(1)(a) transmission. The State is told.
/// </summary>
public static class OrganisationTransmissionEndpoint
{
    public static void MapOrganisationTransmission(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/organisation-transmissions",
                (Guid id, OrganisationTransmissionBody body, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                {
                    var problems = OrganisationTransmissions.Validate(body.Channel, body.Organisation, body.Reference);
                    if (problems.Count > 0)
                        return Task.FromResult<IResult>(Problems.Invalid(problems.GroupBy(p => p.Element)
                            .ToDictionary(g => g.Key, g => g.Select(p => p.Problem).ToArray())));
                    var at = clock.GetUtcNow();
                    return CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                        (_, _) => new RequestCommand.RecordOrganisationTransmission(
                            new OrganisationTransmission(body.Channel!.Value, body.Organisation, body.Reference, at)),
                        (r, now) =>
                        {
                            var recorded = r.Lifecycle.OrganisationTransmissions[^1];
                            return new OrganisationTransmissionRecorded
                            {
                                RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ, Classification = r.Classification,
                                SentAt = now, Readers = r.Readers, StateCode = r.StateCode,
                                Channel = recorded.Channel, Organisation = recorded.Organisation, Reference = recorded.Reference, At = recorded.At,
                            };
                        });
                })
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}RecordOrganisationTransmission")
            .WithSummary("Art 87(1)(b): the request also went through INTERPOL or a regional organisation; status and evidence unchanged.");
}
