using Cooperation.Register;

namespace Cooperation.Court.Register;

/// <summary>One designation of a State's channel and languages, as received; the register's history (RPE 180).</summary>
public sealed class ChannelDesignationRecord
{
    public Guid Id { get; set; }
    public string StateCode { get; set; } = "";
    public string Channel { get; set; } = "";
    /// <summary>Lower-case ISO 639-1 codes, comma-separated.</summary>
    public string Languages { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    /// <summary>The date the State proposed (RPE 180 "as agreed"): a proposal until <see cref="DateAgreedAt"/> is set.</summary>
    public DateOnly? ProposedEffectiveDate { get; set; }
    /// <summary>When the Registry accepted the proposed date; <see cref="EffectiveFrom"/> is that date from then on.</summary>
    public DateTimeOffset? DateAgreedAt { get; set; }
    /// <summary>Art 91(2)(c), 91(4): the documents the State's surrender procedure needs, one name a line.</summary>
    public string SurrenderDocumentRequirements { get; set; } = "";
    /// <summary>Art 96(2)(e): the information the State's law needs to execute assistance, one name a line.</summary>
    public string AssistanceInformationRequirements { get; set; } = "";

    public ChannelDesignation ToDomain() => new(
        Channel, Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ReceivedAt, EffectiveFrom,
        new NationalRequirements(Lines(SurrenderDocumentRequirements), Lines(AssistanceInformationRequirements)));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static ChannelDesignationRecord From(string stateCode, ChannelDesignation d) => new()
    {
        Id = Guid.CreateVersion7(),
        StateCode = stateCode,
        Channel = d.Channel,
        Languages = string.Join(',', d.AcceptedLanguages.Select(l => l.ToLowerInvariant())),
        ReceivedAt = d.ReceivedAt,
        EffectiveFrom = d.EffectiveFrom,
        SurrenderDocumentRequirements = string.Join('\n', d.Requirements?.SurrenderDocuments ?? []),
        AssistanceInformationRequirements = string.Join('\n', d.Requirements?.AssistanceInformation ?? []),
    };
}
