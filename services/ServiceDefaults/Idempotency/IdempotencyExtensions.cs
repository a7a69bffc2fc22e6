using Cooperation.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.ServiceDefaults.Idempotency;

/// <summary>Marks an endpoint as honouring Idempotency-Key (checked at start-up for every POST).</summary>
public sealed class IdempotentEndpointMetadata;

public static class IdempotencyExtensions
{
    /// <summary>
    /// Honour <c>Idempotency-Key</c> on this command endpoint: a retry gets the first answer and
    /// creates nothing new. Every POST must say so (<see cref="RequireIdempotentPosts"/>).
    /// </summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotentEndpointMetadata()).AddEndpointFilter(new IdempotencyFilter());

    internal static IHostApplicationBuilder AddCooperationIdempotency(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<IdempotencyOptions, IdempotencyOptionsValidator>(IdempotencyOptions.Section);
        builder.Services.AddHostedService<IdempotencyPurger>();
        return builder;
    }

    /// <summary>Keeps a keyed POST's body readable after binding, so the filter can fingerprint it.</summary>
    internal static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(IdempotencyFilter.Header))
                context.Request.EnableBuffering();
            return next(context);
        });

    /// <summary>Start-up check of the API convention "Idempotency-Key honoured on every POST".</summary>
    public static void RequireIdempotentPosts(this IEndpointRouteBuilder routes)
    {
        var missing = routes.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true)
            .Where(e => e.Metadata.GetMetadata<IdempotentEndpointMetadata>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"POST endpoints must honour Idempotency-Key: add .WithIdempotency() to {string.Join(", ", missing)}");
    }
}
