using Cooperation.Confidentiality;
using Cooperation.Organs;

namespace Cooperation.Contracts;

/// <summary>
/// What every cooperation message carries besides its own content. The message id is the
/// transport's (MassTransit MessageId, set from the sender's outbox row so a resend keeps it);
/// the trace context travels in the transport headers.
/// </summary>
public interface ICooperationMessage
{
    Guid RequestId { get; }
    int RequestVersion { get; }
    Organ SenderOrgan { get; }
    Classification Classification { get; }
    DateTimeOffset SentAt { get; }

    /// <summary>
    /// Who may read it besides the issuing organ and the requested State (Art 87(3)), e.g.
    /// "chamber:PTC-II"; an empty list means those two only. Always set explicitly by the sender.
    /// </summary>
    IReadOnlyList<string> Readers { get; }
}
