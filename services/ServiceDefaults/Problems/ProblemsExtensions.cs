using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.ServiceDefaults.Problems;

public static class ProblemsExtensions
{
    public static IServiceCollection AddCooperationProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
            // Answers the framework writes itself (no route, wrong method: UseStatusCodePages) get our stable
            // types instead of the RFC's generic section links.
            if (ctx.ProblemDetails.Type is null || ctx.ProblemDetails.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                if (ctx.ProblemDetails.Status == StatusCodes.Status404NotFound)
                {
                    ctx.ProblemDetails.Type = ProblemTypes.NotFound;
                    ctx.ProblemDetails.Title = "Not found";
                }
                else if (ctx.ProblemDetails.Status == StatusCodes.Status405MethodNotAllowed)
                {
                    ctx.ProblemDetails.Type = ProblemTypes.MethodNotAllowed;
                    ctx.ProblemDetails.Title = "This resource does not answer that method";
                }
                else if (ctx.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
                {
                    ctx.ProblemDetails.Type = ProblemTypes.UnsupportedMediaType;
                    ctx.ProblemDetails.Title = "Unsupported content type";
                    ctx.ProblemDetails.Detail = "Request bodies are JSON in UTF-8: send Content-Type: application/json.";
                }
            }
            // Kestrel's body limit is answered by the framework itself: give it our stable type.
            if (ctx.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge && ctx.ProblemDetails.Type != ProblemTypes.PayloadTooLarge)
            {
                ctx.ProblemDetails.Type = ProblemTypes.PayloadTooLarge;
                ctx.ProblemDetails.Title = "The request body is too large";
            }
        });
        services.AddExceptionHandler<ExceptionProblemHandler>();
        // Bad bodies throw, so the handler above answers them as ProblemDetails in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        return services;
    }

    /// <summary>API conventions: camelCase, enums as strings (never numbers), unknown fields refused.</summary>
    public static void ConfigureJson(System.Text.Json.JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
