using System.Text.Json;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.State.Requests;

/// <summary>A request as the requested State's node holds it. Art 87(3): kept confidential except as execution requires.</summary>
public sealed class ReceivedRequest
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    /// <summary>The issuing organ's request id (the same on both sides).</summary>
    public Guid Id { get; set; }
    public string Reference { get; set; } = "";
    public RequestKind Kind { get; set; }
    public Organ IssuingOrgan { get; set; }
    public Classification Classification { get; set; }
    public string ReadersJson { get; set; } = "[]";
    public string Language { get; set; } = "";
    /// <summary>The language of the translation that travels with the request, if any (Art 87(2), RPE 178).</summary>
    public string? TranslationLanguage { get; set; }
    public bool Urgent { get; set; }
    public string ContentsJson { get; set; } = "{}";
    public int Version { get; set; }
    public RequestStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset DeliveredAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }

    /// <summary>The domain's <see cref="RequestSnapshot"/> as JSON; Status and Version are its queryable copies.</summary>
    public string LifecycleJson { get; set; } = "";

    /// <summary>Optimistic concurrency: bumped by every change of lifecycle, so two writers cannot both win.</summary>
    public int Revision { get; set; }

    public List<ReceivedRequestHistoryEntry> History { get; set; } = [];

    public RequestSnapshot Lifecycle
    {
        get => JsonSerializer.Deserialize<RequestSnapshot>(LifecycleJson, Json)!;
        set
        {
            LifecycleJson = JsonSerializer.Serialize(value, Json);
            Revision++;
            Status = value.Status;
            Version = value.Version;
            Classification = value.Classification;
        }
    }

    /// <summary>
    /// The same lifecycle rule the issuing organ runs, so both sides agree. If it accepts, the new
    /// state and a history entry are stored; if it refuses, nothing changes.
    /// </summary>
    public Decision Apply(RequestCommand command, string actor, DateTimeOffset at)
    {
        var decision = RequestLifecycle.Decide(Lifecycle, command);
        if (decision is Decision.Accepted accepted)
        {
            Lifecycle = accepted.Snapshot;
            History.Add(new ReceivedRequestHistoryEntry
            {
                Id = Guid.CreateVersion7(), RequestId = Id, Sequence = History.Count, At = at, Actor = actor, What = accepted.Entry.Event,
                FromStatus = accepted.Entry.From, ToStatus = accepted.Entry.To, Version = accepted.Snapshot.Version,
                TraceId = System.Diagnostics.Activity.Current?.TraceId.ToHexString(),
            });
        }
        return decision;
    }

    public IReadOnlyList<string> Readers
    {
        get => JsonSerializer.Deserialize<List<string>>(ReadersJson, Json) ?? [];
        set => ReadersJson = JsonSerializer.Serialize(value, Json);
    }

    public RequestContents Contents
    {
        get => JsonSerializer.Deserialize<RequestContents>(ContentsJson, Json) ?? new RequestContents();
        set => ContentsJson = JsonSerializer.Serialize(value, Json);
    }
}
