using Cooperation.Confidentiality;
using Cooperation.Requests.Transit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.State.Transit;

/// <summary>An unscheduled landing as the transit State keeps it (Art 89(3)(e), RPE 182). Content: never logged.</summary>
public sealed class UnscheduledLandingRecord
{
    public Guid Id { get; set; }
    public LandingStatus Status { get; set; }
    public DateTimeOffset LandedAt { get; set; }
    public DateTimeOffset DetentionEndsAt { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public Classification Classification { get; set; }
    public string? PersonDescription { get; set; }
    public string? WarrantReference { get; set; }
    public Guid? TransitRequestId { get; set; }
    public DateTimeOffset? TransitRequestReceivedAt { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
    public DateTimeOffset? TransitEffectedAt { get; set; }
    public string LastEvent { get; set; } = "";

    public LandingSnapshot ToSnapshot() => new()
    {
        Status = Status, LandedAt = LandedAt, DetentionEndsAt = DetentionEndsAt, TransitRequestId = TransitRequestId,
        TransitRequestReceivedAt = TransitRequestReceivedAt, ReleasedAt = ReleasedAt, TransitEffectedAt = TransitEffectedAt,
    };

    public void Apply(LandingSnapshot s, string @event)
    {
        Status = s.Status; LandedAt = s.LandedAt; DetentionEndsAt = s.DetentionEndsAt; TransitRequestId = s.TransitRequestId;
        TransitRequestReceivedAt = s.TransitRequestReceivedAt; ReleasedAt = s.ReleasedAt; TransitEffectedAt = s.TransitEffectedAt;
        LastEvent = @event;
    }

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<UnscheduledLandingRecord>(e =>
        {
            e.ToTable("unscheduled_landings");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(l => l.Classification).HasConversion<string>().HasMaxLength(16);
            e.Property(l => l.PersonDescription).HasMaxLength(2000);
            e.Property(l => l.WarrantReference).HasMaxLength(200);
            e.Property(l => l.LastEvent).HasMaxLength(64);
        });
}

/// <summary>A landing as the State's desk reads it; <see cref="ReleaseDue"/> once the 96 hours ran out without the request.</summary>
public sealed record UnscheduledLandingView(
    Guid Id, LandingStatus Status, DateTimeOffset LandedAt, DateTimeOffset DetentionEndsAt, Classification Classification,
    string? PersonDescription, string? WarrantReference, Guid? TransitRequestId, DateTimeOffset? TransitRequestReceivedAt,
    DateTimeOffset? ReleasedAt, DateTimeOffset? TransitEffectedAt, string LastEvent, bool ReleaseDue)
{
    public static UnscheduledLandingView From(UnscheduledLandingRecord l, DateTimeOffset now) => new(
        l.Id, l.Status, l.LandedAt, l.DetentionEndsAt, l.Classification, l.PersonDescription, l.WarrantReference, l.TransitRequestId,
        l.TransitRequestReceivedAt, l.ReleasedAt, l.TransitEffectedAt, l.LastEvent,
        l.Status == LandingStatus.Detained && now >= l.DetentionEndsAt);
}
