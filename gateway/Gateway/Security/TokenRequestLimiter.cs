using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperation.Gateway.Security;

/// <summary>
/// Budgets of POST /connect/token. A per-address budget alone let one address's wrong secrets lock
/// out every client behind it (293 failures locked a legitimate client out for a minute), so:
/// <list type="bullet">
/// <item>failures are counted per client id and address: guessing one client's secret stops after
/// <see cref="RateLimitOptions.TokenFailuresPerClient"/> tries in a window;</item>
/// <item>failures are also counted per address, all client ids together, against
/// <see cref="RateLimitOptions.TokenFailuresPerAddress"/>; when spent, the address is refused for
/// client ids that never obtained a token from it (guessing many ids stops too);</item>
/// <item>a client id that obtained a token from an address keeps its own allowance there: its
/// requests count against that client's rate limit, not against the address's failures.</item>
/// </list>
/// The address is the connection's (forwarded headers count only from Gateway:KnownProxies).
/// </summary>
public sealed class TokenRequestLimiter(RateLimitOptions limits, IReadOnlyDictionary<string, int> clientLimits) : IDisposable
{
    /// <summary>How long a successful client id is remembered per address (a partner asks again at least daily).</summary>
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(1);

    private readonly PartitionedRateLimiter<string> _pairFailures = Fixed(limits.Window, _ => limits.TokenFailuresPerClient);
    private readonly PartitionedRateLimiter<string> _addressFailures = Fixed(limits.Window, _ => limits.TokenFailuresPerAddress);
    private readonly PartitionedRateLimiter<string> _clientAllowance = Fixed(limits.Window, client => clientLimits.GetValueOrDefault(client, limits.PermitLimit));
    // Only successful authentications add entries, so a stranger cannot fill it; bounded all the same.
    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public sealed record Attempt(string Pair, string Address, bool Known, RateLimitLease? Refusal);

    /// <summary>Before OpenIddict sees the request: refused (with a lease carrying Retry-After) or let through.</summary>
    public Attempt Begin(string? clientId, IPAddress? remote)
    {
        var address = remote?.ToString() ?? "unknown";
        var pair = (clientId ?? "") + "\n" + address;
        var known = clientId is not null && _known.TryGetValue(pair, out _);
        var refusal = Refuse(_pairFailures.AttemptAcquire(pair, 0))
                      ?? (known ? Refuse(_clientAllowance.AttemptAcquire(clientId!, 1)) : Refuse(_addressFailures.AttemptAcquire(address, 0)));
        return new Attempt(pair, address, known, refusal);
    }

    /// <summary>After the answer: a token remembers the pair; anything else counts as a failure.</summary>
    public void End(Attempt attempt, bool succeeded)
    {
        if (succeeded)
        {
            _known.Set(attempt.Pair, true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Remembered });
            return;
        }
        _pairFailures.AttemptAcquire(attempt.Pair, 1).Dispose();
        if (!attempt.Known) _addressFailures.AttemptAcquire(attempt.Address, 1).Dispose();
    }

    /// <summary>The client id of a token request: the form's client_id, or the HTTP Basic user name (RFC 6749 §2.3.1).</summary>
    public static string? ClientIdOf(HttpRequest request, IFormCollection? form)
    {
        string? id = form is not null && form.TryGetValue(Parameters.ClientId, out var fromForm) && fromForm.Count == 1 ? fromForm.ToString() : null;
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (id is null && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':');
                if (colon > 0) id = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
            }
            catch (FormatException) { }
        }
        // Client ids are short (IdentityOptions: at most 100 characters); a longer one is nobody's.
        return id is { Length: > 0 and <= 100 } ? id : null;
    }

    public void Dispose()
    {
        _pairFailures.Dispose();
        _addressFailures.Dispose();
        _clientAllowance.Dispose();
        _known.Dispose();
    }

    private static RateLimitLease? Refuse(RateLimitLease lease)
    {
        if (lease.IsAcquired)
        {
            lease.Dispose();
            return null;
        }
        return lease;
    }

    private static PartitionedRateLimiter<string> Fixed(TimeSpan window, Func<string, int> permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(k),
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
