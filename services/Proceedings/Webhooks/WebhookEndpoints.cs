using System.Text.Json;
using Cooperation.Proceedings.Persistence;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.Proceedings.Webhooks;

public sealed record CreateWebhookSubscriptionBody(string? Url, IReadOnlyList<string?>? Events);

/// <summary>A subscription as listed: never its secret.</summary>
public sealed record WebhookSubscriptionView(
    Guid Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, long LastSequence, int Pending, int DeadLetters,
    DateTimeOffset? PreviousSecretValidUntil);

/// <summary>The answer to a creation or a rotation: the only time the secret is shown.</summary>
public sealed record WebhookSecretView(
    Guid Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string Secret, DateTimeOffset? PreviousSecretValidUntil);

/// <summary>An event whose every attempt failed: what it was, why it failed last, and its body as it will be sent again.</summary>
public sealed record WebhookDeadLetterView(
    Guid DeliveryId, long Sequence, string Event, DateTimeOffset OccurredAt, int Attempts, string? LastError, DateTimeOffset DeadAt, JsonElement Payload);

/// <summary>A page of dead letters, oldest first; <c>next</c> is the cursor of the following page (null on the last).</summary>
public sealed record WebhookDeadLetterPage(IReadOnlyList<WebhookDeadLetterView> Items, string? Next);

public sealed record WebhookReplayView(int Replayed);

/// <summary>
/// Webhook subscriptions under an organ's or a State's prefix (issue 14, "Push"): register (the secret shown once),
/// list, read, remove, rotate the secret, read the dead letters and replay them. The prefix's own authorization
/// applies (the organ's scope, or state:XXX); <paramref name="owns"/> answers 404 for a path that is not this node's.
/// </summary>
public static class WebhookEndpoints
{
    public static void MapWebhookSubscriptions(
        this IEndpointRouteBuilder routes, string prefix, string name, IReadOnlyList<string> events, Func<HttpContext, bool> owns)
    {
        var group = routes.MapGroup(prefix).WithTags("Webhooks");
        group.AddEndpointFilter(async (context, next) => owns(context.HttpContext) ? await next(context) : Problems.NotFound("webhook subscription"));

        group.MapPost("", (CreateWebhookSubscriptionBody body, ProceedingsDbContext db, IOptions<WebhookOptions> options, TimeProvider clock,
                HttpContext http, CancellationToken ct) => CreateAsync(body, events, db, options.Value, clock, http, ct))
            .WithName($"{name}CreateWebhookSubscription").WithIdempotency()
            .Produces<WebhookSecretView>(StatusCodes.Status201Created)
            .WithSummary($"Subscribe a URL to events ({string.Join(", ", events)}). The answer shows the signing secret, once.");
        group.MapGet("", ListAsync).Produces<List<WebhookSubscriptionView>>(StatusCodes.Status200OK).WithName($"{name}ListWebhookSubscriptions")
            .WithSummary("This partner's subscriptions (never their secrets), with what is pending and dead.");
        group.MapGet("/{id:guid}", GetAsync).Produces<WebhookSubscriptionView>(StatusCodes.Status200OK).WithName($"{name}GetWebhookSubscription");
        group.MapDelete("/{id:guid}", DeleteAsync).Produces(StatusCodes.Status204NoContent).WithName($"{name}DeleteWebhookSubscription")
            .WithSummary("Stop the subscription; its queued and dead events are dropped with it.");
        group.MapPost("/{id:guid}/rotate-secret", RotateAsync).Produces<WebhookSecretView>(StatusCodes.Status200OK).WithName($"{name}RotateWebhookSecret").WithIdempotency()
            .WithSummary("A new secret, shown once; the old one still signs every call (a second v1= signature) until previousSecretValidUntil.");
        group.MapGet("/{id:guid}/dead-letters", DeadLettersAsync).Produces<WebhookDeadLetterPage>(StatusCodes.Status200OK).WithName($"{name}ListWebhookDeadLetters")
            .WithSummary("Events whose every attempt failed, in sequence order, a page at a time (limit 1-500, default 100; " +
                         "pass the answer's next as cursor for the following page).");
        group.MapPost("/{id:guid}/dead-letters/replay", ReplayAsync).WithName($"{name}ReplayWebhookDeadLetters").WithIdempotency()
            .Produces<WebhookReplayView>(StatusCodes.Status202Accepted)
            .WithSummary("Queue every dead event again (same delivery id and sequence), ahead of the subscription's newer events.");
    }

    private static async Task<IResult> CreateAsync(
        CreateWebhookSubscriptionBody body, IReadOnlyList<string> known, ProceedingsDbContext db, WebhookOptions options,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var errors = WebhookRules.Validate(body.Url, body.Events, known, options);
        if (errors.Count > 0) return Invalid(errors);
        if (await db.WebhookSubscriptions.CountAsync(ct) >= options.MaxSubscriptions)
            return Problems.LimitExceeded(Problems.Errors([("subscriptions", $"This node keeps at most {options.MaxSubscriptions} subscriptions; remove one first.")]));
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            Url = body.Url!,
            EventNames = string.Join(' ', body.Events!),
            Secret = WebhookSignature.NewSecret(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{http.Request.Path.Value!.TrimEnd('/')}/{subscription.Id}", SecretView(subscription));
    }

    private static async Task<IResult> ListAsync(ProceedingsDbContext db, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var views = new List<WebhookSubscriptionView>();
        foreach (var s in subscriptions) views.Add(await ViewAsync(db, s, ct));
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(Guid id, ProceedingsDbContext db, CancellationToken ct) =>
        await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } s
            ? TypedResults.Ok(await ViewAsync(db, s, ct))
            : Problems.NotFound("webhook subscription");

    private static async Task<IResult> DeleteAsync(Guid id, ProceedingsDbContext db, CancellationToken ct)
    {
        if (await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, ct) is not { } subscription)
            return Problems.NotFound("webhook subscription");
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> RotateAsync(
        Guid id, ProceedingsDbContext db, IOptions<WebhookOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, ct) is not { } subscription)
            return Problems.NotFound("webhook subscription");
        subscription.PreviousSecret = subscription.Secret;
        subscription.PreviousSecretValidUntil = clock.GetUtcNow() + options.Value.RotationGracePeriod;
        subscription.Secret = WebhookSignature.NewSecret();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            // An event was queued for it at the same moment (the sequence is the token): nothing rotated, try again.
            return Problems.Conflict(ProblemTypes.Conflict, "The subscription changed meanwhile", "Nothing was rotated; send the call again.");
        }
        return TypedResults.Ok(SecretView(subscription));
    }

    public const int MaxDeadLetterPage = 500;

    private static async Task<IResult> DeadLettersAsync(Guid id, string? cursor, int? limit, ProceedingsDbContext db, CancellationToken ct)
    {
        var invalid = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxDeadLetterPage) invalid["limit"] = [$"From 1 to {MaxDeadLetterPage}."];
        long after = 0;
        if (cursor is not null && (!long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after) || after < 1))
            invalid["cursor"] = ["The next value of the previous page."];
        if (invalid.Count > 0) return Problems.Invalid(invalid);
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct)) return Problems.NotFound("webhook subscription");
        var size = limit ?? 100;
        // The sequence orders a subscription's events and never repeats: the last one shown is the cursor.
        var dead = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id && d.DeadAt != null && d.Sequence > after)
            .OrderBy(d => d.Sequence).Take(size + 1).ToListAsync(ct);
        var items = dead.Take(size).Select(d => new WebhookDeadLetterView(
            d.Id, d.Sequence, d.Event, d.OccurredAt, d.Attempts, d.LastError, d.DeadAt!.Value,
            JsonDocument.Parse(d.Payload).RootElement.Clone())).ToList();
        return TypedResults.Ok(new WebhookDeadLetterPage(items,
            dead.Count > size ? items[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }

    private static async Task<IResult> ReplayAsync(Guid id, ProceedingsDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct)) return Problems.NotFound("webhook subscription");
        var dead = await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.DeadAt != null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var d in dead)
        {
            d.DeadAt = null;
            d.Attempts = 0;
            d.NextAttemptAt = now;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(ProblemTypes.Conflict, "The dead letters changed meanwhile", "Nothing was replayed; send the call again.");
        }
        // Location: the dead-letter list, which empties as the replayed events are delivered.
        var path = http.Request.Path.Value!;
        return TypedResults.Accepted(path[..path.LastIndexOf('/')], new WebhookReplayView(dead.Count));
    }

    private static async Task<WebhookSubscriptionView> ViewAsync(ProceedingsDbContext db, WebhookSubscription s, CancellationToken ct)
    {
        var pending = await db.WebhookDeliveries.CountAsync(d => d.SubscriptionId == s.Id && d.DeliveredAt == null && d.DeadAt == null, ct);
        var dead = await db.WebhookDeliveries.CountAsync(d => d.SubscriptionId == s.Id && d.DeadAt != null, ct);
        return new WebhookSubscriptionView(s.Id, s.Url, s.Events, s.CreatedAt, s.LastSequence, pending, dead, s.PreviousSecretValidUntil);
    }

    private static WebhookSecretView SecretView(WebhookSubscription s) =>
        new(s.Id, s.Url, s.Events, s.CreatedAt, s.Secret, s.PreviousSecretValidUntil);

    private static ProblemHttpResult Invalid(IEnumerable<(string Field, string Problem)> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(Problems.Errors(errors))
        {
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid",
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = "Every invalid field is listed under 'errors'. Nothing was changed.",
        });
}
