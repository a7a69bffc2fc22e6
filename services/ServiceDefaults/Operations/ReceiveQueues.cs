using MassTransit;

namespace Cooperation.ServiceDefaults.Operations;

/// <summary>The input queues this service's bus consumes from (their _error queues are the operators').</summary>
public sealed class ReceiveQueues : IEndpointConfigurationObserver
{
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names
    {
        get { lock (_names) return _names.ToList(); }
    }

    public void EndpointConfigured<T>(T configurator) where T : IReceiveEndpointConfigurator
    {
        var name = configurator.InputAddress.AbsolutePath.Trim('/').Split('/')[^1];
        lock (_names)
            if (!_names.Contains(name)) _names.Add(name);
    }
}
