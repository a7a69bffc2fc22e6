using Cooperation.Requests.Arrest;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Proceedings.Arrest;

/// <summary>
/// Where the person sought stands on the arrest path of one request, as each party stores it (the State
/// decides each step with ArrestPath.Decide; the issuing organ records the same step from its message).
/// </summary>
public sealed class ArrestPathRecord
{
    public Guid RequestId { get; set; }
    public ArrestStage Stage { get; set; }
    public bool Provisional { get; set; }
    public bool DocumentsReceived { get; set; }
    public DateOnly? ArrestDate { get; set; }
    public DateTimeOffset? DocumentsDueAt { get; set; }
    public DateOnly? ReleasedOn { get; set; }
    /// <summary>Art 59(2), 59(3)-(6), 59(7).</summary>
    public DateOnly? BroughtBeforeJudicialAuthorityOn { get; set; }
    public DateOnly? InterimReleasedOn { get; set; }
    public DateOnly? SurrenderOrderedOn { get; set; }
    /// <summary>Art 89(4) deferral; RPE 183 temporary surrender, its conditions and the return.</summary>
    public DateOnly? SurrenderDeferredOn { get; set; }
    public DateOnly? DeferredUntil { get; set; }
    public DateOnly? TemporarilySurrenderedOn { get; set; }
    public string? TemporarySurrenderConditions { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public DateOnly? SurrenderDate { get; set; }
    public DateOnly? SurrenderedOn { get; set; }
    public string LastEvent { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public ArrestSnapshot ToSnapshot() => new()
    {
        Stage = Stage, Provisional = Provisional, DocumentsReceived = DocumentsReceived, ArrestDate = ArrestDate,
        DocumentsDueAt = DocumentsDueAt, ReleasedOn = ReleasedOn, SurrenderDate = SurrenderDate, SurrenderedOn = SurrenderedOn,
        BroughtBeforeJudicialAuthorityOn = BroughtBeforeJudicialAuthorityOn, InterimReleasedOn = InterimReleasedOn,
        SurrenderOrderedOn = SurrenderOrderedOn, SurrenderDeferredOn = SurrenderDeferredOn, DeferredUntil = DeferredUntil,
        TemporarilySurrenderedOn = TemporarilySurrenderedOn, TemporarySurrenderConditions = TemporarySurrenderConditions, ReturnedOn = ReturnedOn,
    };

    public void Apply(ArrestSnapshot s, string @event, DateTimeOffset at)
    {
        Stage = s.Stage; Provisional = s.Provisional; DocumentsReceived = s.DocumentsReceived; ArrestDate = s.ArrestDate;
        DocumentsDueAt = s.DocumentsDueAt; ReleasedOn = s.ReleasedOn; SurrenderDate = s.SurrenderDate; SurrenderedOn = s.SurrenderedOn;
        BroughtBeforeJudicialAuthorityOn = s.BroughtBeforeJudicialAuthorityOn; InterimReleasedOn = s.InterimReleasedOn;
        SurrenderOrderedOn = s.SurrenderOrderedOn;
        SurrenderDeferredOn = s.SurrenderDeferredOn; DeferredUntil = s.DeferredUntil; TemporarilySurrenderedOn = s.TemporarilySurrenderedOn;
        TemporarySurrenderConditions = s.TemporarySurrenderConditions; ReturnedOn = s.ReturnedOn;
        LastEvent = @event;
        UpdatedAt = at;
    }

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ArrestPathRecord>(e =>
        {
            e.ToTable("arrest_paths");
            e.HasKey(a => a.RequestId);
            e.Property(a => a.RequestId).ValueGeneratedNever();
            e.Property(a => a.Stage).HasConversion<string>().HasMaxLength(32);
            e.Property(a => a.LastEvent).HasMaxLength(64);
            e.Property(a => a.TemporarySurrenderConditions).HasMaxLength(8_000);
        });
}

/// <summary>An arrest path as either party reads it, with the RPE 188 deadline.</summary>
public sealed record ArrestPathView(
    Guid RequestId, ArrestStage Stage, bool Provisional, bool DocumentsReceived, DateOnly? ArrestDate, DateTimeOffset? DocumentsDueAt,
    DateOnly? ReleasedOn, DateOnly? SurrenderDate, DateOnly? SurrenderedOn, string LastEvent, DateTimeOffset UpdatedAt,
    DateOnly? BroughtBeforeJudicialAuthorityOn, DateOnly? InterimReleasedOn, DateOnly? SurrenderOrderedOn,
    DateOnly? SurrenderDeferredOn = null, DateOnly? DeferredUntil = null, DateOnly? TemporarilySurrenderedOn = null,
    string? TemporarySurrenderConditions = null, DateOnly? ReturnedOn = null)
{
    public static ArrestPathView From(ArrestPathRecord a) => new(
        a.RequestId, a.Stage, a.Provisional, a.DocumentsReceived, a.ArrestDate, a.DocumentsDueAt, a.ReleasedOn, a.SurrenderDate,
        a.SurrenderedOn, a.LastEvent, a.UpdatedAt, a.BroughtBeforeJudicialAuthorityOn, a.InterimReleasedOn, a.SurrenderOrderedOn,
        a.SurrenderDeferredOn, a.DeferredUntil, a.TemporarilySurrenderedOn, a.TemporarySurrenderConditions, a.ReturnedOn);
}
