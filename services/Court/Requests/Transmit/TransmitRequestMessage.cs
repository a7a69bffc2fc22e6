using Cooperation.Contracts.Requests;
using Cooperation.Organs;

namespace Cooperation.Court.Requests.Transmit;

/// <summary>The message that carries a request (first transmission, or a new version) to the State's own queue.</summary>
public static class TransmitRequestMessage
{
    public static TransmitRequest For(CooperationRequest request, Organ sender, DateTimeOffset now) => new()
    {
        RequestId = request.Id,
        RequestVersion = request.Version,
        SenderOrgan = sender,
        Classification = request.Classification,
        SentAt = now,
        Reference = request.Reference,
        StateCode = request.StateCode,
        Kind = request.Kind,
        Readers = request.Readers,
        Urgent = request.Urgent,
        Language = request.Language,
        TranslationLanguage = request.TranslationLanguage,
        Contents = request.Contents,
        SubmittedAt = now,
    };
}
