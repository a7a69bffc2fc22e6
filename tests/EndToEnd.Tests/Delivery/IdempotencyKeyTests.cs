using System.Net;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Delivery;

/// <summary>Partner systems retry: a POST with the same Idempotency-Key gets the first answer and creates nothing new.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IdempotencyKeyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_retried_draft_with_the_same_key_returns_the_first_answer_and_creates_nothing()
    {
        using var partner = platform.CreatePartnerClient("registry", "state:UGA");
        var key = Guid.NewGuid().ToString();
        var body = Samples.ArrestAndSurrender("UGA");
        var registry = platform.Database("registry");
        var before = await registry.CountAsync("SELECT COUNT(*) FROM requests");

        using var first = await DeliveryFlow.PostAsync(partner, "/registry/requests", body, key);
        using var second = await DeliveryFlow.PostAsync(partner, "/registry/requests", body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before + 1, await registry.CountAsync("SELECT COUNT(*) FROM requests"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422_and_changes_nothing()
    {
        using var partner = platform.CreatePartnerClient("registry", "state:UGA");
        var key = Guid.NewGuid().ToString();
        var registry = platform.Database("registry");
        using var first = await DeliveryFlow.PostAsync(partner, "/registry/requests", Samples.ArrestAndSurrender("UGA"), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await registry.CountAsync("SELECT COUNT(*) FROM requests");

        using var reused = await DeliveryFlow.PostAsync(partner, "/registry/requests", Samples.ArrestAndSurrender("ZAF"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("/idempotency-key-reused", (string)(await reused.ReadObjectAsync())["type"]!);
        Assert.Equal(before, await registry.CountAsync("SELECT COUNT(*) FROM requests"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("key/with/slash")]
    [InlineData("k")]
    public async Task A_malformed_key_is_refused_with_400(string key)
    {
        using var partner = platform.CreatePartnerClient("registry", "state:UGA");
        if (key == "k") key = new string('k', 129); // one over the limit
        using var message = new HttpRequestMessage(HttpMethod.Post, "/registry/requests")
        {
            Content = System.Net.Http.Json.JsonContent.Create(Samples.ArrestAndSurrender("UGA"), options: Json.Options),
        };
        message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await partner.SendAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.EndsWith("/validation", (string)problem["type"]!);
        Assert.Contains("Idempotency-Key", problem["errors"]!.AsObject().Select(e => e.Key));
    }
}
