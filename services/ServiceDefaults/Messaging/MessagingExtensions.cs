using System.Text.Json.Serialization;
using Cooperation.ServiceDefaults.Configuration;
using Cooperation.ServiceDefaults.Operations;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using Cooperation.ServiceDefaults.Telemetry;

namespace Cooperation.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>The environment variable MassTransit reads to turn its usage telemetry on or off.</summary>
    public const string UsageTelemetryVariable = "MASSTRANSIT_USAGE_TELEMETRY";

    /// <summary>
    /// The MassTransit bus on RabbitMQ with this service's own broker user, plus our outbox,
    /// inbox and dispatcher. <paramref name="configureEndpoints"/> declares the service's receive
    /// endpoint(s); services never call ConfigureEndpoints(context), so no queue or binding exists
    /// by accident.
    /// </summary>
    public static IHostApplicationBuilder AddCooperationMessaging(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator> registerConsumers,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator> configureEndpoints)
    {
        builder.AddValidatedOptions<BrokerOptions, BrokerOptionsValidator>(BrokerOptions.Section);
        builder.Services.AddScoped<IOutbox, Outbox>();
        builder.Services.AddScoped<IInbox, Inbox>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        var receiveQueues = new ReceiveQueues();
        builder.Services.AddSingleton(receiveQueues);
        builder.Services.AddSingleton<ErrorQueueBrowser>();
        // Issue 17: the backlog as metrics (outbox per destination, error queues) and in /health.
        builder.Services.AddOperationalReadings<OutboxReadings>();
        builder.Services.AddOperationalReadings<ErrorQueueReadings>();
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"]);
        // Issue 13: a refused TLS handshake with the broker, named in /health (healthy while none was refused).
        builder.Services.AddSingleton<BrokerTls>();
        builder.Services.AddHealthChecks().AddCheck<BrokerTls>(BrokerTls.HealthCheckName, tags: ["ready"]);
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // Start even when the broker is down: /health says so, and the outbox keeps messages until it is back.
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });

        // A platform carrying sealed requests sends nothing to third parties: MassTransit's usage
        // telemetry (a POST to usage-tracking.masstransit.io) is off in code, and its environment
        // switch cannot turn it back on: MassTransit reads MASSTRANSIT_USAGE_TELEMETRY after our options.
        Environment.SetEnvironmentVariable(UsageTelemetryVariable, "false");
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            registerConsumers(bus);
            bus.UsingRabbitMq((context, cfg) =>
            {
                var broker = context.GetRequiredService<IOptions<BrokerOptions>>().Value;
                cfg.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, h =>
                {
                    h.Username(broker.Username);
                    h.Password(broker.Password);
                    h.ConnectionName(builder.Environment.ApplicationName);
                    // AMQPS (issue 13): TLS 1.2+, the broker's certificate and name checked; optionally our certificate as identity.
                    if (broker.Tls.Enabled)
                        h.UseSsl(ssl =>
                        {
                            ssl.Protocol = BrokerTls.Protocols;
                            ssl.ServerName = BrokerTls.ServerName(broker);
                            ssl.CertificateValidationCallback = context.GetRequiredService<BrokerTls>().Validator(broker);
                            if (BrokerTls.ClientCertificate(broker) is { } certificate)
                            {
                                ssl.Certificate = certificate;
                                ssl.UseCertificateAsAuthenticationIdentity = true;
                            }
                        });
                    // A cluster (issue 12 §5): every node is known, the connection moves to another when one goes down.
                    if (broker.ClusterNodes.Count > 0)
                        h.UseCluster(c =>
                        {
                            foreach (var (host, port) in broker.ClusterNodes) c.Node($"{host}:{port}");
                        });
                });
                // Enums travel as names on the wire: readable in the error queue, stable across reorderings.
                cfg.ConfigureJsonSerializerOptions(o =>
                {
                    o.Converters.Add(new JsonStringEnumConverter());
                    return o;
                });
                cfg.ConnectEndpointConfigurationObserver(receiveQueues);
                if (broker.QuorumQueues) cfg.ConnectEndpointConfigurationObserver(new QuorumQueues());
                cfg.ConnectConsumeObserver(new Telemetry.ConsumeTelemetry(context.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
                if (!string.IsNullOrEmpty(builder.Configuration[Hosting.HostedNode.ConfigKey]))
                    cfg.UseConsumeFilter(typeof(HostedNodeConsumeFilter<>), context);
                configureEndpoints(context, cfg);
            });
        });
        return builder;
    }

    /// <summary>
    /// Bounded retries, then the endpoint's _error queue with the failure reason in its headers. A
    /// message that can never succeed (<see cref="UnacceptableMessageException"/>) goes there at once:
    /// retrying it would only hold up the messages behind it.
    /// </summary>
    public static void UseCooperationRetry(this IReceiveEndpointConfigurator endpoint)
    {
        endpoint.UseMessageRetry(r =>
        {
            r.Ignore<UnacceptableMessageException>();
            r.Ignore<InfrastructureUnavailableException>();
            r.Intervals(100, 500, 2000);
        });
        // The database away for a while (restarting, failing over: issue 12's fault suite stops PostgreSQL) is not the
        // message's fault: inside each attempt, keep trying for up to two minutes before the error queue, where a message
        // would wait for an operator although nothing is wrong with it. The endpoint waits meanwhile (one message at a
        // time, below). Not a second UseMessageRetry: nested retry filters do not compose (see InfrastructureWaitFilter).
        endpoint.UseFilter(new InfrastructureWaitFilter(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(2)));
        // One message at a time per queue and instance: a State's reports about one request (delivered,
        // acknowledged, execution started, progress, ...) are sent in order by its outbox and must be
        // applied in that order. Each State has its own inbound queue at each organ, so this orders
        // one State's messages without making any State wait for another's. Several instances still
        // race, which the request's concurrency token turns into a retry.
        endpoint.ConcurrentMessageLimit = 1;
    }

    /// <summary>A failure of the database or the network under it (anywhere in the chain), not of the message.</summary>
    internal static bool IsTransientInfrastructureFailure(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is System.Data.Common.DbException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException
                or Npgsql.NpgsqlException { InnerException: System.IO.IOException or System.Net.Sockets.SocketException }
                || (x is Npgsql.PostgresException pg && IsTransientSqlState(pg.SqlState)))
                return true;
        return false;
    }

    /// <summary>
    /// PostgreSQL's own word that the server, not the statement, failed: connection exceptions (08), insufficient
    /// resources (53), shut down or starting up (57P01-57P03: an immediate stop and the crash recovery after it),
    /// serialization failure and deadlock (40001, 40P01). Said here rather than trusting each driver version's list.
    /// </summary>
    private static bool IsTransientSqlState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "40001" or "40P01";

    /// <summary>
    /// A Court organ's inbound endpoint: its own queue (registry, prosecutor) or one State's queue at
    /// it (registry.from-state-uga). Queues and bindings are declared by the Court's broker
    /// definitions (infra/lib/broker.sh); all traffic to them is sent, never published, so no
    /// message-type exchanges are bound.
    /// </summary>
    public static void CourtEndpoint(
        this IRabbitMqBusFactoryConfigurator cfg, IBusRegistrationContext context, string queue,
        Action<IRabbitMqReceiveEndpointConfigurator> configureConsumers)
    {
        cfg.ReceiveEndpoint(queue, e =>
        {
            e.ConfigureConsumeTopology = false;
            e.UseCooperationRetry();
            configureConsumers(e);
        });
    }
}
