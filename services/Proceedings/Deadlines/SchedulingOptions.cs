using Microsoft.Extensions.Options;

namespace Cooperation.Proceedings.Deadlines;

/// <summary>How the deadline scheduler runs (section <c>Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How often the scheduler looks for due reminders and deadlines.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many deadlines are fired per poll.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long before a deadline to remind the organs concerned (e.g. <c>Scheduling__ReminderOffsets__0=7.00:00:00</c>).
    /// Empty: <see cref="Cooperation.Deadlines.ReminderSchedule.DefaultOffsets"/> (7 days, then 1 day).
    /// </summary>
    public TimeSpan[]? ReminderOffsets { get; set; }

    public IReadOnlyList<TimeSpan> EffectiveReminderOffsets =>
        ReminderOffsets is { Length: > 0 } offsets ? offsets : Cooperation.Deadlines.ReminderSchedule.DefaultOffsets;
}

internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions o)
    {
        var failures = new List<string>();
        if (o.PollInterval <= TimeSpan.Zero || o.PollInterval > TimeSpan.FromHours(1))
            failures.Add($"Scheduling:PollInterval must be between 0 and 1 hour (got {o.PollInterval})");
        if (o.BatchSize is < 1 or > 1000)
            failures.Add($"Scheduling:BatchSize must be between 1 and 1000 (got {o.BatchSize})");
        if (o.ReminderOffsets is { } offsets && offsets.Any(x => x <= TimeSpan.Zero))
            failures.Add("Scheduling:ReminderOffsets must all be positive (a reminder comes before its deadline)");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
