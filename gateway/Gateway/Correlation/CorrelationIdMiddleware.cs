using System.Diagnostics;

namespace Cooperation.Gateway.Correlation;

/// <summary>
/// Every response carries the trace id as X-Correlation-Id, so a partner can quote it and an
/// operator can open that trace in the viewer.
/// </summary>
public static class CorrelationIdMiddleware
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var traceId = Activity.Current?.TraceId.ToString();
                if (traceId is not null) context.Response.Headers[Header] = traceId;
                return Task.CompletedTask;
            });
            await next(context);
        });
}
