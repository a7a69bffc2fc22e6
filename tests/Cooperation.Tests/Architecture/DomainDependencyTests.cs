using System.Reflection;
using Cooperation.Requests;

namespace Cooperation.Tests.Architecture;

public class DomainDependencyTests
{
    private static readonly Assembly Domain = typeof(RequestLifecycle).Assembly;

    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("MassTransit")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    public void The_domain_references_no_framework_assembly(string prefix)
    {
        var offending = Domain.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(offending);
    }

    [Fact]
    public void The_domain_references_only_the_base_class_library()
    {
        // Only System.* (and the runtime core) may appear: anything else is a new dependency to argue for.
        var names = Domain.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(name == "netstandard" || name.StartsWith("System", StringComparison.Ordinal), name));
    }

    [Fact]
    public void Every_domain_type_lives_under_the_Cooperation_namespace()
    {
        var outside = Domain.GetTypes()
            .Where(t => t.Namespace is not null && !t.Namespace.StartsWith("Cooperation", StringComparison.Ordinal)
                && !t.Namespace.StartsWith("System", StringComparison.Ordinal) && !t.Namespace.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(t => t.FullName);
        Assert.Empty(outside);
    }
}
