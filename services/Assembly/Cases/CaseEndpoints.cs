using Cooperation.Assembly.Persistence;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Assembly.Cases;

/// <summary>
/// The notified cases, as the Presidency/Bureau and the regional focal points read them: the State, the Chamber's
/// steps, dates and document references, and the Assembly's own response. Never a request's contents.
/// </summary>
public static class CaseEndpoints
{
    public const int MaxPage = 100;

    public static void MapCases(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/assembly/cases", ListAsync).Produces<CasePage>(StatusCodes.Status200OK).WithName("AssemblyListCases")
            .WithSummary("Notified cases, newest first; filter by State; paged with the 'next' cursor.");
        routes.MapGet("/assembly/cases/{id:guid}", GetAsync).Produces<CaseView>(StatusCodes.Status200OK).WithName("AssemblyGetCase")
            .WithSummary("One case: the Court's steps, the formal response, the views deadline, the State's views, the informal log.");
    }

    private static async Task<IResult> ListAsync(AssemblyDbContext db, string? state, string? cursor, int? limit, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (limit is < 1 or > MaxPage) errors.Add(("limit", $"Between 1 and {MaxPage}."));
        if (state is not null && !Cooperation.Organs.StateCode.TryParse(state, out _)) errors.Add(("state", "An ISO 3166-1 alpha-3 code."));
        Guid? after = null;
        if (cursor is not null)
        {
            if (Guid.TryParse(cursor, out var c)) after = c;
            else errors.Add(("cursor", "The 'next' value of the previous page."));
        }
        if (errors.Count > 0) return AssemblyProblems.Invalid(errors);

        var query = db.Cases.AsNoTracking().Include(c => c.FormalSteps).AsQueryable();
        if (state is not null) query = query.Where(c => c.StateCode == state.ToUpperInvariant());
        // Few cases reach the Assembly (a handful a year): ordered and paged here rather than in SQL, which keeps the
        // cursor exact (first notification, then id) on both providers.
        var ordered = (await query.ToListAsync(ct))
            .OrderByDescending(c => c.FirstNotifiedAt).ThenByDescending(c => c.Id).ToList();
        if (after is { } id && ordered.FindIndex(c => c.Id == id) is var at and >= 0) ordered = ordered.Skip(at + 1).ToList();
        var size = limit ?? 50;
        var page = ordered.Take(size).ToList();
        return TypedResults.Ok(new CasePage(
            page.Select(c => new CaseSummaryView(c.Id, c.StateCode, c.Reason, c.RequestReference, c.Situation, c.ReferredToAssembly,
                c.ToSnapshot().LastFormalStep, c.FirstNotifiedAt, c.LastNotifiedAt)).ToList(),
            ordered.Count > size ? page[^1].Id.ToString() : null));
    }

    private static async Task<IResult> GetAsync(Guid id, AssemblyDbContext db, CancellationToken ct) =>
        await LoadViewAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("case");

    public static async Task<AssemblyCaseRecord?> LoadAsync(AssemblyDbContext db, Guid id, CancellationToken ct) =>
        await db.Cases.Include(c => c.FormalSteps).Include(c => c.InformalActions).Include(c => c.Assignments).Include(c => c.Views)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);

    public static async Task<CaseView?> LoadViewAsync(AssemblyDbContext db, Guid id, CancellationToken ct)
    {
        var record = await LoadAsync(db, id, ct);
        if (record is null) return null;
        var deadline = record.ViewsDeadlineId is { } d ? await db.Deadlines.AsNoTracking().SingleOrDefaultAsync(x => x.Id == d, ct) : null;
        return CaseView.From(record, deadline);
    }
}
