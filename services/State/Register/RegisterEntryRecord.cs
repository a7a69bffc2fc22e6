using Microsoft.EntityFrameworkCore;

namespace Cooperation.State.Register;

/// <summary>
/// This State's own entries in the Court's register, as the Registry recorded them (RPE 180): when it received a
/// change, the State's proposed date, and whether and when the Registry agreed it. One row per designation.
/// </summary>
public sealed class RegisterEntryRecord
{
    public Guid DesignationId { get; set; }
    public string Channel { get; set; } = "";
    /// <summary>Lower-case ISO 639-1 codes, comma-separated.</summary>
    public string Languages { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    public DateOnly? ProposedEffectiveDate { get; set; }
    public DateTimeOffset? DateAgreedAt { get; set; }
    /// <summary>When the Registry sent what this row holds: an older message never replaces a newer one.</summary>
    public DateTimeOffset SentAt { get; set; }

    public static void Configure(ModelBuilder model) => model.Entity<RegisterEntryRecord>(e =>
    {
        e.ToTable("register_entries");
        e.HasKey(r => r.DesignationId);
        e.Property(r => r.DesignationId).ValueGeneratedNever();
        e.Property(r => r.Channel).HasMaxLength(200);
        e.Property(r => r.Languages).HasMaxLength(200);
    });
}
