using System.Text.RegularExpressions;
using k8s.Models;

namespace Cooperation.Deployment.Tests;

/// <summary>
/// The manifests configure the services with settings they really read: every environment variable of our containers
/// is a property of the options class its section binds to (read from the source, so a renamed option fails here), a
/// YARP route or cluster setting, one of the ASP.NET Core / OpenTelemetry variables, or a helper another variable of
/// the same container expands with $(NAME). A misspelt key would otherwise be ignored in silence.
/// </summary>
public sealed partial class ServiceSettingsTests
{
    private static readonly string[] Plain = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "OTEL_SERVICE_NAME", "OTEL_EXPORTER_OTLP_ENDPOINT"];

    private static readonly Dictionary<string, (string File, string Class)> Sections = new()
    {
        ["Broker"] = ("services/ServiceDefaults/Configuration/BrokerOptions.cs", "BrokerOptions"),
        ["Broker:Tls"] = ("services/ServiceDefaults/Configuration/BrokerOptions.cs", "BrokerTlsOptions"),
        ["Gateway"] = ("gateway/Gateway/Security/GatewayOptions.cs", "GatewayOptions"),
        ["Database"] = ("services/ServiceDefaults/Configuration/DatabaseOptions.cs", "DatabaseOptions"),
        ["Auth"] = ("services/ServiceDefaults/Auth/AuthOptions.cs", "AuthOptions"),
        ["State"] = ("services/State/Configuration/StateOptions.cs", "StateOptions"),
        ["Register"] = ("services/Court/Register/RegisterOptions.cs", "RegisterOptions"),
        ["Assembly"] = ("services/Assembly/Configuration/AssemblyOptions.cs", "AssemblyOptions"),
        ["Identity"] = ("gateway/Gateway/Identity/IdentityOptions.cs", "IdentityOptions"),
        ["Identity:Clients"] = ("gateway/Gateway/Identity/IdentityOptions.cs", "ClientRegistration"),
        ["Identity:People"] = ("gateway/Gateway/Identity/People/PersonRegistration.cs", "PersonRegistration"),
    };

    [GeneratedRegex(@"public\s+[\w<>?,\s.]+?\s+(\w+)\s*\{\s*get;\s*(set|init);")]
    private static partial Regex Property();

    [GeneratedRegex(@"configuration\[""Console:(\w+)""\]")]
    private static partial Regex ConsoleKey();

    [GeneratedRegex(@"\$\((\w+)\)")]
    private static partial Regex Expansion();

    [GeneratedRegex(@"^ReverseProxy__(Routes__[\w-]+__(ClusterId|AuthorizationPolicy|Match__Path|Transforms__\d+__(PathSet|PathPattern))|Clusters__[\w-]+__Destinations__\w+__Address)$")]
    private static partial Regex YarpSetting();

    private static HashSet<string> Properties(string section)
    {
        var (file, cls) = Sections[section];
        var source = File.ReadAllText(Path.Combine(RenderedManifests.RepoRoot, file));
        var start = source.IndexOf($"class {cls}", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{cls} not found in {file}");
        var end = source.IndexOf(" class ", start + 6, StringComparison.Ordinal);
        var body = end < 0 ? source[start..] : source[start..end];
        return Property().Matches(body).Select(m => m.Groups[1].Value).ToHashSet();
    }

    private static bool Known(string name)
    {
        if (Plain.Contains(name) || YarpSetting().IsMatch(name)) return true;
        var parts = name.Split("__");
        if (parts[0] == "Console")
        {
            var source = File.ReadAllText(Path.Combine(RenderedManifests.RepoRoot, "gateway/Consoles/ConsoleOptions.cs"));
            return parts.Length == 2 && ConsoleKey().Matches(source).Any(m => m.Groups[1].Value == parts[1]);
        }
        if (parts is ["Identity", "Clients" or "People", var index, var property, ..] && int.TryParse(index, out _))
            return Properties($"Identity:{parts[1]}").Contains(property) && ListTail(parts[4..]);
        if (parts is [var outer, var inner, var nested, ..] && Sections.ContainsKey($"{outer}:{inner}"))
            return Properties(outer).Contains(inner) && Properties($"{outer}:{inner}").Contains(nested) && ListTail(parts[3..]);
        if (parts.Length >= 2 && Sections.ContainsKey(parts[0]))
            return Properties(parts[0]).Contains(parts[1]) && ListTail(parts[2..]);
        return false;
    }

    /// <summary>Nothing after the property, or one list index (RedirectUris__0).</summary>
    private static bool ListTail(string[] rest) => rest.Length == 0 || (rest.Length == 1 && int.TryParse(rest[0], out _));

    [Theory, MemberData(nameof(CourtOnKubernetesTests.Overlays), MemberType = typeof(CourtOnKubernetesTests))]
    public void Every_setting_given_to_a_service_is_one_it_reads(string overlay)
    {
        var unknown = new List<string>();
        foreach (var deployment in RenderedManifests.Overlay(overlay).OfType<V1Deployment>())
        foreach (var c in deployment.Spec.Template.Spec.Containers.Where(c => c.Image.StartsWith("cooperation-platform/", StringComparison.Ordinal)))
        {
            var env = c.Env ?? [];
            var expanded = env.SelectMany(e => Expansion().Matches(e.Value ?? "").Select(m => m.Groups[1].Value)).ToHashSet();
            foreach (var e in env.Where(e => !expanded.Contains(e.Name)))
            {
                // A hosted State node's own settings (services/State/Hosting): the same keys under its prefix.
                var name = Regex.Replace(e.Name, @"^StateHost__Nodes__\d+__", "");
                if (!Known(name)) unknown.Add($"{deployment.Metadata.Name}: {e.Name}");
            }
        }
        Assert.True(unknown.Count == 0, "settings no options class defines:\n" + string.Join('\n', unknown));
    }
}
