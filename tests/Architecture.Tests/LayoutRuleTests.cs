namespace Cooperation.Architecture.Tests;

/// <summary>
/// The layout rule (design.md): ServiceDefaults is what every process needs to run; the law without
/// framework types is Cooperation; what both ends of a request run is Proceedings; each organ's
/// service groups by use case. A newcomer relies on these to find a use case by its name.
/// </summary>
public class LayoutRuleTests
{
    private static readonly string[] Applications =
        ["Proceedings", "Court", "Cooperation.Registry", "Cooperation.Prosecutor", "Cooperation.State", "Cooperation.Assembly", "Cooperation.Gateway"];

    // Hosting, configuration, telemetry, persistence and messaging plumbing, auth, problems, idempotency,
    // operations, audit and the crash-test hooks: nothing named after a step of a request.
    private static readonly string[] PlumbingFolders =
        ["ApiReference", "Audit", "Auth", "Configuration", "Hosting", "Idempotency", "Messaging", "Operations", "Persistence", "Problems", "Telemetry", "Testing"];

    [Fact]
    public void ServiceDefaults_references_no_application_project()
    {
        var serviceDefaults = BuiltAssembly.Load("ServiceDefaults");
        Assert.Empty(serviceDefaults.References.Intersect(Applications));
    }

    [Fact]
    public void ServiceDefaults_defines_only_plumbing_namespaces()
    {
        var allowed = PlumbingFolders.Select(f => "Cooperation.ServiceDefaults." + f).ToHashSet();
        var offending = BuiltAssembly.Load("ServiceDefaults").DefinedNamespaces
            .Where(ns => ns.StartsWith("Cooperation", StringComparison.Ordinal) && !allowed.Contains(ns));
        Assert.Empty(offending);
    }

    [Fact]
    public void ServiceDefaults_uses_from_the_domain_only_the_message_envelope()
    {
        // Every message names its sender organ and its classification (design.md, "Messages"); the
        // plumbing that carries and audits messages may read those two, and no rule of the law.
        var used = BuiltAssembly.Load("ServiceDefaults").TypesUsedFrom("Cooperation");
        Assert.Subset(new HashSet<string> { "Cooperation.Organs.Organ", "Cooperation.Confidentiality.Classification" }, used.ToHashSet());
    }

    [Fact]
    public void Proceedings_depends_on_neither_end_of_a_request()
    {
        var proceedings = BuiltAssembly.Load("Proceedings");
        Assert.Empty(proceedings.References.Intersect(Applications.Except(["Proceedings"])));
    }

    [Theory]
    [InlineData("Court", "Cooperation.State")]
    [InlineData("Cooperation.State", "Court")]
    [InlineData("Cooperation.State", "Cooperation.Registry")]
    [InlineData("Cooperation.State", "Cooperation.Prosecutor")]
    [InlineData("Cooperation.Registry", "Cooperation.State")]
    [InlineData("Cooperation.Prosecutor", "Cooperation.State")]
    [InlineData("Cooperation.Registry", "Cooperation.Prosecutor")]
    [InlineData("Cooperation.Prosecutor", "Cooperation.Registry")]
    // The Assembly (issue 9) hears the Court and the States only through messages.
    [InlineData("Cooperation.Assembly", "Court")]
    [InlineData("Cooperation.Assembly", "Cooperation.Registry")]
    [InlineData("Cooperation.Assembly", "Cooperation.Prosecutor")]
    [InlineData("Cooperation.Assembly", "Cooperation.State")]
    [InlineData("Court", "Cooperation.Assembly")]
    [InlineData("Cooperation.Registry", "Cooperation.Assembly")]
    [InlineData("Cooperation.Prosecutor", "Cooperation.Assembly")]
    [InlineData("Cooperation.State", "Cooperation.Assembly")]
    public void One_organ_never_references_another_organs_code(string from, string to)
    {
        // Organs talk only through messages: the Court and a State share Contracts and Proceedings, not each other.
        Assert.DoesNotContain(to, BuiltAssembly.Load(from).References);
    }

    [Theory]
    [InlineData("Cooperation.Registry")]
    [InlineData("Cooperation.Prosecutor")]
    public void Both_issuing_organs_run_the_Court_project(string organ)
    {
        Assert.Contains("Court", BuiltAssembly.Load(organ).References);
    }

    [Fact]
    public void The_gateway_runs_no_organs_code()
    {
        // It routes and checks credentials (with the same hosting defaults as every process); it never runs an organ's code.
        var gateway = BuiltAssembly.Load("Cooperation.Gateway");
        Assert.Empty(gateway.References.Intersect(Applications.Except(["Cooperation.Gateway"])));
    }

    [Theory]
    [InlineData("Cooperation")]
    [InlineData("Contracts")]
    public void The_law_and_the_wire_language_reference_no_framework(string name)
    {
        // Only the base class library, and for Contracts the domain it speaks of.
        var offending = BuiltAssembly.Load(name).References
            .Where(r => r != "netstandard" && !r.StartsWith("System", StringComparison.Ordinal) && r != "Cooperation");
        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("Proceedings", "Cooperation.Proceedings")]
    [InlineData("Court", "Cooperation.Court")]
    [InlineData("Cooperation.State", "Cooperation.State")]
    [InlineData("Cooperation.Assembly", "Cooperation.Assembly")]
    public void Each_project_names_its_folders_by_domain_not_by_layer(string name, string root)
    {
        // Feature folders (Requests/Transmit, Consultations/Receive), never technical layers.
        string[] layers = ["Services", "Controllers", "Repositories", "Handlers", "Managers", "Helpers", "Utils", "Models", "Dtos"];
        var offending = BuiltAssembly.Load(name).DefinedNamespaces
            .Where(ns => ns.StartsWith(root, StringComparison.Ordinal))
            .Where(ns => ns.Split('.').Any(part => layers.Contains(part)));
        Assert.Empty(offending);
        Assert.All(BuiltAssembly.Load(name).DefinedNamespaces.Where(ns => ns.StartsWith("Cooperation", StringComparison.Ordinal)),
            ns => Assert.StartsWith(root, ns));
    }
}
