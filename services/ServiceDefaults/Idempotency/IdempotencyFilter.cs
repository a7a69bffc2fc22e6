using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Idempotency;

/// <summary>
/// Honours <c>Idempotency-Key</c> on a POST (design.md, API conventions): a retry with the same key
/// from the same caller gets the first answer (status, body, Location) and changes nothing; the same
/// key with another request is refused with 422.
/// <para>
/// Why one transaction: the filter opens a database transaction, lets the endpoint run inside it
/// (its SaveChanges — state change and outbox rows — join it), records the answer and commits once.
/// So either the change and its key are both durable or neither is: a crash before the commit
/// leaves nothing and the partner's retry runs the command afresh; a crash after it leaves the key,
/// and the retry gets the stored answer. Two concurrent calls with the same key both run, but the
/// key's primary key lets only one commit; the other rolls back whole and answers 409.
/// </para>
/// </summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 128;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values)) return await next(context);
        if (values.Count != 1 || !IsValidKey(values[0]))
            return Problems.Problems.Invalid(new Dictionary<string, string[]>
            {
                [Header] = [$"One key of 1 to {MaxKeyLength} characters from A-Z a-z 0-9 - _ . : (a UUID is a good key)."],
            });

        var key = values[0]!;
        var services = http.RequestServices;
        var db = services.GetRequiredService<CooperationDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var retention = services.GetRequiredService<IOptions<IdempotencyOptions>>().Value.Retention;
        var ct = http.RequestAborted;
        var caller = CallerOf(http.User);
        var route = $"{http.Request.Method} {http.Request.Path}";
        var fingerprint = await FingerprintAsync(http.Request, route, ct);
        var now = clock.GetUtcNow();

        var first = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, ct);
        if (first is not null && first.ExpiresAt > now)
            return first.Fingerprint == fingerprint ? new StoredAnswer(first) : KeyReused();

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (first is not null) // expired: the key starts afresh
            await db.IdempotencyRecords.Where(r => r.Caller == caller && r.Key == key).ExecuteDeleteAsync(ct);

        var result = await next(context);

        // Run the endpoint's result into memory, so its answer can be stored before anything is sent.
        var response = http.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await AsResult(result).ExecuteAsync(http);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode >= 500) return Results.Empty; // not an answer to keep; the transaction rolls back

        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Caller = caller,
            Key = key,
            Route = route.Length > 512 ? route[..512] : route,
            Fingerprint = fingerprint,
            StatusCode = response.StatusCode,
            ContentType = response.ContentType,
            Location = response.Headers.Location.Count > 0 ? response.Headers.Location.ToString() : null,
            Body = buffer.ToArray(),
            CreatedAt = now,
            ExpiresAt = now + retention,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another call with this key committed first: this one's change rolls back with it.
            if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None);
            response.Headers.Clear();
            return Problems.Problems.Conflict(ProblemTypes.IdempotencyKeyInFlight, "A request with this Idempotency-Key is in progress",
                "Another request with the same key was being processed; nothing was changed by this one. Retry to get its answer.");
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, ct);
        return Results.Empty;
    }

    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static IResult AsResult(object? result) => result switch
    {
        IResult r => r,
        null => Results.Empty,
        _ => Results.Ok(result),
    };

    private static IResult KeyReused() =>
        TypedResults.Problem(
            type: ProblemTypes.IdempotencyKeyReused,
            title: "This Idempotency-Key was used for another request",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            detail: "The key was first used with a different method, path or body; nothing was changed. Use a new key for a new request.");

    private static string CallerOf(ClaimsPrincipal user)
    {
        var caller = user.FindFirst("client_id")?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity?.Name ?? "anonymous";
        return caller.Length > 200 ? caller[..200] : caller;
    }

    private static async Task<string> FingerprintAsync(HttpRequest request, string route, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(route + "\n"));
        if (request.Body.CanSeek) // IdempotencyBuffering made it so
        {
            request.Body.Position = 0;
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0) hash.AppendData(chunk, 0, read);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The first answer, sent again.</summary>
    private sealed class StoredAnswer(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = record.StatusCode;
            if (record.ContentType is not null) http.Response.ContentType = record.ContentType;
            if (record.Location is not null) http.Response.Headers.Location = record.Location;
            http.Response.Headers[ReplayedHeader] = "true";
            await http.Response.Body.WriteAsync(record.Body, http.RequestAborted);
        }
    }
}
