using System.Text.Json;
using System.Text.Json.Serialization;
using Cooperation.Confidentiality;
using Cooperation.Contracts.Limits;
using Cooperation.Contracts.NonCompliance;
using Cooperation.NonCompliance;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.State.NonCompliance;

/// <summary>
/// This State's copy of a non-compliance matter about itself (Art 87(7)), as the Registry told it step by step. Only
/// matters concerning this State ever enter its database: the Registry sends them to its own queue alone.
/// </summary>
public sealed class MatterCopy
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public int RequestVersion { get; set; }
    public string RequestReference { get; set; } = "";
    public Classification Classification { get; set; }
    public MatterStep Step { get; set; }
    public string StepsJson { get; set; } = "[]";
    public DateOnly? ObservationsDueBy { get; set; }
    /// <summary>The observations this node sent (Regulation 109), and when; the Registry's step follows.</summary>
    public string? Observations { get; set; }
    public DateTimeOffset? ObservationsSentAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Revision { get; set; }

    public IReadOnlyList<MatterStepNotice> Steps
    {
        get => JsonSerializer.Deserialize<List<MatterStepNotice>>(StepsJson, Json) ?? [];
        set => StepsJson = JsonSerializer.Serialize(value, Json);
    }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<MatterCopy>(e =>
    {
        e.ToTable("noncompliance_matters");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.HasIndex(m => m.RequestId);
        e.Property(m => m.RequestReference).HasMaxLength(32);
        e.Property(m => m.Classification).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.Step).HasConversion<string>().HasMaxLength(32);
        e.Property(m => m.Observations).HasMaxLength(StateInputLimits.MaxText);
        e.Property(m => m.Revision).IsConcurrencyToken();
        e.Ignore(m => m.Steps);
    });
}
