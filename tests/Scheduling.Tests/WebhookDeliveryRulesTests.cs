using Cooperation.Proceedings.Webhooks;

namespace Cooperation.Scheduling.Tests;

/// <summary>The webhook rules a partner relies on (README, "Webhooks"), without a platform: signature, backoff, validation.</summary>
public class WebhookDeliveryRulesTests
{
    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA256_of_timestamp_dot_body_as_openssl_computes_it()
    {
        // printf '%s.%s' 1764581400 '{"id":"x"}' | openssl dgst -sha256 -hmac whsec_test
        Assert.Equal("ec2a6534f30603189700f5afe95576c02de29c4f098e6f05726b152a365655dd",
            WebhookSignature.Sign("whsec_test", 1764581400, "{\"id\":\"x\"}"));
        Assert.Equal("v1=" + WebhookSignature.Sign("new", 1, "b") + ",v1=" + WebhookSignature.Sign("old", 1, "b"),
            WebhookSignature.Header(["new", "old"], 1, "b"));
    }

    [Fact]
    public void Retries_wait_a_doubling_delay_capped_at_the_maximum()
    {
        var o = new WebhookOptions { FirstRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        Assert.Equal([5, 10, 20, 40, 60, 60], Enumerable.Range(1, 6).Select(a => o.RetryDelayAfter(a).TotalSeconds).ToArray());
        Assert.Equal(TimeSpan.FromMinutes(1), o.RetryDelayAfter(1000));
    }

    [Fact]
    public void A_subscription_needs_an_absolute_http_url_on_an_allowed_host_and_known_events()
    {
        var o = new WebhookOptions();
        string[] known = ["request.received"];
        Assert.Empty(WebhookRules.Validate("http://127.0.0.1:9099/hooks", ["request.received"], known, o));
        Assert.Equal(["url"], WebhookRules.Validate("https://partner.example/hooks", ["request.received"], known, o).Select(e => e.Field));
        Assert.Equal(["url"], WebhookRules.Validate("/relative", ["request.received"], known, o).Select(e => e.Field));
        Assert.Equal(["url"], WebhookRules.Validate("http://user:pw@127.0.0.1/", ["request.received"], known, o).Select(e => e.Field));
        Assert.Equal(["url", "events[0]"], WebhookRules.Validate("ftp://127.0.0.1/", ["nope"], known, o).Select(e => e.Field));
        Assert.Equal(["events"], WebhookRules.Validate("http://localhost/", ["request.received", "request.received"], known, o).Select(e => e.Field));
        // A configured list replaces loopback rather than adding to it.
        var production = new WebhookOptions { AllowedHosts = ["partner.example"] };
        Assert.Empty(WebhookRules.Validate("https://partner.example/hooks", ["request.received"], known, production));
        Assert.Equal(["url"], WebhookRules.Validate("http://127.0.0.1/", ["request.received"], known, production).Select(e => e.Field));
    }
}
