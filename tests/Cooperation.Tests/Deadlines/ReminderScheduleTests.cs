using Cooperation.Deadlines;
using Microsoft.Extensions.Time.Testing;

namespace Cooperation.Tests.Deadlines;

public class ReminderScheduleTests
{
    private static readonly DateTimeOffset Due = new(2026, 6, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly Deadline Documents = new(DeadlineKind.SurrenderDocuments, Due);

    [Fact]
    public void Reminders_come_7_days_and_1_day_before_the_due_time_earliest_first()
    {
        var clock = new FakeTimeProvider(Due.AddDays(-60));
        var times = ReminderSchedule.For(Documents, [TimeSpan.FromDays(1), TimeSpan.FromDays(7)], clock);
        Assert.Equal([Due.AddDays(-7), Due.AddDays(-1)], times);
        Assert.Equal(times, ReminderSchedule.For(Documents, clock.GetUtcNow()));
    }

    [Fact]
    public void Reminders_already_in_the_past_are_dropped()
    {
        var clock = new FakeTimeProvider(Due.AddDays(-60));
        clock.Advance(TimeSpan.FromDays(55)); // 5 days before the due time
        Assert.Equal([Due.AddDays(-1)], ReminderSchedule.For(Documents, ReminderSchedule.DefaultOffsets, clock));
        clock.Advance(TimeSpan.FromDays(5)); // at the due time
        Assert.Empty(ReminderSchedule.For(Documents, ReminderSchedule.DefaultOffsets, clock));
    }

    [Fact]
    public void A_96_hour_transit_cap_only_gets_the_reminders_that_fit()
    {
        var landed = new DateTimeOffset(2026, 1, 10, 6, 0, 0, TimeSpan.Zero);
        var transit = Deadline.TransitDetention(landed);
        var times = ReminderSchedule.For(transit, [TimeSpan.FromDays(7), TimeSpan.FromDays(1), TimeSpan.FromHours(6)], landed);
        Assert.Equal([landed.AddHours(72), landed.AddHours(90)], times);
    }

    [Fact]
    public void Duplicate_offsets_give_one_reminder()
    {
        var times = ReminderSchedule.For(Documents, [TimeSpan.FromDays(1), TimeSpan.FromHours(24)], Due.AddDays(-30));
        Assert.Single(times);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Offsets_must_be_before_the_deadline(int hours)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderSchedule.For(Documents, [TimeSpan.FromHours(hours)], Due.AddDays(-30)));
    }
}
