using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Cooperation.Architecture.Tests;

/// <summary>
/// One of the platform's assemblies as built (same configuration as this test run), read as metadata:
/// the assemblies it references, the types it defines and the types it uses from each reference.
/// </summary>
public sealed class BuiltAssembly
{
    public string Name { get; }
    public IReadOnlySet<string> References { get; }
    public IReadOnlySet<string> DefinedNamespaces { get; }
    private readonly IReadOnlyList<(string Assembly, string FullName)> _usedTypes;

    private BuiltAssembly(string name, IReadOnlySet<string> references, IReadOnlySet<string> namespaces,
        IReadOnlyList<(string, string)> usedTypes)
    {
        Name = name;
        References = references;
        DefinedNamespaces = namespaces;
        _usedTypes = usedTypes;
    }

    /// <summary>Types this assembly uses from <paramref name="assembly"/> (nested types by their outer type).</summary>
    public IReadOnlySet<string> TypesUsedFrom(string assembly) =>
        _usedTypes.Where(t => t.Assembly == assembly).Select(t => t.FullName).ToHashSet();

    // Project folder (from the repository root) and assembly name of each platform assembly.
    private static readonly Dictionary<string, string> Projects = new()
    {
        ["Cooperation"] = "services/Cooperation",
        ["Contracts"] = "services/Contracts",
        ["ServiceDefaults"] = "services/ServiceDefaults",
        ["Proceedings"] = "services/Proceedings",
        ["Court"] = "services/Court",
        ["Cooperation.Registry"] = "services/Registry",
        ["Cooperation.Prosecutor"] = "services/Prosecutor",
        ["Cooperation.State"] = "services/State",
        ["Cooperation.Assembly"] = "services/Assembly",
        ["Cooperation.Gateway"] = "gateway/Gateway",
    };

    public static IReadOnlyCollection<string> All => Projects.Keys;

    public static BuiltAssembly Load(string name)
    {
        // This test's own output is tests/Architecture.Tests/bin/<Configuration>/<tfm>/; the services' is the same tail.
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = baseDir.Name;
        var configuration = baseDir.Parent!.Name;
        var root = baseDir.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var file = Path.Combine(root, Projects[name], "bin", configuration, tfm, name + ".dll");
        Assert.True(File.Exists(file), $"{file} is missing: build the solution first");

        using var stream = File.OpenRead(file);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var references = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToHashSet();
        var namespaces = md.TypeDefinitions.Select(h => md.GetTypeDefinition(h))
            .Where(t => t.GetDeclaringType().IsNil) // top-level types name the folders
            .Select(t => md.GetString(t.Namespace))
            .Where(ns => ns.Length > 0)
            .ToHashSet();
        var used = new List<(string, string)>();
        foreach (var h in md.TypeReferences)
        {
            var t = md.GetTypeReference(h);
            var scope = t.ResolutionScope;
            if (scope.Kind != HandleKind.AssemblyReference) continue; // nested types resolve through their outer type
            var asm = md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
            var ns = md.GetString(t.Namespace);
            used.Add((asm, ns.Length > 0 ? ns + "." + md.GetString(t.Name) : md.GetString(t.Name)));
        }
        return new BuiltAssembly(name, references, namespaces, used);
    }
}
