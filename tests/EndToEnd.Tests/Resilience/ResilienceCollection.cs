// The resilience tests run platforms of their own (and stop brokers and databases of their own): never beside the
// shared PlatformFixture, whose processes would compete with them for the two cores. Every other test is in the one
// platform collection already, so this only orders the two collections one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>Tests that start a <see cref="ResiliencePlatform"/>: one at a time, and never while the shared platform runs.</summary>
[CollectionDefinition(Name)]
public sealed class ResilienceCollection
{
    public const string Name = "resilience";
}
