using Cooperation.Organs;

namespace Cooperation.Contracts;

/// <summary>
/// The broker names every service agrees on. The Court declares this topology (infra/broker):
/// each State reads only its own queue and writes only to its own outbound exchanges, which the
/// Court binds into the issuing organ's queue.
/// </summary>
public static class Addresses
{
    public const string RegistryQueue = "registry";
    public const string ProsecutorQueue = "prosecutor";
    /// <summary>The Assembly's own queue: only the Court's broker users write it (Registry → Assembly notifications).</summary>
    public const string AssemblyQueue = "assembly";

    /// <summary>Registry → Assembly: the Assembly's own exchange, which feeds only its queue.</summary>
    public static Uri ToAssembly => new($"exchange:{AssemblyQueue}");

    /// <summary>
    /// Assembly → Registry, audit heads only (issue 12): an exchange the broker binds to the Registry's queue, so the
    /// Assembly's user writes this one exchange and never the Registry's own.
    /// </summary>
    public const string AuditAnchorExchange = "audit-anchors";

    public static string OrganQueue(Organ organ) => organ switch
    {
        Organ.Registry => RegistryQueue,
        Organ.Prosecutor => ProsecutorQueue,
        Organ.Assembly => AssemblyQueue,
        _ => throw new ArgumentOutOfRangeException(nameof(organ), organ, "A State has no organ queue: see StateQueue."),
    };

    /// <summary>The State's own inbound queue, e.g. <c>state-uga</c>.</summary>
    public static string StateQueue(string stateCode) => $"state-{stateCode.ToLowerInvariant()}";

    /// <summary>Court → State: send to the State's own exchange, which feeds only its queue.</summary>
    public static Uri ToState(string stateCode) => new($"exchange:{StateQueue(stateCode)}");

    /// <summary>State → Court organ: the State's own outbound exchange for that organ, e.g. <c>state-uga.to-registry</c>.</summary>
    public static Uri FromStateTo(string stateCode, Organ organ) =>
        new($"exchange:{StateQueue(stateCode)}.to-{OrganQueue(organ)}");

    /// <summary>
    /// The organ's inbound queue for one State, e.g. <c>registry.from-state-uga</c>: only that State's
    /// outbound exchange feeds it, so the queue names the sender (never the message body).
    /// </summary>
    public static string OrganQueueFromState(Organ organ, string stateCode) => $"{OrganQueue(organ)}.from-{StateQueue(stateCode)}";

    /// <summary>"registry.from-state-uga" → "UGA"; null for any other queue name.</summary>
    public static string? StateOfInboundQueue(string queue)
    {
        var at = queue.IndexOf(".from-state-", StringComparison.Ordinal);
        if (at < 0) return null;
        var code = queue[(at + ".from-state-".Length)..];
        return code.Length == 3 && code.All(char.IsAsciiLetterLower) ? code.ToUpperInvariant() : null;
    }
}
