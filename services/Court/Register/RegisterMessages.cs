using Cooperation.Contracts.Register;
using Cooperation.Register;

namespace Cooperation.Court.Register;

internal static class RegisterMessages
{
    public static StateRegisterEntryChanged Changed(string code, Guid designationId, ChannelDesignation d, DateTimeOffset now,
        DateOnly? proposedEffectiveDate = null, DateTimeOffset? dateAgreedAt = null) => new()
    {
        DesignationId = designationId,
        StateCode = code,
        Channel = d.Channel,
        Languages = d.AcceptedLanguages.ToList(),
        SurrenderDocumentRequirements = d.Requirements?.SurrenderDocuments ?? [],
        AssistanceInformationRequirements = d.Requirements?.AssistanceInformation ?? [],
        ReceivedAt = d.ReceivedAt,
        EffectiveFrom = d.EffectiveFrom,
        SentAt = now,
        ProposedEffectiveDate = proposedEffectiveDate,
        DateAgreedAt = dateAgreedAt,
    };
}
