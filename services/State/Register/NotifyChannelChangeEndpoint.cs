using Cooperation.Contracts;
using Cooperation.Contracts.Register;
using Cooperation.Organs;
using Cooperation.Register;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Microsoft.Extensions.Options;
using Cooperation.State.Limits;

namespace Cooperation.State.Register;

/// <summary>
/// A new designated channel (Art 87(1)) and the languages requests may be in (Art 87(2), RPE 178); optionally the
/// national requirements agreed after consulting the Court: the documents its surrender procedure needs
/// (Art 91(2)(c), 91(4)) and the information its law needs for assistance (Art 96(2)(e)).
/// </summary>
public sealed record ChannelChangeBody(
    string? Channel, IReadOnlyList<string>? Languages, DateOnly? AgreedEffectiveDate,
    IReadOnlyList<string>? SurrenderDocumentRequirements = null, IReadOnlyList<string>? AssistanceInformationRequirements = null);

/// <summary>The notice is on its way to the Registry; its register entry follows (RPE 180).</summary>
public sealed record ChannelChangeNotified(string StateCode, DateTimeOffset NotifiedAt);

public static class NotifyChannelChangeEndpoint
{
    /// <summary>
    /// The State tells the Registry; the change takes effect on the agreed date, else 45 days after
    /// the Registry receives it, and never affects pending requests (RPE 180). agreedEffectiveDate is
    /// the State's proposal: it becomes the agreed date when the Registry accepts it.
    /// </summary>
    public static void MapNotifyChannelChange(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/register/channel", NotifyAsync)
            .WithStateInputLimits<ChannelChangeBody>()
            .WithIdempotency()
            .Produces<ChannelChangeNotified>(StatusCodes.Status202Accepted)
            .WithName("NotifyChannelChange")
            .WithSummary("Notify the Registry of a change of designated channel or language (RPE 180).");

    private static async Task<IResult> NotifyAsync(
        string code, ChannelChangeBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct)
    {
        var own = state.Value.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("State node");

        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(body.Channel))
            errors.Add(("channel", "Required: the authority or channel requests go to, at most 200 characters."));
        if (body.Languages is not { Count: > 0 } languages)
            errors.Add(("languages", "Required: at least one ISO 639-1 language code, e.g. [\"fr\", \"en\"]."));
        else
            for (var i = 0; i < languages.Count; i++)
                if (languages[i] is not { Length: >= 2 and <= 8 } l || !l.All(char.IsAsciiLetter))
                    errors.Add(($"languages[{i}]", "An ISO 639-1 language code, e.g. fr."));
        foreach (var (field, list) in new[] { ("surrenderDocumentRequirements", body.SurrenderDocumentRequirements),
                     ("assistanceInformationRequirements", body.AssistanceInformationRequirements) })
        {
            if (list is { Count: > 50 }) errors.Add((field, "At most 50 requirements."));
            for (var i = 0; i < (list?.Count ?? 0) && i < 50; i++)
                if (string.IsNullOrWhiteSpace(list![i]) || list[i].Length > 200 || list[i].Contains('\n'))
                    errors.Add(($"{field}[{i}]", "A requirement's name: one line, at most 200 characters."));
        }
        if (errors.Count > 0) return Problems.Invalid(Problems.Errors(errors));

        var now = clock.GetUtcNow();
        // RPE 180: the date is proposed to the Registry, which agrees it; a past date cannot be agreed.
        if (body.AgreedEffectiveDate is { } proposed && !ChannelRegister.CanBeAgreed(proposed, now))
            return Problems.Incomplete(Problems.Errors([("agreedEffectiveDate",
                $"A date from today ({DateOnly.FromDateTime(now.UtcDateTime):yyyy-MM-dd}, UTC) on: a change never reaches back (RPE 180).")]));
        outbox.Send(Addresses.FromStateTo(own, Organ.Registry), new NotifyChannelChange
        {
            StateCode = own,
            Channel = body.Channel!,
            Languages = body.Languages!.Select(l => l.ToLowerInvariant()).ToList(),
            AgreedEffectiveDate = body.AgreedEffectiveDate,
            SurrenderDocumentRequirements = body.SurrenderDocumentRequirements?.Select(r => r.Trim()).ToList() ?? [],
            AssistanceInformationRequirements = body.AssistanceInformationRequirements?.Select(r => r.Trim()).ToList() ?? [],
            SentAt = now,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/registry/register/states/{own}", new ChannelChangeNotified(own, now));
    }
}
