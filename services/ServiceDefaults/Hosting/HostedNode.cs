namespace Cooperation.ServiceDefaults.Hosting;

/// <summary>
/// Which hosted node the current flow of work belongs to, when one process hosts several State nodes
/// (issue 11: a State without IT of its own is served from a shared process, like e-EDES's reference portal).
/// Each node is still its own application: own configuration, container, queue, broker user, database and
/// scope. What the runtime shares between them — ActivitySource and Meter listeners — is told apart with this.
/// </summary>
public static class HostedNode
{
    /// <summary>Set (command-line configuration) on a node started by a hosting process: the node's State code.</summary>
    public const string ConfigKey = "StateHost:Node";

    /// <summary>Set on the first node of a hosting process: it alone exports the process-wide metrics (runtime, MassTransit).</summary>
    public const string PrimaryConfigKey = "StateHost:Primary";

    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The node whose start-up, hosted services, bus and requests this code runs under; null outside a host.</summary>
    public static string? Name => Current.Value;

    private static readonly AsyncLocal<Action?> Started = new();

    /// <summary>Marks everything started from here on (in this execution context) as <paramref name="node"/>'s.</summary>
    public static void Enter(string node) => Current.Value = node;

    /// <summary>As <see cref="Enter(string)"/>, and <paramref name="started"/> is called once the node serves.</summary>
    public static void Enter(string node, Action started)
    {
        Current.Value = node;
        Started.Value = started;
    }

    /// <summary>What the hosting process wants called when this node has started (null outside a host).</summary>
    public static Action? StartedSignal => Started.Value;
}
