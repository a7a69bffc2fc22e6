using System.Text.Json;
using Cooperation.ServiceDefaults.ApiReference;
using Cooperation.ServiceDefaults.Audit;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Operations;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Cooperation.ServiceDefaults.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// What every service has: telemetry (OTLP), ProblemDetails for every error, the JSON conventions,
    /// health checks and an OpenAPI document. Services add their database and bus on top.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(
        this IHostApplicationBuilder builder, string serviceName, IReadOnlyDictionary<string, object>? resourceAttributes = null)
    {
        builder.AddCooperationTelemetry(serviceName, resourceAttributes);
        builder.Services.AddCooperationProblems();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        // The document is read through the gateway (/docs/{service}/openapi.json): it names no server, so
        // paths resolve against the gateway and the service's own address is not published; it names the
        // organ, the token URL and scope, every status and its problem types (issue 14).
        builder.Services.AddPartnerApiDocument(serviceName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCanonicalGuidRoutes();
        builder.AddRequestBodyLimit();
        builder.AddServiceRateLimits();
        return builder;
    }

    /// <summary>
    /// ProblemDetails for every error, partners' tokens checked on every endpoint (the service's
    /// rule from AddPartnerAuthentication), and anonymous /health (ready: database and broker
    /// reachable), /alive (the process answers), /openapi/v1.json. Call first, before the service
    /// maps its own endpoints.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Fail closed: a service that forgot its rule would otherwise serve everyone.
        if (!app.Services.HasPartnerAuthentication())
            throw new InvalidOperationException("Call builder.AddPartnerAuthentication(rule) before MapDefaultEndpoints.");
        // A node hosted with others (issue 11): its requests, and the spans they start, are its own.
        if (app.Configuration[HostedNode.ConfigKey] is { Length: > 0 } hostedNode)
            app.Use((http, next) =>
            {
                HostedNode.Enter(hostedNode);
                HostedNodeTraces.Claim(System.Diagnostics.Activity.Current, hostedNode);
                return next(http);
            });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter(); // per client: after authentication, before authorization, so refused calls count too
        app.UseAuthorization();
        app.UseUtf8Bodies();
        app.Use((http, next) => RecordedPaths.StepSpanAsync(http, () => next(http)));
        // After authentication: a stored answer belongs to the caller who got it.
        app.UseIdempotencyBuffering();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live"), ResponseWriter = WriteHealth })
            .AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        // Operators' scrape (Prometheus text): counts and ages labelled by destination, queue, State code and status only.
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(OperatorPolicy.Name);
        if (app.Services.GetService<ErrorQueueBrowser>() is not null) app.MapOperations();
        app.MapAuditVerification();
        return app;
    }

    /// <summary>Status per check, never exception text (it can hold connection details).</summary>
    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        // The broker connection is MassTransit's bus check; the outbox's own figures are counts and an age.
        var broker = report.Entries.Where(e => e.Value.Tags.Contains("masstransit")).Select(e => e.Value.Status).ToList();
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            broker = broker.Count == 0 ? null : broker.All(s => s == HealthStatus.Healthy) ? "Connected" : "Disconnected",
            outbox = report.Entries.TryGetValue("outbox", out var outbox) ? outbox.Data : null,
            // Issue 13: why the broker refused this node's TLS handshake (certificate names and dates, no secret), else absent.
            brokerTls = report.Entries.TryGetValue(Messaging.BrokerTls.HealthCheckName, out var tls) && tls.Status != HealthStatus.Healthy
                ? tls.Description : null,
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
