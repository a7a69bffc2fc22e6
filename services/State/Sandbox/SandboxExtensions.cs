using Cooperation.ServiceDefaults.Configuration;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Sandbox;

public static class SandboxExtensions
{
    /// <summary>
    /// With <c>Sandbox:Enabled</c> (never in production), this node answers every request by itself. Its API
    /// document says so in its title, and every acknowledgement names it.
    /// </summary>
    public static IHostApplicationBuilder AddSandboxState(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SandboxOptions, SandboxOptionsValidator>(SandboxOptions.Section);
        if (!builder.Configuration.GetValue<bool>($"{SandboxOptions.Section}:{nameof(SandboxOptions.Enabled)}")) return builder;
        // Only ever to the local gateway, never through an outbound proxy.
        builder.Services.AddHttpClient(SandboxResponder.Client).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { UseProxy = false });
        builder.Services.AddHostedService<SandboxResponder>();
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SANDBOX — " + document.Info.Title + " (answers by itself; not a real central authority)";
            return Task.CompletedTask;
        }));
        return builder;
    }
}
