using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Register;

/// <summary>What the Registry recorded of one of this State's changes (RPE 180).</summary>
public sealed record RegisterEntryView(
    Guid Id, string Channel, IReadOnlyList<string> Languages, DateTimeOffset ReceivedAt, DateTimeOffset EffectiveFrom,
    DateOnly? ProposedEffectiveDate, DateTimeOffset? DateAgreedAt, bool InEffect);

/// <summary>The newest 200 entries, newest first.</summary>
public sealed record RegisterEntriesView(IReadOnlyList<RegisterEntryView> Entries);

public static class RegisterEntryQueries
{
    public static void MapRegisterEntries(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/states/{code}/register",
                async Task<IResult> (string code, StateDbContext db, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                {
                    if (!string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("State node");
                    var now = clock.GetUtcNow();
                    var rows = await db.RegisterEntries.AsNoTracking().ToListAsync(ct);
                    return TypedResults.Ok(new RegisterEntriesView(rows.OrderByDescending(r => r.ReceivedAt).Take(200).Select(r => new RegisterEntryView(
                        r.DesignationId, r.Channel, r.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries), r.ReceivedAt, r.EffectiveFrom,
                        r.ProposedEffectiveDate, r.DateAgreedAt, r.EffectiveFrom <= now)).ToList()));
                })
            .Produces<RegisterEntriesView>(StatusCodes.Status200OK)
            .WithName("GetOwnRegisterEntries")
            .WithSummary("This State's changes of channel or language as the Registry recorded them: received, effective from, proposed and agreed dates (RPE 180).");
}
