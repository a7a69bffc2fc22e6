using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Cooperation.EndToEnd.Tests.Security.Broker;

/// <summary>
/// Issue 16, findings 1 and 3: the broker the test command starts (the run command's is made by the
/// same infra/lib/broker.sh, compose's from the same definitions) has no default account, and each
/// State's inbound path has broker-side limits.
/// </summary>
public sealed class BrokerAccountTests
{
    private static readonly TestEnvironment Env = TestEnvironment.Current;

    [Fact]
    public async Task Guest_cannot_log_in_over_amqp()
    {
        var factory = new ConnectionFactory { HostName = Env.BrokerHost, Port = Env.BrokerPort, UserName = "guest", Password = "guest" };
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await (await factory.CreateConnectionAsync("guest-attempt")).DisposeAsync());
        Assert.True(Chain(error).Any(e => e is AuthenticationFailureException), $"expected an authentication failure, got {error}");
    }

    [Fact]
    public async Task Guest_cannot_log_in_to_the_management_api()
    {
        using var http = Management("guest", "guest");
        using var response = await http.GetAsync("/api/whoami");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_broker_has_no_guest_user_and_one_administrator()
    {
        using var http = Management("admin", Env.BrokerPassword("admin"));
        var users = JsonNode.Parse(await http.GetStringAsync("/api/users"))!.AsArray();
        var names = users.Select(u => (string)u!["name"]!).ToList();
        Assert.DoesNotContain("guest", names);
        Assert.Equal(["admin"], users.Where(u => u!["tags"]!.ToJsonString().Contains("administrator")).Select(u => (string)u!["name"]!));
    }

    [Fact]
    public async Task Every_states_inbound_queue_at_each_organ_has_a_length_limit_that_refuses_publishing()
    {
        using var http = Management("admin", Env.BrokerPassword("admin"));
        var states = Env.BrokerPasswords.Keys.Where(u => u.StartsWith("state-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(states);
        foreach (var state in states)
        foreach (var organ in new[] { "registry", "prosecutor" })
        {
            var queue = JsonNode.Parse(await http.GetStringAsync($"/api/queues/%2F/{organ}.from-{state}"))!;
            var policy = queue["effective_policy_definition"]!;
            Assert.True((int?)policy["max-length"] > 0, $"{organ}.from-{state}: {policy.ToJsonString()}");
            Assert.Equal("reject-publish", (string?)policy["overflow"]);
        }
    }

    [Fact]
    public async Task Every_states_user_has_connection_and_channel_limits()
    {
        // Configured, as the broker reports them. Debian's RabbitMQ 3.10.8 here did not refuse a
        // connection beyond max-connections in our trials, so the queue-length policy above is the
        // limit the platform relies on; these bound a State's user where the broker enforces them.
        using var http = Management("admin", Env.BrokerPassword("admin"));
        foreach (var state in Env.BrokerPasswords.Keys.Where(u => u.StartsWith("state-", StringComparison.Ordinal)))
        {
            var limits = JsonNode.Parse(await http.GetStringAsync($"/api/user-limits/{state}"))!.AsArray().Single()!["value"]!;
            Assert.InRange((int)limits["max-connections"]!, 1, 50);
            Assert.InRange((int)limits["max-channels"]!, 1, 1000);
        }
    }

    private static HttpClient Management(string user, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://{Env.BrokerHost}:{Env.BrokerManagementPort}"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
        if (e is AggregateException a) foreach (var inner in a.InnerExceptions) yield return inner;
    }
}
