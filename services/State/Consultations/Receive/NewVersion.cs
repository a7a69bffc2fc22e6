using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.State.Requests;

namespace Cooperation.State.Consultations.Receive;

/// <summary>
/// A modified request (e.g. the outcome Modified of a consultation) arrives as the next version of a
/// request this State already holds: the same Modify rule the issuing organ ran, then delivery.
/// </summary>
public static class NewVersion
{
    /// <summary>True if <paramref name="m"/> is the next version and was taken in; false if it is one already held.</summary>
    public static bool TryReceive(ReceivedRequest request, TransmitRequest m, string stateCode, DateTimeOffset now)
    {
        if (m.RequestVersion <= request.Version) return false;
        if (m.RequestVersion != request.Version + 1)
            throw new InvalidOperationException($"Request {m.RequestId}: version {m.RequestVersion} arrived while version {request.Version} is held.");
        // The issuing organ checked completeness against the register; here the language it was sent in stands.
        var input = new CompletenessInput(m.Contents, m.Language, [m.Language]);
        if (request.Apply(new RequestCommand.Modify(m.SubmittedAt, input), m.SenderOrgan.ToString().ToLowerInvariant(), m.SubmittedAt)
            is Decision.Refused refused)
            throw new InvalidOperationException($"Request {m.RequestId}: version {m.RequestVersion} refused ({refused.Code}).");
        request.Contents = m.Contents;
        request.Readers = m.Readers;
        request.Language = m.Language;
        request.SubmittedAt = m.SubmittedAt;
        request.DeliveredAt = now;
        request.AcknowledgedAt = null;
        request.AcknowledgedBy = null;
        request.Apply(new RequestCommand.RecordDelivered(now), $"state:{stateCode}", now);
        return true;
    }
}
