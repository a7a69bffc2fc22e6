using Cooperation.Confidentiality;
using Cooperation.Contracts.Transit;
using Cooperation.Court.Persistence;
using Cooperation.Requests.Transit;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Transit;

/// <summary>
/// An unscheduled landing a transit State reported (Art 89(3)(e)): the Registry's cue to send a transit request
/// naming it (contents.unscheduledLandingId) within the 96 hours. Content (the person's description): never logged.
/// </summary>
public sealed class UnscheduledLandingNotice
{
    public Guid Id { get; set; }
    public string StateCode { get; set; } = "";
    public LandingStatus Status { get; set; }
    public DateTimeOffset LandedAt { get; set; }
    public DateTimeOffset DetentionEndsAt { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public Classification Classification { get; set; }
    public string? PersonDescription { get; set; }
    public string? WarrantReference { get; set; }
    public Guid? TransitRequestId { get; set; }
    public string LastEvent { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<UnscheduledLandingNotice>(e =>
        {
            e.ToTable("unscheduled_landings");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.StateCode).HasMaxLength(3);
            e.Property(l => l.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(l => l.Classification).HasConversion<string>().HasMaxLength(16);
            e.Property(l => l.PersonDescription).HasMaxLength(2000);
            e.Property(l => l.WarrantReference).HasMaxLength(200);
            e.Property(l => l.LastEvent).HasMaxLength(64);
            e.HasIndex(l => l.ReportedAt);
        });
}

public sealed record UnscheduledLandingNoticeView(
    Guid Id, string StateCode, LandingStatus Status, DateTimeOffset LandedAt, DateTimeOffset DetentionEndsAt, DateTimeOffset ReportedAt,
    Classification Classification, string? PersonDescription, string? WarrantReference, Guid? TransitRequestId, string LastEvent,
    DateTimeOffset UpdatedAt)
{
    public static UnscheduledLandingNoticeView From(UnscheduledLandingNotice l) => new(
        l.Id, l.StateCode, l.Status, l.LandedAt, l.DetentionEndsAt, l.ReportedAt, l.Classification, l.PersonDescription,
        l.WarrantReference, l.TransitRequestId, l.LastEvent, l.UpdatedAt);
}

public static class UnscheduledLandingQueries
{
    /// <summary>The Registry's landings, newest first; a transit request naming one ends its 96-hour cap at the State.</summary>
    public static void MapUnscheduledLandings(this IEndpointRouteBuilder routes, CourtOrgan organ)
    {
        routes.MapGet($"{organ.RoutePrefix}/transit/unscheduled-landings", async (CourtDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.UnscheduledLandings.AsNoTracking().ToListAsync(ct))
                    .OrderByDescending(l => l.ReportedAt).Take(200).Select(UnscheduledLandingNoticeView.From).ToList()))
            .WithName($"{organ.Organ}UnscheduledLandings");
        routes.MapGet($"{organ.RoutePrefix}/transit/unscheduled-landings/{{lid:guid}}", async Task<IResult> (Guid lid, CourtDbContext db, CancellationToken ct) =>
                await db.UnscheduledLandings.FindAsync([lid], ct) is { } l
                    ? TypedResults.Ok(UnscheduledLandingNoticeView.From(l))
                    : Problems.NotFound("landing"))
            .Produces<UnscheduledLandingNoticeView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}UnscheduledLanding");
    }
}

/// <summary>A transit State reported an unscheduled landing and asks for a transit request (Art 89(3)(e)).</summary>
public sealed class UnscheduledLandingReportedConsumer(CourtDbContext db, IInbox inbox) : IConsumer<UnscheduledLandingReported>
{
    public async Task Consume(ConsumeContext<UnscheduledLandingReported> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(UnscheduledLandingReportedConsumer))) return;
        var m = context.Message;
        db.UnscheduledLandings.Add(new UnscheduledLandingNotice
        {
            Id = m.LandingId, StateCode = m.StateCode, Status = LandingStatus.Detained, LandedAt = m.LandedAt,
            DetentionEndsAt = m.DetentionEndsAt, ReportedAt = m.SentAt, Classification = m.Classification,
            PersonDescription = m.PersonDescription, WarrantReference = m.WarrantReference,
            LastEvent = "unscheduled-landing-reported", UpdatedAt = m.SentAt,
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>A later step of a landing at the transit State.</summary>
public sealed class UnscheduledLandingAdvancedConsumer(CourtDbContext db, IInbox inbox) : IConsumer<UnscheduledLandingAdvanced>
{
    public async Task Consume(ConsumeContext<UnscheduledLandingAdvanced> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(UnscheduledLandingAdvancedConsumer))) return;
        var m = context.Message;
        var landing = await db.UnscheduledLandings.FindAsync([m.LandingId], context.CancellationToken);
        if (landing is null || landing.StateCode != m.StateCode)
            throw new InvalidOperationException($"Landing {m.LandingId}: never reported by this State.");
        landing.Status = m.Status;
        landing.TransitRequestId = m.TransitRequestId ?? landing.TransitRequestId;
        landing.LastEvent = m.Event;
        landing.UpdatedAt = m.At;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
