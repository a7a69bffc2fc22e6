using System.Net;
using Cooperation.Contracts.Assembly;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Security.Broker;
using RabbitMQ.Client.Exceptions;
using static Cooperation.EndToEnd.Tests.Assembly.AssemblyDesk;

namespace Cooperation.EndToEnd.Tests.Assembly;

/// <summary>
/// With Uganda's real broker credentials: a State can neither notify the Assembly in the Court's name nor speak for
/// another State there. The broker refuses what the user may not write; what reaches the Assembly on Uganda's own
/// queue is refused into that queue's error queue with the reason, and changes nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AssemblyForgeryTests(PlatformFixture platform)
{
    private const string Uganda = "state-uga";

    private HttpClient Operations() => PlatformFixture.CreateClient(platform.Service("assembly").BaseAddress, platform.TokenOf("operator-console"));

    [Fact]
    public async Task A_state_cannot_write_the_assemblys_own_exchange()
    {
        var caseId = Guid.NewGuid();
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            NotifyAsync(caseId, "ZAF", Guid.NewGuid(), "REG-FORGED", "MatterStep", ReferredMatter(Today), user: Uganda));
        var refused = error as OperationInterruptedException ?? error.InnerException as OperationInterruptedException;
        Assert.True(refused is not null, $"expected a broker refusal, got {error.GetType().Name}: {error.Message}");
        Assert.Equal((ushort)403, refused!.ShutdownReason?.ReplyCode ?? 0);
    }

    [Fact]
    public async Task A_notification_sent_by_a_state_on_its_own_exchange_goes_to_the_error_queue_with_its_reason()
    {
        var caseId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await NotifyAsync(caseId, "ZAF", Guid.NewGuid(), "REG-FORGED", "MatterStep", ReferredMatter(Today),
            user: Uganda, exchange: "state-uga.to-assembly", messageId: messageId);

        var parked = await BrokerAttack.WaitParkedAsync(Operations(), messageId);
        Assert.Equal("assembly.from-state-uga_error", parked.GetProperty("queue").GetString());
        Assert.Contains("ForgedSenderException", BrokerAttack.Header(parked, "MT-Fault-ExceptionType"));
        Assert.Contains("is not a message a State may send to the Assembly", BrokerAttack.Header(parked, "MT-Fault-Message"));
        using var presidency = platform.CreateClientFor("assembly-secretariat");
        using var response = await presidency.GetAsync($"/assembly/cases/{caseId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Uganda_cannot_answer_for_south_africa_nor_on_south_africas_case()
    {
        // A real South African case with the President's letter sent.
        var caseId = Guid.NewGuid();
        await NotifyAsync(caseId, "ZAF", Guid.NewGuid(), "REG-2026-ZAF", "MatterStep", ReferredMatter(Today.AddDays(-3)));
        using var presidency = platform.CreateClientFor("assembly-secretariat");
        var path = $"/assembly/cases/{caseId}";
        await presidency.WaitForAsync(path, c => (bool)c["referredToAssembly"]!, Soon);
        await PostCreatedAsync(presidency, path + "/formal-steps", Step("EmergencyBureauMeeting", Today));
        await PostCreatedAsync(presidency, path + "/formal-steps", Step("PresidentsLetter", Today));

        object Views(string claimed) => new
        {
            requestId = Guid.NewGuid(), requestVersion = 1, senderOrgan = "State", classification = "Confidential",
            sentAt = DateTimeOffset.UtcNow, readers = Array.Empty<string>(), caseId, submissionId = Guid.NewGuid(),
            stateCode = claimed, views = "forged views", submittedAt = DateTimeOffset.UtcNow,
        };
        var asSouthAfrica = Guid.NewGuid();
        await BrokerAttack.PublishAsync(Uganda, "state-uga.to-assembly", BrokerAttack.Urn<StateViewsSubmitted>(), Views("ZAF"), asSouthAfrica);
        var forged = await BrokerAttack.WaitParkedAsync(Operations(), asSouthAfrica);
        Assert.Contains("ForgedSenderException", BrokerAttack.Header(forged, "MT-Fault-ExceptionType"));
        Assert.Contains("claims State ZAF but arrived on State UGA's own queue", BrokerAttack.Header(forged, "MT-Fault-Message"));

        var asItself = Guid.NewGuid();
        await BrokerAttack.PublishAsync(Uganda, "state-uga.to-assembly", BrokerAttack.Urn<StateViewsSubmitted>(), Views("UGA"), asItself);
        var unknown = await BrokerAttack.WaitParkedAsync(Operations(), asItself);
        Assert.Contains("UnknownCaseException", BrokerAttack.Header(unknown, "MT-Fault-ExceptionType"));

        // Over the caps every State message obeys (StateInputLimits): refused before anything is looked up.
        var overLimits = Guid.NewGuid();
        await BrokerAttack.PublishAsync(Uganda, "state-uga.to-assembly", BrokerAttack.Urn<StateViewsSubmitted>(), new
        {
            requestId = Guid.NewGuid(), requestVersion = 1, senderOrgan = "State", classification = "Confidential",
            sentAt = DateTimeOffset.UtcNow, readers = Array.Empty<string>(), caseId, submissionId = Guid.NewGuid(),
            stateCode = "UGA", views = new string('x', 9_000), submittedAt = DateTimeOffset.UtcNow,
        }, overLimits);
        var tooLong = await BrokerAttack.WaitParkedAsync(Operations(), overLimits);
        Assert.Contains("MessageOverLimitsException", BrokerAttack.Header(tooLong, "MT-Fault-ExceptionType"));
        Assert.Contains("views", BrokerAttack.Header(tooLong, "MT-Fault-Message"));

        var after = await presidency.GetFromJsonObjectAsync(path);
        Assert.Empty(after["stateViews"]!.AsArray());
        Assert.Equal("Pending", (string)after["viewsDeadline"]!["status"]!);
    }
}
