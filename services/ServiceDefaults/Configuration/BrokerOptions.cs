using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Configuration;

/// <summary>Where the RabbitMQ broker is and who this service is on it (each State has its own user).</summary>
public sealed class BrokerOptions
{
    public const string Section = "Broker";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
}

internal sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions o)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Host)) failures.Add("Broker:Host is missing (set Broker__Host, e.g. 127.0.0.1)");
        if (o.Port is < 1 or > 65535) failures.Add($"Broker:Port must be between 1 and 65535 (got {o.Port})");
        if (string.IsNullOrWhiteSpace(o.VirtualHost)) failures.Add("Broker:VirtualHost is empty (use / for the default)");
        if (string.IsNullOrWhiteSpace(o.Username)) failures.Add("Broker:Username is missing (set Broker__Username to this service's own broker user)");
        if (string.IsNullOrEmpty(o.Password)) failures.Add("Broker:Password is missing (set Broker__Password; infra/run generates one per user)");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
