using Cooperation.Alerts;
using Cooperation.Contracts;
using Cooperation.Contracts.Alerts;
using Cooperation.Court.Alerts.Queries;
using Cooperation.Court.Persistence;
using Cooperation.Court.Register;
using Cooperation.Court.Requests;
using Cooperation.Court.Requests.Transmit;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Proceedings.Deadlines;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.Court.Alerts.Issue;

/// <summary>The Registry's command: the arrest request (the warrant) and the States where the person is expected.</summary>
public sealed record IssueAlertBody(Guid? RequestId, IReadOnlyList<AlertedStateInput>? States);

/// <summary>
/// One command alerts any number of States (up to every State in the register) at once. In one commit: the alert,
/// each State's entry and acknowledgement deadline, any arrest request that must go with it, and one message per
/// State to that State's own queue through the outbox. A crash before the commit leaves nothing; after it, the
/// dispatcher sends every message. Nothing is sent that names another State.
/// </summary>
public static class IssueAlertEndpoint
{
    /// <summary>A request to a State "for the same warrant" counts once it was transmitted and until it is withdrawn.</summary>
    private static readonly RequestStatus[] NotHeldByTheState = [RequestStatus.Draft, RequestStatus.Ready, RequestStatus.Withdrawn];

    public static void MapIssueAlert(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/alerts",
                (IssueAlertBody body, CourtDbContext db, IOutbox outbox, IDeadlineScheduler deadlines, IOptions<AlertOptions> options,
                    TimeProvider clock, CancellationToken ct) => IssueAsync(organ, body, db, outbox, deadlines, options.Value, clock, ct))
            .WithIdempotency()
            .Produces<Queries.AlertView>(StatusCodes.Status201Created)
            .WithName("IssueTravelAlert")
            .WithSummary("Alert each State where a person sought is expected (Art 86, 89(1), 97); an arrest request goes with the alert where the State has none.");

    private static async Task<IResult> IssueAsync(
        CourtOrgan organ, IssueAlertBody body, CourtDbContext db, IOutbox outbox, IDeadlineScheduler deadlines, AlertOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new List<(string, string)>();
        CooperationRequest? source = null;
        string? warrant = null;
        if (body.RequestId is not { } requestId)
            errors.Add(("requestId", "Required: the id of the arrest-and-surrender request (the warrant) the alert is about."));
        else
        {
            source = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId && r.IssuingOrgan == organ.Organ, ct);
            if (source is null) errors.Add(("requestId", "The Registry holds no request with this id."));
            else if (!TravelAlert.CanBeAlertedOn(source.Kind))
                errors.Add(("requestId", "Not an arrest-and-surrender request: only a warrant's arrest request carries an alert (Art 89(1), 91)."));
            else if (source.Status == RequestStatus.Withdrawn) errors.Add(("requestId", "The request was withdrawn."));
            else if ((warrant = TravelAlert.WarrantKey(source.Contents)) is null)
                errors.Add(("requestId", "The request names no warrant (contents.warrant.reference), so no State's request can be matched to it."));
        }

        var states = body.States ?? [];
        errors.AddRange(TravelAlert.Validate(body.States, DateOnly.FromDateTime(now.UtcDateTime)).Select(e => (e.Element, e.Problem)));
        var register = (await db.StateParties.Select(s => s.Code).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < states.Count && i < TravelAlert.MaxStates; i++)
            if (states[i] is { } s && StateCode.TryParse(s.StateCode, out var code) && !register.Contains(code.Value))
                errors.Add(($"states[{i}].stateCode", "This State is not in the register of designated channels."));
        if (errors.Count > 0) return Invalid(errors);

        var alert = new TravelAlertRecord
        {
            Id = Guid.CreateVersion7(),
            SourceRequestId = source!.Id,
            WarrantKey = warrant!,
            Classification = source.Classification,
            Readers = source.Readers,
            CreatedAt = now,
            StateCount = states.Count,
        };

        // The arrest request each State already holds for this warrant (the newest, if several).
        var codes = states.Select(s => StateCode.Parse(s.StateCode!).Value).ToList();
        var candidates = await db.Requests
            .Where(r => r.IssuingOrgan == organ.Organ && r.Kind == RequestKind.ArrestAndSurrender && codes.Contains(r.StateCode)
                        && !NotHeldByTheState.Contains(r.Status))
            .Select(r => new { r.Id, r.StateCode, r.Reference, r.ContentsJson, r.Version, r.CreatedAt })
            .ToListAsync(ct);
        var held = candidates
            .Where(c => TravelAlert.WarrantKey(new CooperationRequest { ContentsJson = c.ContentsJson }.Contents) == warrant)
            .GroupBy(c => c.StateCode)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.CreatedAt).First());

        var actor = organ.Organ.ToString().ToLowerInvariant();
        var newRequests = new List<(int Index, CooperationRequest Request)>();
        for (var i = 0; i < states.Count; i++)
        {
            if (held.ContainsKey(codes[i])) continue;
            // A new transmission of the same contents, with the same evidence model (Submitted, Delivered, Acknowledged),
            // complete for that State's register entry (Art 87(2), 91(2)(c), 91(4), RPE 178).
            var request = NewRequestLike(source, codes[i], now);
            request.Record("request-drafted-for-travel-alert", RequestStatus.Draft, RequestStatus.Draft, actor, now);
            var designation = await db.ForRequestAsync(codes[i], null, now, ct);
            var input = new CompletenessInput(request.Contents, request.Language, designation?.AcceptedLanguages ?? [],
                request.TranslationLanguage, designation?.Requirements);
            if (request.Apply(new RequestCommand.MarkReady(input), actor, now) is Decision.Refused incomplete)
            {
                errors.Add(($"states[{i}].stateCode",
                    $"The arrest request cannot go to this State as it stands ({incomplete.Code}): " +
                    string.Join("; ", incomplete.InvalidElements.Select(e => $"{e.Element}: {e.Problem}"))));
                continue;
            }
            if (request.Apply(new RequestCommand.Transmit(now), actor, now) is Decision.Refused refused)
            {
                errors.Add(($"states[{i}].stateCode", $"The arrest request cannot be transmitted to this State ({refused.Code})."));
                continue;
            }
            request.SubmittedAt = now;
            newRequests.Add((i, request));
        }
        if (errors.Count > 0) return Invalid(errors);

        // Numbers only once nothing can be refused any more (a refusal is committed with the Idempotency-Key's answer).
        alert.Reference = await ReferenceNumbers.NextAsync(db, "ALR", now, ct);
        foreach (var (_, request) in newRequests)
        {
            request.Reference = await ReferenceNumbers.NextAsync(db, organ.ReferencePrefix, now, ct);
            db.Requests.Add(request);
        }

        for (var i = 0; i < states.Count; i++)
        {
            var s = states[i];
            var code = codes[i];
            var sentWith = newRequests.FirstOrDefault(n => n.Index == i).Request;
            var (linkedId, linkedReference, linkedVersion) = sentWith is not null
                ? (sentWith.Id, sentWith.Reference, sentWith.Version)
                : (held[code].Id, held[code].Reference, held[code].Version);
            // The request first, then the alert: the dispatcher sends each destination's messages in order.
            if (sentWith is not null) outbox.Send(Addresses.ToState(code), TransmitRequestMessage.For(sentWith, organ.Organ, now));

            var snapshot = AlertEntrySnapshot.New(now, options.AcknowledgeWithin, s.ExpectedFrom!.Value, s.ExpectedUntil!.Value);
            var entry = new TravelAlertEntry
            {
                Id = Guid.CreateVersion7(),
                AlertId = alert.Id,
                StateCode = code,
                Role = s.Role!.Value,
                KnownDetails = string.IsNullOrWhiteSpace(s.KnownDetails) ? null : s.KnownDetails.Trim(),
                RequestId = linkedId,
                RequestReference = linkedReference,
                RequestSentWithAlert = sentWith is not null,
                Snapshot = snapshot,
            };
            // The acknowledgement clock, like every deadline: a warning before it falls, then the miss (to the Registry).
            entry.DeadlineId = deadlines.Schedule(
                new Deadline(DeadlineKind.AlertAcknowledgement, snapshot.AcknowledgeBy, linkedId, State: StateCode.Parse(code)),
                new DeadlineAudience(organ.Organ, [new Uri($"exchange:{Addresses.OrganQueue(organ.Organ)}")], alert.Classification, linkedVersion),
                [options.WarnBeforeDue]);
            alert.Entries.Add(entry);

            outbox.Send(Addresses.ToState(code), new TravelAlertIssued
            {
                RequestId = linkedId,
                RequestVersion = linkedVersion,
                SenderOrgan = organ.Organ,
                Classification = alert.Classification,
                SentAt = now,
                Readers = alert.Readers,
                AlertId = alert.Id,
                Reference = alert.Reference,
                StateCode = code,
                RequestReference = linkedReference,
                Role = entry.Role,
                ExpectedFrom = snapshot.ExpectedFrom,
                ExpectedUntil = snapshot.ExpectedUntil,
                KnownDetails = entry.KnownDetails,
                Obligation = TravelAlert.Obligation,
                RequestSentWithAlert = entry.RequestSentWithAlert,
                AcknowledgeBy = snapshot.AcknowledgeBy,
            });
        }
        db.TravelAlerts.Add(alert);
        await db.SaveChangesAsync(ct);
        AlertMetrics.StatesAlerted.Add(states.Count);
        return TypedResults.Created($"{organ.RoutePrefix}/alerts/{alert.Id}", AlertView.From(alert));
    }

    private static CooperationRequest NewRequestLike(CooperationRequest source, string stateCode, DateTimeOffset now)
    {
        var request = new CooperationRequest
        {
            Id = Guid.CreateVersion7(),
            Kind = source.Kind,
            StateCode = stateCode,
            IssuingOrgan = source.IssuingOrgan,
            Classification = source.Classification,
            Readers = source.Readers,
            Language = source.Language,
            TranslationLanguage = source.TranslationLanguage,
            Urgent = source.Urgent,
            ContentsJson = source.ContentsJson,
            CreatedAt = now,
        };
        request.Lifecycle = RequestSnapshot.New(request.Kind, request.Classification, request.Urgent, request.Contents.Measure);
        return request;
    }

    /// <summary>422 naming every invalid field; nothing was changed.</summary>
    internal static ProblemHttpResult Invalid(IEnumerable<(string Field, string Problem)> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(Problems.Errors(errors))
        {
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid",
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = "Every invalid field is listed under 'errors'. Nothing was changed.",
        });
}
