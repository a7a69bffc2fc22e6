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

    public static string OrganQueue(Organ organ) => organ switch
    {
        Organ.Registry => RegistryQueue,
        Organ.Prosecutor => ProsecutorQueue,
        _ => throw new ArgumentOutOfRangeException(nameof(organ), organ, "Only Court organs have an inbound queue."),
    };

    /// <summary>The State's own inbound queue, e.g. <c>state-uga</c>.</summary>
    public static string StateQueue(string stateCode) => $"state-{stateCode.ToLowerInvariant()}";

    /// <summary>Court → State: send to the State's own exchange, which feeds only its queue.</summary>
    public static Uri ToState(string stateCode) => new($"exchange:{StateQueue(stateCode)}");

    /// <summary>State → Court organ: the State's own outbound exchange for that organ, e.g. <c>state-uga.to-registry</c>.</summary>
    public static Uri FromStateTo(string stateCode, Organ organ) =>
        new($"exchange:{StateQueue(stateCode)}.to-{OrganQueue(organ)}");
}
