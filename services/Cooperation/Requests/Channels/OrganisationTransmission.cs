using Cooperation.Validation;

namespace Cooperation.Requests.Channels;

/// <summary>Art 87(1)(b): the organisations through which a request may also be transmitted.</summary>
public enum OrganisationChannel
{
    /// <summary>The International Criminal Police Organization (e.g. a Red Notice beside the requests, Italy 2025).</summary>
    Interpol,
    /// <summary>"Any appropriate regional organization", named.</summary>
    RegionalOrganisation,
}

/// <summary>
/// Art 87(1)(b): the request was also transmitted through INTERPOL or an appropriate regional organisation, "without
/// prejudice to" the designated channel of 87(1)(a). <paramref name="Reference"/>: the organisation's own reference
/// (e.g. a notice number), if any. It changes neither the request's status nor its evidence (Submitted, Delivered,
/// Acknowledged come from the designated channel only).
/// </summary>
public sealed record OrganisationTransmission(OrganisationChannel Channel, string? Organisation, string? Reference, DateTimeOffset At);

public static class OrganisationTransmissions
{
    public const int MaxName = 200;

    /// <summary>Every invalid element of a proposed 87(1)(b) transmission, by its field name.</summary>
    public static IReadOnlyList<InvalidElement> Validate(OrganisationChannel? channel, string? organisation, string? reference)
    {
        var problems = new List<InvalidElement>();
        if (channel is not { } c || !Enum.IsDefined(c))
            problems.Add(new InvalidElement("channel", "required: Interpol or RegionalOrganisation (Art 87(1)(b))"));
        else if (c == OrganisationChannel.RegionalOrganisation && string.IsNullOrWhiteSpace(organisation))
            problems.Add(new InvalidElement("organisation", "required: the name of the regional organisation (Art 87(1)(b))"));
        else if (c == OrganisationChannel.Interpol && !string.IsNullOrWhiteSpace(organisation))
            problems.Add(new InvalidElement("organisation", "only for a regional organisation; INTERPOL is named by the channel"));
        if (organisation is { Length: > MaxName }) problems.Add(new InvalidElement("organisation", $"at most {MaxName} characters"));
        if (reference is { Length: > MaxName }) problems.Add(new InvalidElement("reference", $"at most {MaxName} characters"));
        return problems;
    }
}
