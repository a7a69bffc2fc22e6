using System.Diagnostics;
using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace Cooperation.Deployment.Tests;

/// <summary>One object of a rendered overlay: its kind, its name, the typed model (core kinds) or the raw tree (operator kinds).</summary>
public sealed record RenderedObject(string ApiVersion, string Kind, string Name, object? Typed, IDictionary<object, object> Raw)
{
    public T As<T>() => (T)Typed!;
}

/// <summary>
/// Renders infra/k8s/overlays/{overlay} with `kubectl kustomize` (kubectl 1.32 with kustomize 5.5 is on the machine
/// image; no cluster is needed) and loads every object: core kinds with the KubernetesClient typed models, strictly
/// (a field the model does not know fails the load), the operators' kinds as trees checked by <see cref="OperatorSchema"/>.
/// </summary>
public static class RenderedManifests
{
    /// <summary>The core kinds the manifests may use, with their typed models. Anything else must be an operator's kind.</summary>
    private static readonly Dictionary<string, Type> CoreKinds = new()
    {
        ["v1/Namespace"] = typeof(V1Namespace),
        ["v1/ConfigMap"] = typeof(V1ConfigMap),
        ["v1/Secret"] = typeof(V1Secret),
        ["v1/Service"] = typeof(V1Service),
        ["apps/v1/Deployment"] = typeof(V1Deployment),
        ["apps/v1/StatefulSet"] = typeof(V1StatefulSet),
        ["policy/v1/PodDisruptionBudget"] = typeof(V1PodDisruptionBudget),
        ["autoscaling/v2/HorizontalPodAutoscaler"] = typeof(V2HorizontalPodAutoscaler),
        ["networking.k8s.io/v1/NetworkPolicy"] = typeof(V1NetworkPolicy),
    };

    private static readonly Dictionary<string, IReadOnlyList<RenderedObject>> Cache = [];
    private static readonly Lock CacheLock = new();

    public static string RepoRoot { get; } = FindRepoRoot();

    public static IReadOnlyList<RenderedObject> Overlay(string overlay)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(overlay, out var objects))
                Cache[overlay] = objects = Load(Kustomize(Path.Combine(RepoRoot, "infra", "k8s", "overlays", overlay)));
            return objects;
        }
    }

    public static IEnumerable<T> OfType<T>(this IReadOnlyList<RenderedObject> objects) =>
        objects.Where(o => o.Typed is T).Select(o => (T)o.Typed!);

    public static IEnumerable<RenderedObject> Custom(this IReadOnlyList<RenderedObject> objects, string kind) =>
        objects.Where(o => o.Typed is null && o.Kind == kind);

    /// <summary>Renders and loads any kustomization directory (a generated copy of infra/k8s, for instance).</summary>
    public static IReadOnlyList<RenderedObject> Render(string dir) => Load(Kustomize(dir));

    private static string Kustomize(string dir)
    {
        var (code, stdout, stderr) = Run("kubectl", ["kustomize", dir], RepoRoot);
        Assert.True(code == 0, $"kubectl kustomize {dir} failed ({code}):\n{stderr}");
        return stdout;
    }

    /// <summary>Runs a tool; a missing one fails the test saying which and why it is needed.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string file, IReadOnlyList<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"'{file}' is not on PATH ({e.Message}). The Kubernetes manifest tests need kubectl (1.32, with kustomize) to render " +
                "infra/k8s, and bash with jq for infra/k8s/generate; the machine image ships them.", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within 2 minutes");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    private static List<RenderedObject> Load(string rendered)
    {
        var raw = new DeserializerBuilder().Build();
        var objects = new List<RenderedObject>();
        foreach (var doc in rendered.Split("\n---\n").Select(d => d.Trim()).Where(d => d.Length > 0 && d != "---"))
        {
            var tree = raw.Deserialize<Dictionary<object, object>>(doc);
            var apiVersion = (string)tree["apiVersion"];
            var kind = (string)tree["kind"];
            var name = (string)((Dictionary<object, object>)tree["metadata"])["name"];
            object? typed = null;
            if (CoreKinds.TryGetValue($"{apiVersion}/{kind}", out var type))
            {
                // strict: a field the typed model does not define is an error, not silently dropped.
                var deserialize = typeof(KubernetesYaml).GetMethods()
                    .Single(m => m.Name == nameof(KubernetesYaml.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string))
                    .MakeGenericMethod(type);
                try
                {
                    typed = deserialize.Invoke(null, [doc, true]);
                }
                catch (System.Reflection.TargetInvocationException e)
                {
                    Assert.Fail($"{kind} {name} does not load with the typed model {type.Name} (unknown or mistyped field): {e.InnerException?.Message}");
                }
            }
            else
            {
                Assert.True(OperatorSchema.Knows(apiVersion, kind),
                    $"{apiVersion} {kind} {name}: neither a core kind with a typed model nor an operator kind of infra/k8s/schemas/operator-fields.txt");
                // Their metadata is ordinary ObjectMeta: loaded strictly too.
                var metadata = new SerializerBuilder().Build().Serialize(tree["metadata"]);
                try { KubernetesYaml.Deserialize<V1ObjectMeta>(metadata, strict: true); }
                catch (Exception e) { Assert.Fail($"{kind} {name}: metadata does not load as ObjectMeta: {e.Message}"); }
            }
            objects.Add(new RenderedObject(apiVersion, kind, name, typed, tree));
        }
        return objects;
    }

    private static string FindRepoRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("COOP_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "Platform.sln"))) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        throw new InvalidOperationException("Platform.sln not found above the test's output directory (set COOP_REPO_ROOT)");
    }
}
