namespace Cooperation.Deployment.Tests;

/// <summary>
/// The operators' custom resources (RabbitMQ Cluster Operator, Messaging Topology Operator, CloudNativePG) have no
/// typed models in KubernetesClient. Their fields are checked against infra/k8s/schemas/operator-fields.txt, the field
/// paths of their CRDs' openAPIV3Schema (extracted by infra/k8s/schemas/extract-crd-fields from the operators' own
/// config/crd/bases, commits named in the file): a path not in it is a field the operator would refuse or ignore.
/// </summary>
public static class OperatorSchema
{
    private static readonly Lazy<Dictionary<string, (HashSet<string> Paths, HashSet<string> Required)>> Schemas = new(Read);

    public static bool Knows(string apiVersion, string kind) => Schemas.Value.ContainsKey($"{apiVersion} {kind}");

    /// <summary>Every field path of the object's spec that its CRD does not define, and every required one it lacks.</summary>
    public static IEnumerable<string> Problems(RenderedObject o)
    {
        var (paths, required) = Schemas.Value[$"{o.ApiVersion} {o.Kind}"];
        var used = new List<string>();
        if (o.Raw.TryGetValue("spec", out var spec)) Walk(spec, "spec", used);
        foreach (var path in used.Where(p => !Allowed(p, paths)))
            yield return $"{o.Kind} {o.Name}: {path} is not a field of the {o.ApiVersion} {o.Kind} CRD";
        foreach (var path in required.Where(r => !r.Contains("[]", StringComparison.Ordinal) && Parent(r) is var parent && (parent == "spec" || used.Contains(parent)) && !used.Contains(r)))
            yield return $"{o.Kind} {o.Name}: required field {path} is missing";
        foreach (var top in o.Raw.Keys.Cast<string>().Where(k => k is not ("apiVersion" or "kind" or "metadata" or "spec")))
            yield return $"{o.Kind} {o.Name}: unexpected top-level field {top}";
    }

    private static string Parent(string path) => path[..path.LastIndexOf('.')];

    private static bool Allowed(string path, HashSet<string> paths)
    {
        if (paths.Contains(path)) return true;
        // A map (path{}) allows any key below it; a subtree not listed (path*) anything below it.
        for (var cut = path.LastIndexOf('.'); cut > 0; cut = path.LastIndexOf('.', cut - 1))
        {
            var prefix = path[..cut];
            if (paths.Contains(prefix + "{}") || paths.Contains(prefix + "*")) return true;
        }
        var array = path.LastIndexOf("[]", StringComparison.Ordinal);
        return array > 0 && paths.Contains(path[..array] + "*");
    }

    private static void Walk(object? node, string path, List<string> used)
    {
        switch (node)
        {
            case IDictionary<object, object> map:
                foreach (var (key, value) in map)
                {
                    var p = $"{path}.{key}";
                    used.Add(p);
                    Walk(value, p, used);
                }
                break;
            case IList<object> list:
                foreach (var item in list) Walk(item, path + "[]", used);
                break;
        }
    }

    private static Dictionary<string, (HashSet<string>, HashSet<string>)> Read()
    {
        var file = Path.Combine(RenderedManifests.RepoRoot, "infra", "k8s", "schemas", "operator-fields.txt");
        var result = new Dictionary<string, (HashSet<string>, HashSet<string>)>();
        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ');
            var key = $"{parts[0]} {parts[1]}";
            if (!result.TryGetValue(key, out var entry)) result[key] = entry = ([], []);
            entry.Item1.Add(parts[2]);
            if (parts.Length > 3 && parts[3] == "required") entry.Item2.Add(parts[2]);
        }
        return result;
    }
}
