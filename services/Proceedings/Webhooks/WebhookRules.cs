namespace Cooperation.Proceedings.Webhooks;

/// <summary>What a subscription must be: an absolute http(s) URL on an allowed host, known event names, few of them.</summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2048;
    public const int MaxEvents = 20;

    public static List<(string Field, string Problem)> Validate(string? url, IReadOnlyList<string?>? events, IReadOnlyList<string> known, WebhookOptions options)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(url)) errors.Add(("url", "Required: the absolute http(s) URL the events are posted to."));
        else if (url.Length > MaxUrlLength) errors.Add(("url", $"At most {MaxUrlLength} characters."));
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            errors.Add(("url", "Must be an absolute http or https URL."));
        else if (!string.IsNullOrEmpty(uri.UserInfo)) errors.Add(("url", "Must not carry a user name or password; the calls are signed instead."));
        else if (!string.IsNullOrEmpty(uri.Fragment)) errors.Add(("url", "Must not carry a fragment."));
        else if (!HostAllowed(uri, options))
            errors.Add(("url", "This node posts only to the hosts its operator allows (Webhooks:AllowedHosts); ask them to add yours."));

        if (events is null || events.Count == 0) errors.Add(("events", $"Required: one or more of {string.Join(", ", known)}."));
        else if (events.Count > MaxEvents) errors.Add(("events", $"At most {MaxEvents} event names."));
        else
        {
            for (var i = 0; i < events.Count; i++)
                if (events[i] is not { } name || !known.Contains(name))
                    errors.Add(($"events[{i}]", $"Unknown event; this node offers {string.Join(", ", known)}."));
            if (events.Distinct().Count() != events.Count) errors.Add(("events", "Each event name at most once."));
        }
        return errors;
    }

    public static bool HostAllowed(string url, WebhookOptions options) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && HostAllowed(uri, options);

    private static bool HostAllowed(Uri uri, WebhookOptions options) =>
        options.EffectiveAllowedHosts.Any(h => string.Equals(h.Trim(), uri.Host, StringComparison.OrdinalIgnoreCase));
}
