using Cooperation.ServiceDefaults.Telemetry;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Contracts.Consultations;
using Cooperation.Organs;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Configuration;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.Proceedings.Consultations;

/// <summary>What a party's stored request contributes to a consultation (its lifecycle snapshot included).</summary>
public sealed record RequestFacts(
    Guid Id,
    RequestKind Kind,
    RequestStatus Status,
    int Version,
    Classification Classification,
    Organ IssuingOrgan,
    string StateCode,
    DateTimeOffset? DeliveredAt,
    RequestSnapshot Lifecycle);

/// <summary>The parts of opening, posting and closing that both parties share; the rules stay in Cooperation.</summary>
public static class ConsultationFlow
{
    private const int MaxText = 8000;

    public static IHostApplicationBuilder AddConsultations(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ConsultationServiceLevelOptions, ConsultationServiceLevelOptionsValidator>(
            ConsultationServiceLevelOptions.Section);
        builder.Services.AddSingleton<ConsultationServiceLevels>();
        builder.Services.AddOperationalReadings<ConsultationReadings>();
        return builder;
    }

    /// <summary>Every invalid field of an opening (Art 97 grounds via <see cref="ConsultationOpening.Validate"/>).</summary>
    public static IReadOnlyList<InvalidElement> Validate(OpenConsultationBody body, DateTimeOffset now)
    {
        var problems = ConsultationOpening.Validate(body.Grounds, body.OtherGroundText, body.Description).ToList();
        if (body.Description is { Length: > MaxText })
            problems.Add(new InvalidElement("description", $"at most {MaxText} characters"));
        if (body.OtherGroundText is { Length: > 2000 })
            problems.Add(new InvalidElement("otherGroundText", "at most 2000 characters"));
        if (body.ProblemRecordedAt is { } recorded && recorded > now)
            problems.Add(new InvalidElement("problemRecordedAt", "cannot be in the future"));
        if (body.ReplyBy is { } replyBy && replyBy < DateOnly.FromDateTime(now.UtcDateTime))
            problems.Add(new InvalidElement("replyBy", "cannot be in the past"));
        if (body.Classification is { } c && !Enum.IsDefined(c))
            problems.Add(new InvalidElement("classification", "Public, Confidential, UnderSeal or ExParte"));
        if (body.Proposals is { } p)
            foreach (var (field, value) in new[]
                     {
                         ("proposals.supplementaryInformation", p.SupplementaryInformation), ("proposals.conditions", p.Conditions),
                         ("proposals.postponementPeriod", p.PostponementPeriod), ("proposals.modifiedRequest", p.ModifiedRequest),
                     })
                if (value is { Length: > MaxText }) problems.Add(new InvalidElement(field, $"at most {MaxText} characters"));
        return problems;
    }

    public static IReadOnlyList<InvalidElement> Validate(PostConsultationMessageBody body)
    {
        var problems = new List<InvalidElement>();
        if (string.IsNullOrWhiteSpace(body.Text)) problems.Add(new InvalidElement("text", "required"));
        else if (body.Text.Length > MaxText) problems.Add(new InvalidElement("text", $"at most {MaxText} characters"));
        if (body.Classification is null) problems.Add(new InvalidElement("classification", "required: Public, Confidential, UnderSeal or ExParte"));
        var attachments = body.Attachments ?? [];
        for (var i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i];
            if (string.IsNullOrWhiteSpace(a.Name) || a.Name.Length > 255)
                problems.Add(new InvalidElement($"attachments[{i}].name", "required, at most 255 characters"));
            if (a.Size is null or < 0) problems.Add(new InvalidElement($"attachments[{i}].size", "required: the size in bytes"));
            if (a.Sha256 is null || a.Sha256.Length != 64 || !a.Sha256.All(char.IsAsciiHexDigit))
                problems.Add(new InvalidElement($"attachments[{i}].sha256", "required: the SHA-256 of the file, 64 hex characters"));
        }
        return problems;
    }

    public static IReadOnlyList<InvalidElement> Validate(CloseConsultationBody body)
    {
        var problems = new List<InvalidElement>();
        if (body.Outcome is null)
            problems.Add(new InvalidElement("outcome", "required: Resumed, Redirected, Postponed or Withdrawn (Modified: POST .../modify)"));
        if (body.Outcome == ConsultationOutcome.Postponed && body.Until is not null && body.PeriodDays is not null)
            problems.Add(new InvalidElement("periodDays", "give either until or periodDays"));
        if (body.PeriodDays is < 1 or > 3650) problems.Add(new InvalidElement("periodDays", "between 1 and 3650 days"));
        if (body.Note is { Length: > 4000 }) problems.Add(new InvalidElement("note", "at most 4000 characters"));
        return problems;
    }

    public static ProblemHttpResult Invalid(IEnumerable<InvalidElement> problems) =>
        Problems.Invalid(Problems.Errors(problems.Select(p => (p.Element, p.Problem))));

    /// <summary>A lifecycle refusal as ProblemDetails: 400/422 when fields are at fault, else 409; nothing was changed.</summary>
    public static ProblemHttpResult Refused(Decision.Refused refused) =>
        refused.InvalidElements.Count > 0
            ? refused.Code == LifecycleErrors.RequestIncomplete
                ? Problems.Incomplete(Problems.Errors(refused.InvalidElements.Select(p => (p.Element, p.Problem))))
                : Invalid(refused.InvalidElements)
            : Problems.Conflict(ProblemTypes.IllegalTransition, "Not allowed now", refused.Message + " Nothing was changed.");

    public static ProblemHttpResult Refused(ConsultationDecision.Refused refused) =>
        Problems.Conflict(ProblemTypes.IllegalTransition, "Not allowed in this consultation", refused.Message + " Nothing was changed.");

    /// <summary>A new record for a consultation this party opens, after the lifecycle accepted it.</summary>
    public static ConsultationRecord NewRecord(RequestFacts request, OpenConsultationBody body, Organ openedBy, DateTimeOffset now)
    {
        var snapshot = ConsultationThread.Open(request.IssuingOrgan, StateCode.Parse(request.StateCode), openedBy, now, body.Grounds!);
        return new ConsultationRecord
        {
            Id = Guid.CreateVersion7(),
            RequestId = request.Id,
            RequestVersion = request.Version,
            StateCode = request.StateCode,
            IssuingOrgan = request.IssuingOrgan,
            RequestKind = request.Kind,
            Classification = body.Classification ?? request.Classification,
            OpenedBy = snapshot.OpenedBy,
            OpenedAt = snapshot.OpenedAt,
            Status = snapshot.Status,
            ProblemRecordedAt = body.ProblemRecordedAt?.ToUniversalTime(),
            MeasuredFrom = openedBy == Organ.State ? body.ProblemRecordedAt?.ToUniversalTime() ?? request.DeliveredAt : null,
            Grounds = body.Grounds!,
            OtherGroundText = body.OtherGroundText,
            Description = body.Description!,
            Proposals = body.Proposals ?? new ConsultationProposals(),
            ReplyBy = body.ReplyBy,
            StatusBeforeConsultation = request.Status,
        };
    }

    /// <summary>The other party's record of a consultation it was told about.</summary>
    public static ConsultationRecord FromMessage(ConsultationOpened m, RequestFacts request) => new()
    {
        Id = m.ConsultationId,
        RequestId = m.RequestId,
        RequestVersion = m.RequestVersion,
        StateCode = m.StateCode,
        IssuingOrgan = request.IssuingOrgan,
        RequestKind = request.Kind,
        Classification = m.Classification,
        OpenedBy = m.OpenedBy,
        OpenedAt = m.OpenedAt,
        Status = ConsultationStatus.Open,
        ProblemRecordedAt = m.ProblemRecordedAt,
        MeasuredFrom = m.MeasuredFrom,
        Grounds = m.Grounds,
        OtherGroundText = m.OtherGroundText,
        Description = m.Description,
        Proposals = m.Proposals,
        ReplyBy = m.ReplyBy,
        StatusBeforeConsultation = request.Status,
    };

    /// <summary>An Art 97 consultation is between the requested State and the issuing organ: nobody else reads it.</summary>
    public static readonly IReadOnlyList<string> ThreadReaders = [];

    public static ConsultationOpened OpenedMessage(ConsultationRecord c, Organ sender, DateTimeOffset now) => new()
    {
        RequestId = c.RequestId,
        RequestVersion = c.RequestVersion,
        SenderOrgan = sender,
        Classification = c.Classification,
        SentAt = now,
        Readers = ThreadReaders,
        ConsultationId = c.Id,
        StateCode = c.StateCode,
        OpenedBy = c.OpenedBy,
        OpenedAt = c.OpenedAt,
        Grounds = c.Grounds,
        OtherGroundText = c.OtherGroundText,
        Description = c.Description,
        Proposals = c.Proposals,
        ProblemRecordedAt = c.ProblemRecordedAt,
        MeasuredFrom = c.MeasuredFrom,
        ReplyBy = c.ReplyBy,
    };

    /// <summary>Adds a message to the thread if the thread machine accepts it; returns the refusal otherwise.</summary>
    public static ConsultationDecision.Refused? Post(ConsultationRecord c, ConsultationEntry entry)
    {
        var decision = ConsultationThread.Decide(c.ToSnapshot(), new ConsultationCommand.PostMessage(entry.AuthorOrgan, entry.PostedAt));
        if (decision is ConsultationDecision.Refused refused) return refused;
        c.Apply(((ConsultationDecision.Accepted)decision).Snapshot);
        entry.ConsultationId = c.Id;
        c.Entries.Add(entry);
        return null;
    }

    public static ConsultationMessagePosted PostedMessage(ConsultationRecord c, ConsultationEntry e, Organ sender, int requestVersion, DateTimeOffset now) => new()
    {
        RequestId = c.RequestId,
        RequestVersion = requestVersion,
        SenderOrgan = sender,
        Classification = e.Classification,
        SentAt = now,
        Readers = ThreadReaders,
        ConsultationId = c.Id,
        EntryId = e.Id,
        StateCode = c.StateCode,
        AuthorOrgan = e.AuthorOrgan,
        PostedAt = e.PostedAt,
        Text = e.Text,
        Attachments = e.Attachments,
    };

    public static ConsultationEntry NewEntry(PostConsultationMessageBody body, Organ author, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AuthorOrgan = author,
        Classification = body.Classification!.Value,
        Text = body.Text!,
        Attachments = (body.Attachments ?? []).Select(a => new AttachmentMetadata(a.Name!, a.Size!.Value, a.Sha256!.ToLowerInvariant())).ToList(),
        PostedAt = now,
    };

    /// <summary>
    /// The JSON paths (camelCase) of the elements that differ between two versions' contents — names of
    /// elements only, never their values, so the list is safe in any message or view.
    /// </summary>
    public static IReadOnlyList<string> ChangedElements(RequestContents before, RequestContents after)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ProblemsExtensions.ConfigureJson(options);
        var a = JsonSerializer.SerializeToNode(before, options);
        var b = JsonSerializer.SerializeToNode(after, options);
        var changed = new List<string>();
        Diff("contents", a, b, changed);
        return changed;
    }

    private static void Diff(string path, JsonNode? a, JsonNode? b, List<string> changed)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)).Order(StringComparer.Ordinal))
                Diff($"{path}.{key}", oa[key], ob[key], changed);
            return;
        }
        if (!JsonNode.DeepEquals(a, b)) changed.Add(path);
    }
}
