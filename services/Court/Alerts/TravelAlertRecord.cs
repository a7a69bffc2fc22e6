using System.Text.Json;
using Cooperation.Alerts;
using Cooperation.Confidentiality;
using Cooperation.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Alerts;

/// <summary>
/// A travel alert as the Registry keeps it: the arrest request it was issued on, and one entry per State alerted.
/// As confidential as the warrant behind it (its classification and readers are the request's).
/// </summary>
public sealed class TravelAlertRecord
{
    public Guid Id { get; set; }
    /// <summary>Human reference, e.g. ALR-2026-000004.</summary>
    public string Reference { get; set; } = "";
    /// <summary>The arrest-and-surrender request the alert was issued on.</summary>
    public Guid SourceRequestId { get; set; }
    /// <summary>The warrant as <see cref="TravelAlert.WarrantKey"/> identifies it.</summary>
    public string WarrantKey { get; set; } = "";
    public Classification Classification { get; set; }
    public string ReadersJson { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
    public int StateCount { get; set; }
    public List<TravelAlertEntry> Entries { get; set; } = [];

    public IReadOnlyList<string> Readers
    {
        get => JsonSerializer.Deserialize<List<string>>(ReadersJson, StoredJson.Options) ?? [];
        set => ReadersJson = JsonSerializer.Serialize(value, StoredJson.Options);
    }

    internal static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TravelAlertRecord>(e =>
        {
            e.ToTable("travel_alerts");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasIndex(a => a.Reference).IsUnique();
            e.HasIndex(a => a.CreatedAt);
            e.Property(a => a.Reference).HasMaxLength(32);
            e.Property(a => a.WarrantKey).HasMaxLength(256);
            e.Property(a => a.Classification).HasConversion<string>().HasMaxLength(16);
            e.Ignore(a => a.Readers);
            e.HasMany(a => a.Entries).WithOne().HasForeignKey(x => x.AlertId);
        });
        modelBuilder.Entity<TravelAlertEntry>(e =>
        {
            e.ToTable("travel_alert_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.AlertId, x.StateCode }).IsUnique();
            e.HasIndex(x => new { x.RequestId, x.StateCode });
            e.HasIndex(x => x.DeadlineId);
            e.Property(x => x.StateCode).HasMaxLength(3);
            e.Property(x => x.RequestReference).HasMaxLength(32);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Signal).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.KnownDetails).HasMaxLength(TravelAlert.MaxDetails);
            e.Ignore(x => x.Snapshot);
            e.Property(x => x.Revision).IsConcurrencyToken();
        });
    }
}

/// <summary>One State's entry on an alert's board.</summary>
public sealed class TravelAlertEntry
{
    public Guid Id { get; set; }
    public Guid AlertId { get; set; }
    public string StateCode { get; set; } = "";
    public TravelRole Role { get; set; }
    public string? KnownDetails { get; set; }
    /// <summary>The arrest request to this State the alert concerns (found for the same warrant, or sent with the alert).</summary>
    public Guid RequestId { get; set; }
    public string RequestReference { get; set; } = "";
    public bool RequestSentWithAlert { get; set; }
    /// <summary>The acknowledgement deadline (services/Proceedings/Deadlines).</summary>
    public Guid DeadlineId { get; set; }

    /// <summary>Queryable copies of the snapshot's stage and signal.</summary>
    public AlertStage Stage { get; set; }
    public AcknowledgementSignal Signal { get; set; }
    public string SnapshotJson { get; set; } = "{}";
    /// <summary>Optimistic concurrency: bumped by every change, so two writers cannot both win.</summary>
    public int Revision { get; set; }

    public AlertEntrySnapshot Snapshot
    {
        get => JsonSerializer.Deserialize<AlertEntrySnapshot>(SnapshotJson, StoredJson.Options)!;
        set
        {
            SnapshotJson = JsonSerializer.Serialize(value, StoredJson.Options);
            Stage = value.Stage;
            Signal = value.Signal;
            Revision++;
        }
    }

    /// <summary>Applies the board's rule; stores the new snapshot if accepted. Nothing changes if refused.</summary>
    public AlertDecision Apply(AlertCommand command)
    {
        var decision = AlertBoard.Decide(Snapshot, command);
        if (decision is AlertDecision.Accepted accepted) Snapshot = accepted.Snapshot;
        return decision;
    }
}
