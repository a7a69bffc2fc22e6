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

    public ChannelDesignation ToDomain() => new(
        Channel, Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ReceivedAt, EffectiveFrom);

    public static ChannelDesignationRecord From(string stateCode, ChannelDesignation d) => new()
    {
        Id = Guid.CreateVersion7(),
        StateCode = stateCode,
        Channel = d.Channel,
        Languages = string.Join(',', d.AcceptedLanguages.Select(l => l.ToLowerInvariant())),
        ReceivedAt = d.ReceivedAt,
        EffectiveFrom = d.EffectiveFrom,
    };
}
