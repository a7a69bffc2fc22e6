using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Cooperation.ServiceDefaults.Testing;

/// <summary>
/// FOR TESTS ONLY: kills the process abruptly (SIGKILL: no cleanup, no flush, no graceful shutdown,
/// like kill -9 or a power cut) at a named point of the delivery path, so the crash tests can prove
/// that nothing is lost or duplicated. Enabled only by the configuration key
/// <c>Testing:CrashAt</c> (env <c>Testing__CrashAt</c>); unset — the production case — every call
/// is a no-op comparison. Points: <see cref="BeforeCommit"/>, <see cref="AfterCommitBeforeSend"/>,
/// <see cref="AfterSendBeforeMark"/>, <see cref="ConsumerAfterCommit"/>, <see cref="WebhookAfterCallBeforeMark"/>.
/// </summary>
public sealed class CrashPoints
{
    public const string Key = "Testing:CrashAt";
    /// <summary>
    /// Optional: the message points (before-commit, after-commit-before-send, after-send-before-mark) fire only for a
    /// message whose type name contains this (e.g. TravelAlertIssued), so a test's crash is its own operation's and not
    /// a deadline's that happened to fire first.
    /// </summary>
    public const string MessageKey = "Testing:CrashAtMessage";

    /// <summary>A unit of work that staged outbox messages has written them but not yet committed.</summary>
    public const string BeforeCommit = "before-commit";
    /// <summary>The dispatcher loaded a committed outbox row and has not sent it yet.</summary>
    public const string AfterCommitBeforeSend = "after-commit-before-send";
    /// <summary>The broker confirmed the send; the row's SentAt is not saved yet.</summary>
    public const string AfterSendBeforeMark = "after-send-before-mark";
    /// <summary>A consumer's SaveChanges (change + inbox row) committed; MassTransit has not acked the message.</summary>
    public const string ConsumerAfterCommit = "consumer-after-commit";

    /// <summary>A webhook receiver answered 2xx; the delivery is not marked delivered yet (issue 14: at least once).</summary>
    public const string WebhookAfterCallBeforeMark = "webhook-after-call-before-mark";

    // Start-up (issue 12): a process killed at any of these must start normally the next time.
    /// <summary>Options checked, endpoints mapped; the database not yet touched.</summary>
    public const string StartupBeforeMigrate = "startup-before-migrate";
    /// <summary>The migration lock is held and the first migration's schema change is about to run.</summary>
    public const string StartupDuringMigrate = "startup-during-migrate";
    /// <summary>Migrations applied and the lock released; nothing seeded yet.</summary>
    public const string StartupAfterMigrate = "startup-after-migrate";
    /// <summary>Seed rows staged, not yet committed.</summary>
    public const string StartupDuringSeeding = "startup-during-seeding";
    /// <summary>Database ready; the bus and the HTTP listener not yet started.</summary>
    public const string StartupBeforeBus = "startup-before-bus";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        BeforeCommit, AfterCommitBeforeSend, AfterSendBeforeMark, ConsumerAfterCommit, WebhookAfterCallBeforeMark,
        StartupBeforeMigrate, StartupDuringMigrate, StartupAfterMigrate, StartupDuringSeeding, StartupBeforeBus,
    };

    private readonly string? _armed;
    private readonly string? _message;

    public CrashPoints(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!All.Contains(value))
            throw new InvalidOperationException($"{Key} must be one of {string.Join(", ", All)} (got '{value}')");
        _armed = value;
        _message = string.IsNullOrWhiteSpace(configuration[MessageKey]) ? null : configuration[MessageKey];
    }

    public bool IsArmed(string point) => _armed == point;

    /// <summary>Dies here if this point is armed; otherwise returns at once.</summary>
    public void Reached(string point, IEnumerable<string>? messageTypes = null)
    {
        if (_armed != point) return;
        if (_message is not null && messageTypes is not null && !messageTypes.Any(t => t.Contains(_message, StringComparison.Ordinal))) return;
        Console.Error.WriteLine($"Testing:CrashAt={point}: killing the process now");
        Console.Error.Flush();
        Process.GetCurrentProcess().Kill();
        Thread.Sleep(Timeout.Infinite); // the signal is asynchronous: never continue past the point
    }
}
