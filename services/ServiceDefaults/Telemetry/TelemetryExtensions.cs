using Cooperation.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cooperation.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces, metrics and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. One partner call
    /// is one trace: ASP.NET Core in, HttpClient out, MassTransit send/receive (W3C context in headers),
    /// and our outbox dispatcher resumes the context it stored with the message.
    /// </summary>
    public static IHostApplicationBuilder AddCooperationTelemetry(
        this IHostApplicationBuilder builder, string serviceName, IReadOnlyDictionary<string, object>? resourceAttributes = null)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                resource.AddService(serviceName);
                if (resourceAttributes is not null) resource.AddAttributes(resourceAttributes);
            })
            .WithTracing(tracing => tracing
                .AddSource(CooperationTelemetry.Name)
                .AddSource("MassTransit")
                .AddSource("Yarp.ReverseProxy")
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = IsNotProbe;
                    o.EnrichWithHttpResponse = (activity, response) => RecordedPaths.RecordRoute(activity, response.HttpContext);
                })
                .AddHttpClientInstrumentation(o =>
                {
                    o.FilterHttpRequestMessage = r => !IsProbePath(r.RequestUri?.AbsolutePath);
                    o.EnrichWithHttpRequestMessage = RecordedPaths.RecordUrl;
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(CooperationTelemetry.Name)
                .AddMeter("MassTransit")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // /metrics for operators' Prometheus and its alert rules (infra/monitoring); operator scope only.
                .AddPrometheusExporter());

        var hostedNode = builder.Configuration[HostedNode.ConfigKey];
        if (!string.IsNullOrEmpty(hostedNode))
        {
            // Each hosted node's meters are stamped as its own, and its provider keeps only those (HostedNodeMetrics).
            builder.Services.Replace(ServiceDescriptor.Singleton<System.Diagnostics.Metrics.IMeterFactory>(_ => new HostedNodeMeterFactory(hostedNode)));
            otel.WithMetrics(metrics => metrics.AddView(
                HostedNodeMetrics.Filter(hostedNode, builder.Configuration.GetValue<bool>(HostedNode.PrimaryConfigKey))));
        }
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) && string.IsNullOrEmpty(hostedNode))
            otel.UseOtlpExporter();
        // A node hosted with others (issue 11): the same OTLP export per signal, but traces filtered to the node's own.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) && !string.IsNullOrEmpty(hostedNode))
        {
            builder.Logging.AddOpenTelemetry(logging => logging.AddOtlpExporter());
            otel.WithMetrics(metrics => metrics.AddOtlpExporter());
            otel.WithTracing(tracing => tracing.AddProcessor(new HostedNodeTraces(hostedNode,
                new OtlpTraceExporter(new OtlpExporterOptions()), new BatchExportActivityProcessorOptions())));
        }

        return builder;
    }

    // Health probes every few seconds would drown the traces operators need.
    private static bool IsNotProbe(HttpContext context) => !IsProbePath(context.Request.Path.Value);

    private static bool IsProbePath(string? path) =>
        path is not null && (path.StartsWith("/health", StringComparison.OrdinalIgnoreCase)
                             || path.StartsWith("/alive", StringComparison.OrdinalIgnoreCase));
}
