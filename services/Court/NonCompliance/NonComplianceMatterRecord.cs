using System.Text.Json;
using System.Text.Json.Serialization;
using Cooperation.Confidentiality;
using Cooperation.Contracts.Limits;
using Cooperation.NonCompliance;
using Cooperation.Requests;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.NonCompliance;

/// <summary>
/// A non-compliance matter (Art 87(7)) as the Registry records it: one per request (and so per State), rebuilt into a
/// <see cref="MatterSnapshot"/> for <see cref="NonComplianceMatter.Decide"/>. Its classification is the request's.
/// </summary>
public sealed class NonComplianceMatterRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public string RequestReference { get; set; } = "";
    public RequestKind RequestKind { get; set; }
    public int RequestVersion { get; set; }
    public string StateCode { get; set; } = "";
    public Classification Classification { get; set; }
    /// <summary>The situation's public reference, e.g. ICC-01/05, if recorded.</summary>
    public string? Situation { get; set; }
    public bool SituationReferredBySecurityCouncil { get; set; }

    public MatterStep Step { get; set; }
    public DateOnly? ObservationsDueBy { get; set; }
    public bool ObservationsSubmitted { get; set; }
    public bool ReferredToAssembly { get; set; }
    public bool ReferredToSecurityCouncil { get; set; }
    public string StepsJson { get; set; } = "[]";

    /// <summary>The State's observations as its node sent them (Regulation 109), and when.</summary>
    public string? Observations { get; set; }
    public DateTimeOffset? ObservationsSubmittedAt { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>First notification to the Assembly (the referral); every later step is notified again.</summary>
    public DateTimeOffset? AssemblyNotifiedAt { get; set; }
    public int Revision { get; set; }

    public IReadOnlyList<MatterStepRecord> Steps
    {
        get => JsonSerializer.Deserialize<List<MatterStepRecord>>(StepsJson, Json) ?? [];
        set => StepsJson = JsonSerializer.Serialize(value, Json);
    }

    public MatterSnapshot ToSnapshot() => new()
    {
        Step = Step,
        SituationReferredBySecurityCouncil = SituationReferredBySecurityCouncil,
        ObservationsDueBy = ObservationsDueBy,
        ObservationsSubmitted = ObservationsSubmitted,
        ReferredToAssembly = ReferredToAssembly,
        ReferredToSecurityCouncil = ReferredToSecurityCouncil,
        Steps = Steps,
    };

    public void Apply(MatterSnapshot s, DateTimeOffset at)
    {
        Step = s.Step;
        ObservationsDueBy = s.ObservationsDueBy;
        ObservationsSubmitted = s.ObservationsSubmitted;
        ReferredToAssembly = s.ReferredToAssembly;
        ReferredToSecurityCouncil = s.ReferredToSecurityCouncil;
        Steps = s.Steps;
        UpdatedAt = at;
        Revision++;
    }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<NonComplianceMatterRecord>(e =>
    {
        e.ToTable("noncompliance_matters");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        // One matter per request: a second is refused (409), never a race's duplicate.
        e.HasIndex(m => m.RequestId).IsUnique();
        e.HasIndex(m => new { m.StateCode, m.Step });
        e.HasIndex(m => m.OpenedAt);
        e.Property(m => m.RequestReference).HasMaxLength(32);
        e.Property(m => m.RequestKind).HasConversion<string>().HasMaxLength(32);
        e.Property(m => m.StateCode).HasMaxLength(3);
        e.Property(m => m.Classification).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.Situation).HasMaxLength(64);
        e.Property(m => m.Step).HasConversion<string>().HasMaxLength(32);
        e.Property(m => m.Observations).HasMaxLength(StateInputLimits.MaxText);
        e.Property(m => m.Revision).IsConcurrencyToken();
        e.Ignore(m => m.Steps);
    });
}
