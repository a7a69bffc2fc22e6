using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Cooperation.ServiceDefaults.Testing;

/// <summary>
/// FOR TESTS ONLY: kills the process abruptly (SIGKILL: no cleanup, no flush, no graceful shutdown,
/// like kill -9 or a power cut) at a named point of the delivery path, so the crash tests can prove
/// that nothing is lost or duplicated. Enabled only by the configuration key
/// <c>Testing:CrashAt</c> (env <c>Testing__CrashAt</c>); unset — the production case — every call
/// is a no-op comparison. Points: <see cref="BeforeCommit"/>, <see cref="AfterCommitBeforeSend"/>,
/// <see cref="AfterSendBeforeMark"/>, <see cref="ConsumerAfterCommit"/>.
/// </summary>
public sealed class CrashPoints
{
    public const string Key = "Testing:CrashAt";

    /// <summary>A unit of work that staged outbox messages has written them but not yet committed.</summary>
    public const string BeforeCommit = "before-commit";
    /// <summary>The dispatcher loaded a committed outbox row and has not sent it yet.</summary>
    public const string AfterCommitBeforeSend = "after-commit-before-send";
    /// <summary>The broker confirmed the send; the row's SentAt is not saved yet.</summary>
    public const string AfterSendBeforeMark = "after-send-before-mark";
    /// <summary>A consumer's SaveChanges (change + inbox row) committed; MassTransit has not acked the message.</summary>
    public const string ConsumerAfterCommit = "consumer-after-commit";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string> { BeforeCommit, AfterCommitBeforeSend, AfterSendBeforeMark, ConsumerAfterCommit };

    private readonly string? _armed;

    public CrashPoints(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!All.Contains(value))
            throw new InvalidOperationException($"{Key} must be one of {string.Join(", ", All)} (got '{value}')");
        _armed = value;
    }

    public bool IsArmed(string point) => _armed == point;

    /// <summary>Dies here if this point is armed; otherwise returns at once.</summary>
    public void Reached(string point)
    {
        if (_armed != point) return;
        Console.Error.WriteLine($"Testing:CrashAt={point}: killing the process now");
        Console.Error.Flush();
        Process.GetCurrentProcess().Kill();
        Thread.Sleep(Timeout.Infinite); // the signal is asynchronous: never continue past the point
    }
}
