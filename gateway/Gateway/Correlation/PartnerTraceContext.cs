using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace Cooperation.Gateway.Correlation;

/// <summary>
/// Every partner call starts a new trace at the gateway. Adopting an incoming <c>traceparent</c>
/// let a partner choose its trace id, and so put its calls into another partner's trace (and read
/// them back by that id). The partner's value is kept only as a link on the gateway's span and
/// a <c>partner.trace_id</c> attribute, so a partner can still relate our trace to its own. From the
/// gateway inwards (services, broker, States) the context is propagated as before: one trace per call.
/// </summary>
public static class PartnerTraceContext
{
    public const string PartnerTraceIdTag = "partner.trace_id";

    /// <summary>Neither ASP.NET Core nor OpenTelemetry's instrumentation may take the parent from the request.</summary>
    public static WebApplicationBuilder StartTracesAtTheGateway(this WebApplicationBuilder builder)
    {
        // ASP.NET Core's hosting layer reads the incoming context through the DI propagator.
        builder.Services.AddSingleton<DistributedContextPropagator>(new NoIncomingContext(DistributedContextPropagator.CreateDefaultPropagator()));
        // OpenTelemetry's ASP.NET Core instrumentation extracts again through its own default propagator.
        Sdk.SetDefaultTextMapPropagator(new NoIncomingTextMapContext(new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()])));
        return builder;
    }

    /// <summary>Links the partner's trace, if it sent a valid one, to the span the gateway started.</summary>
    public static IApplicationBuilder UsePartnerTraceLink(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (Activity.Current is { } activity
                && http.Request.Headers.TraceParent is { Count: 1 } traceparent
                && ActivityContext.TryParse(traceparent.ToString(), null, isRemote: true, out var partner))
            {
                activity.AddLink(new ActivityLink(partner));
                activity.SetTag(PartnerTraceIdTag, partner.TraceId.ToHexString());
            }
            await next(http);
        });

    private sealed class NoIncomingContext(DistributedContextPropagator outgoing) : DistributedContextPropagator
    {
        public override IReadOnlyCollection<string> Fields => outgoing.Fields;

        public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter) =>
            outgoing.Inject(activity, carrier, setter);

        public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
        {
            traceId = null;
            traceState = null;
        }

        public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;
    }

    private sealed class NoIncomingTextMapContext(TextMapPropagator outgoing) : TextMapPropagator
    {
        public override ISet<string>? Fields => outgoing.Fields;

        public override PropagationContext Extract<T>(PropagationContext context, T carrier, Func<T, string, IEnumerable<string>?> getter) => context;

        public override void Inject<T>(PropagationContext context, T carrier, Action<T, string, string> setter) =>
            outgoing.Inject(context, carrier, setter);
    }
}
