namespace Cooperation.Contracts.Consultations;

/// <summary>What the party opening a consultation proposes (all optional).</summary>
public sealed record ConsultationProposals
{
    /// <summary>Supplementary information the State needs to execute (Art 97(a)).</summary>
    public string? SupplementaryInformation { get; init; }
    /// <summary>Conditions on which the request could be executed (e.g. Art 93(5)).</summary>
    public string? Conditions { get; init; }
    /// <summary>A postponement period proposed (Art 94), e.g. "P90D" or a free-text period.</summary>
    public string? PostponementPeriod { get; init; }
    /// <summary>How the request could be modified to be executable.</summary>
    public string? ModifiedRequest { get; init; }
}

/// <summary>An attachment's metadata; no file storage yet.</summary>
public sealed record AttachmentMetadata(string Name, long Size, string Sha256);
