using System.Security.Claims;
using Cooperation.Contracts;
using Cooperation.Contracts.Requests;
using Cooperation.ServiceDefaults.Auth;
using MassTransit;

namespace Cooperation.ServiceDefaults.Audit;

/// <summary>Who an audit entry names: an organ, a State, a partner client or the system; never a person.</summary>
public static class AuditActors
{
    public const string System = "system";

    public static string OfClient(ClaimsPrincipal user) =>
        Scopes.ClientId(user) is { Length: > 0 } client ? "client:" + client : "anonymous";

    /// <summary>The organ that sent a consumed message: <c>state:UGA</c> for a State's report, <c>organ:registry</c> for the Court's.</summary>
    public static string OfMessage(ConsumeContext context)
    {
        if (context.TryGetMessage<IStateReport>(out var report)) return Scopes.State(report.Message.StateCode);
        if (context.TryGetMessage<ICooperationMessage>(out var message))
            return "organ:" + message.Message.SenderOrgan.ToString().ToLowerInvariant();
        return "broker";
    }
}
