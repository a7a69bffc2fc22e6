using System.Security.Claims;
using Cooperation.Contracts;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;

namespace Cooperation.ServiceDefaults.Audit;

/// <summary>Who an audit entry names: an organ, a State, a partner client or the system; never a person.</summary>
public static class AuditActors
{
    public const string System = "system";

    public static string OfClient(ClaimsPrincipal user) =>
        Scopes.ClientId(user) is { Length: > 0 } client ? "client:" + client : "anonymous";

    /// <summary>
    /// Who sent a consumed message, from the transport: <c>state:UGA</c> for whatever arrived on Uganda's
    /// own inbound queue (the broker lets only Uganda's user feed it), whatever its body says;
    /// <c>organ:registry</c> for the Court's messages, on queues only the Court's users may write.
    /// </summary>
    public static string OfMessage(ConsumeContext context)
    {
        if (TransportSender.StateOf(context) is { } state) return Scopes.State(state);
        if (context.TryGetMessage<ICooperationMessage>(out var message))
            return "organ:" + message.Message.SenderOrgan.ToString().ToLowerInvariant();
        return "broker";
    }
}
