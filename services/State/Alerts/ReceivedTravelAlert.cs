using System.Text.Json;
using Cooperation.Alerts;
using Cooperation.Confidentiality;
using Cooperation.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.State.Alerts;

/// <summary>
/// This State's own copy of a travel alert: its own visit only. It never learns which other States were alerted
/// (the Registry sends each State a message naming that State alone).
/// </summary>
public sealed class ReceivedTravelAlert
{
    /// <summary>The Registry's alert id (the same on both sides).</summary>
    public Guid Id { get; set; }
    public string Reference { get; set; } = "";
    /// <summary>The arrest request to this State the alert concerns.</summary>
    public Guid RequestId { get; set; }
    public int RequestVersion { get; set; }
    public string RequestReference { get; set; } = "";
    public bool RequestSentWithAlert { get; set; }
    public TravelRole Role { get; set; }
    public string? KnownDetails { get; set; }
    public string Obligation { get; set; } = "";
    public Classification Classification { get; set; }
    public string ReadersJson { get; set; } = "[]";
    public DateTimeOffset ReceivedAt { get; set; }

    public AlertStage Stage { get; set; }
    public string SnapshotJson { get; set; } = "{}";
    public int Revision { get; set; }

    public IReadOnlyList<string> Readers
    {
        get => JsonSerializer.Deserialize<List<string>>(ReadersJson, StoredJson.Options) ?? [];
        set => ReadersJson = JsonSerializer.Serialize(value, StoredJson.Options);
    }

    public AlertEntrySnapshot Snapshot
    {
        get => JsonSerializer.Deserialize<AlertEntrySnapshot>(SnapshotJson, StoredJson.Options)!;
        set
        {
            SnapshotJson = JsonSerializer.Serialize(value, StoredJson.Options);
            Stage = value.Stage;
            Revision++;
        }
    }

    /// <summary>The same board rule the Registry runs; nothing changes if refused.</summary>
    public AlertDecision Apply(AlertCommand command)
    {
        var decision = AlertBoard.Decide(Snapshot, command);
        if (decision is AlertDecision.Accepted accepted) Snapshot = accepted.Snapshot;
        return decision;
    }

    internal static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ReceivedTravelAlert>(e =>
        {
            e.ToTable("travel_alerts");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasIndex(a => a.ReceivedAt);
            e.HasIndex(a => a.RequestId);
            e.Property(a => a.Reference).HasMaxLength(32);
            e.Property(a => a.RequestReference).HasMaxLength(32);
            e.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Stage).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Classification).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.KnownDetails).HasMaxLength(TravelAlert.MaxDetails);
            e.Property(a => a.Obligation).HasMaxLength(2_000);
            e.Ignore(a => a.Readers);
            e.Ignore(a => a.Snapshot);
            e.Property(a => a.Revision).IsConcurrencyToken();
        });
}
