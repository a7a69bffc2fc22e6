using System.Text.Json.Nodes;

namespace Cooperation.Deployment.Tests;

/// <summary>
/// infra/k8s/generate turns the list of States into manifests: for another list than the committed one, its broker
/// topology holds exactly what broker_definitions (infra/lib/broker.sh, what infra/run imports) defines, and the
/// manifests rendered with it wire every State of that list (adding a State is configuration, not code).
/// </summary>
public sealed class GeneratorTests
{
    private static readonly string[] OtherStates = ["UGA", "DEU", "AUT", "BEL"];

    [Fact]
    public void For_another_list_of_States_the_topology_is_exactly_broker_definitions_and_every_State_is_wired()
    {
        var root = RenderedManifests.RepoRoot;
        var copy = Directory.CreateTempSubdirectory("coop-k8s-states-");
        try
        {
            // A copy of infra/k8s (and the library the generator sources), regenerated for the other list.
            foreach (var dir in new[] { "infra/k8s", "infra/lib" }) CopyTree(Path.Combine(root, dir), Path.Combine(copy.FullName, dir));
            var generate = RenderedManifests.Run("bash", ["infra/k8s/generate", .. OtherStates], copy.FullName);
            Assert.True(generate.Code == 0, generate.Stderr);

            var definitions = RenderedManifests.Run("bash", ["-c", "set -e; . infra/lib/common.sh; . infra/lib/broker.sh; broker_definitions /dev/null placeholder \"$@\"", "defs", .. OtherStates], root);
            Assert.True(definitions.Code == 0, definitions.Stderr);
            var json = JsonNode.Parse(definitions.Stdout)!.AsObject();

            var objects = RenderedManifests.Render(Path.Combine(copy.FullName, "infra", "k8s", "overlays", "production"));
            Assert.Equal(OtherStates, CourtOnKubernetesTests.States(objects));
            CourtOnKubernetesTests.AssertEveryStateIsWired(objects);

            static IDictionary<object, object> Spec(RenderedObject o) => (IDictionary<object, object>)o.Raw["spec"];
            static string S(object? o) => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture)!;
            // The operator's default user is the administrator: every other user of the definitions is a User.
            Assert.Equal(
                json["users"]!.AsArray().Select(u => S(u!["name"])).Where(n => n != "admin").Order(),
                objects.Custom("User").Select(u => u.Name).Order());
            Assert.Equal(
                json["permissions"]!.AsArray().Where(p => S(p!["user"]) != "admin")
                    .Select(p => $"{p!["user"]} {p["vhost"]} {p["configure"]} {p["write"]} {p["read"]}").Order(),
                objects.Custom("Permission").Select(p =>
                {
                    var g = (IDictionary<object, object>)Spec(p)["permissions"];
                    return $"{((IDictionary<object, object>)Spec(p)["userReference"])["name"]} {Spec(p)["vhost"]} {g["configure"]} {g["write"]} {g["read"]}";
                }).Order());
            // Issue 12: every object in its vhost ("/" for the Court, state-xxx for each State), and the shovels between them.
            Assert.Equal(json["vhosts"]!.AsArray().Select(v => S(v!["name"])).Where(n => n != "/").Order(),
                objects.Custom("Vhost").Select(v => S(Spec(v)["name"])).Order());
            Assert.Equal(json["parameters"]!.AsArray().Where(p => S(p!["component"]) == "shovel")
                    .Select(p => $"{p!["vhost"]} {p["name"]}: {p["value"]!["src-queue"]} -> {p["value"]!["dest-exchange"]} {p["value"]!["ack-mode"]}").Order(),
                objects.Custom("Shovel").Select(x => $"{Spec(x)["vhost"]} {Spec(x)["name"]}: {Spec(x)["srcQueue"]} -> {Spec(x)["destExchange"]} {Spec(x)["ackMode"]}").Order());
            Assert.Equal(json["queues"]!.AsArray().Select(q => $"{q!["vhost"]} {q["name"]}").Order(), objects.Custom("Queue").Select(q => $"{Spec(q)["vhost"]} {Spec(q)["name"]}").Order());
            Assert.Equal(json["exchanges"]!.AsArray().Select(x => $"{x!["vhost"]} {x["name"]} {x["type"]}").Order(),
                objects.Custom("Exchange").Select(x => $"{Spec(x)["vhost"]} {Spec(x)["name"]} {Spec(x)["type"]}").Order());
            Assert.Equal(json["bindings"]!.AsArray().Select(b => $"{b!["vhost"]} {b["source"]} -> {b["destination"]} ({b["destination_type"]})").Order(),
                objects.Custom("Binding").Select(b => $"{Spec(b)["vhost"]} {Spec(b)["source"]} -> {Spec(b)["destination"]} ({Spec(b)["destinationType"]})").Order());
            Assert.Equal(json["policies"]!.AsArray().Select(p => $"{p!["vhost"]} {p["name"]} {p["pattern"]} {p["definition"]!.ToJsonString()}").Order(),
                objects.Custom("Policy").Select(p =>
                {
                    var d = ((IDictionary<object, object>)Spec(p)["definition"]).ToDictionary(kv => S(kv.Key), kv => (JsonNode?)JsonValue.Create(long.TryParse(S(kv.Value), out var n) ? n : (object)S(kv.Value)));
                    return $"{Spec(p)["vhost"]} {Spec(p)["name"]} {Spec(p)["pattern"]} {new JsonObject(d).ToJsonString()}";
                }).Order());
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
