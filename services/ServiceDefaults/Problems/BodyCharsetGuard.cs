using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Cooperation.ServiceDefaults.Problems;

/// <summary>
/// JSON bodies are UTF-8 (RFC 8259 §8.1). A body declared in another charset is refused with 415 before
/// anything reads it: the JSON reader would otherwise fail on an unknown encoding with a 500 (issue 12,
/// <c>application/json; charset=utf-7</c>). No charset, utf-8 in any spelling, or us-ascii (a subset) passes.
/// </summary>
public static class BodyCharsetGuard
{
    public static IApplicationBuilder UseUtf8Bodies(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var contentType = context.Request.ContentType;
        if (contentType is not null && !IsUtf8OrUnspecified(contentType))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Type = ProblemTypes.UnsupportedMediaType,
                    Title = "Unsupported body encoding",
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Detail = "Request bodies are JSON in UTF-8: send Content-Type: application/json (charset utf-8 or none).",
                },
            });
            return;
        }
        await next(context);
    });

    private static bool IsUtf8OrUnspecified(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)) return false; // unreadable header: refuse, never guess
        var charset = parsed.Charset;
        if (!charset.HasValue || charset.Length == 0) return true;
        var name = charset.Value!.Trim('"');
        // US-ASCII is UTF-8's first 128 code points: an ASCII body (a form post to /connect/token, say) reads the same.
        return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)
               || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
    }
}
