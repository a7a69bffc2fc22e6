using Cooperation.ServiceDefaults.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cooperation.Proceedings.Webhooks;

public static class WebhooksExtensions
{
    /// <summary>
    /// Webhook subscriptions in the node's own database (<see cref="IWebhookQueue"/>) and the hosted dispatcher that
    /// delivers them, signed, to the hosts Webhooks:AllowedHosts names. Needs the database.
    /// </summary>
    /// <param name="resourcePrefix">This node's API prefix as partners call it (<c>/states/UGA</c>, <c>/registry</c>).</param>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder, string resourcePrefix)
    {
        builder.AddValidatedOptions<WebhookOptions, WebhookOptionsValidator>(WebhookOptions.Section);
        builder.Services.AddWebhookQueue(resourcePrefix);
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName)
            // A redirect could lead anywhere: the allowed host is the one called, nothing else.
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.CallTimeout + TimeSpan.FromSeconds(1));
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }

    /// <summary>The queue alone (events written in the caller's unit of work), without the dispatcher.</summary>
    public static IServiceCollection AddWebhookQueue(this IServiceCollection services, string resourcePrefix)
    {
        services.AddSingleton(new WebhookResources(resourcePrefix));
        services.AddSingleton<WebhookSignal>();
        services.AddScoped<IWebhookQueue, WebhookQueue>();
        return services;
    }
}
