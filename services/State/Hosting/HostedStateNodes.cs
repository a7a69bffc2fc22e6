using System.Collections;
using System.Reflection;
using Cooperation.ServiceDefaults.Hosting;

namespace Cooperation.State.Hosting;

/// <summary>
/// One process hosting several State nodes (issue 11): many States Parties lack the IT to run a node of their
/// own (the EU's e-EDES serves such States from a reference portal). Each hosted node is the same program as a
/// node on its own — started by calling this program's Main again with the node's settings as command-line
/// configuration — so it keeps its own configuration, container, HTTP port, queue, broker user, database and
/// token scope; nothing of one node's is registered in another's. The process environment carries the nodes as
/// <c>StateHost__Nodes__{i}__{KEY}=VALUE</c> (KEY as a service's own environment names it, e.g.
/// <c>Broker__Password</c> or <c>ASPNETCORE_URLS</c>); they are removed from the environment before any node
/// starts, so no node's configuration holds another node's broker password or database.
/// </summary>
internal static class HostedStateNodes
{
    private const string Prefix = "StateHost__Nodes__";

    /// <summary>Each hosted node's command-line arguments, in index order; empty for an ordinary (single) node.</summary>
    public static IReadOnlyList<string[]> TakeFromEnvironment()
    {
        var nodes = new SortedDictionary<int, List<string>>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var key = (string)entry.Key;
            if (!key.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            var rest = key[Prefix.Length..];
            var split = rest.IndexOf("__", StringComparison.Ordinal);
            if (split <= 0 || !int.TryParse(rest[..split], out var index)) continue;
            var name = rest[(split + 2)..];
            var value = (string?)entry.Value ?? "";
            var argument = name switch
            {
                "ASPNETCORE_URLS" => $"--urls={value}",
                "ASPNETCORE_ENVIRONMENT" => $"--environment={value}",
                _ => $"--{name.Replace("__", ":", StringComparison.Ordinal)}={value}",
            };
            if (!nodes.TryGetValue(index, out var list)) nodes[index] = list = [];
            list.Add(argument);
            Environment.SetEnvironmentVariable(key, null);
        }
        return nodes.Values.Select((a, i) =>
        {
            var code = a.FirstOrDefault(x => x.StartsWith("--State:Code=", StringComparison.Ordinal))?["--State:Code=".Length..] ?? "";
            // The node key stays last: RunAsync reads it from there.
            return a.Append($"--{HostedNode.PrimaryConfigKey}={i == 0}").Append($"--{HostedNode.ConfigKey}={code.ToUpperInvariant()}").ToArray();
        }).ToList();
    }

    /// <summary>
    /// Runs every node; returns when they have all stopped (SIGTERM stops each). A node that stops on its own —
    /// a start-up error, a lost database — ends the process with its exit code, so the supervisor (infra/run)
    /// restarts the process and every node in it, as it would a single node.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string[]> nodes)
    {
        // The program's own asynchronous Main (top-level statements): each node awaits it, none blocks a thread.
        var main = typeof(HostedStateNodes).Assembly.GetType("Program")?.GetMethod("<Main>$", BindingFlags.Static | BindingFlags.NonPublic)
                   ?? throw new InvalidOperationException("The State program's Main was not found.");
        Console.Error.WriteLine($"state host: starting {nodes.Count} State nodes in one process");
        // One node after another, each once the previous one serves: OpenTelemetry's self-diagnostics are process-wide
        // and do not survive many providers starting at the same instant (ObjectDisposedException at start-up).
        var running = new List<Task<int>>();
        var all = System.Diagnostics.Stopwatch.StartNew();
        foreach (var args in nodes)
        {
            var one = System.Diagnostics.Stopwatch.StartNew();
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var node = Task.Run(() =>
            {
                HostedNode.Enter(args[^1][(HostedNode.ConfigKey.Length + 3)..], () => started.TrySetResult());
                return (Task<int>)main.Invoke(null, [args])!;
            });
            running.Add(node);
            if (await Task.WhenAny(started.Task, node) == node) break;
            Console.Error.WriteLine($"state host: node {running.Count} of {nodes.Count} serving after {one.ElapsedMilliseconds} ms ({all.Elapsed.TotalSeconds:F1} s in all)");
        }
        var first = await Task.WhenAny(running);
        if (first.IsFaulted || first.Result != 0)
        {
            var code = first.IsFaulted ? 1 : first.Result;
            // A node whose Main threw (a port taken, a failure before its own logging runs) would otherwise stop the
            // process without a word: say which node and what (type and message; the stack is in no one's interest here).
            var failure = first.Exception?.GetBaseException();
            while (failure is TargetInvocationException { InnerException: { } inner }) failure = inner;
            var which = running.IndexOf(first) is var i and >= 0 ? nodes[i][^1][(HostedNode.ConfigKey.Length + 3)..] : "?";
            Console.Error.WriteLine(failure is null
                ? $"state host: node {which} stopped (exit code {code}); stopping the process"
                : $"state host: node {which} failed to run ({failure.GetType().Name}: {failure.Message}); stopping the process");
            return code;
        }
        var codes = await Task.WhenAll(running);
        return codes.Max();
    }
}
