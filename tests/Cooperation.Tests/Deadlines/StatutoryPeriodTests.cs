using Cooperation.Deadlines;
using Cooperation.Organs;

namespace Cooperation.Tests.Deadlines;

public class StatutoryPeriodTests
{
    [Fact]
    public void The_three_fixed_periods_are_45_days_60_days_and_96_hours()
    {
        Assert.Equal(TimeSpan.FromDays(45), StatutoryPeriods.ChannelChangeEffective);
        Assert.Equal(TimeSpan.FromDays(60), StatutoryPeriods.SurrenderDocumentsDue);
        Assert.Equal(TimeSpan.FromHours(96), StatutoryPeriods.TransitDetentionCap);
    }

    [Theory]
    [InlineData("2025-04-03", "2025-06-02")]
    [InlineData("2024-12-31", "2025-03-01")]
    [InlineData("2024-01-01", "2024-03-01")] // leap year: 31 + 29 days
    public void Surrender_documents_are_due_by_the_end_of_the_60th_day_after_arrest(string arrested, string lastDay)
    {
        var arrest = DateOnly.Parse(arrested);
        Assert.Equal(DateOnly.Parse(lastDay), StatutoryPeriods.SurrenderDocumentsLastDay(arrest));
        var deadline = Deadline.SurrenderDocuments(arrest);
        Assert.Equal(DeadlineKind.SurrenderDocuments, deadline.Kind);
        Assert.Equal(new DateTimeOffset(DateOnly.Parse(lastDay).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), deadline.DueAt);
        Assert.False(deadline.IsOverdue(deadline.DueAt.AddTicks(-1)));
        Assert.True(deadline.IsOverdue(deadline.DueAt));
    }

    [Fact]
    public void Transit_detention_after_an_unscheduled_landing_ends_96_hours_later_to_the_minute()
    {
        var landed = new DateTimeOffset(2026, 1, 10, 22, 15, 0, TimeSpan.FromHours(2));
        var requestId = Guid.NewGuid();
        var deadline = Deadline.TransitDetention(landed, requestId);
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 20, 15, 0, TimeSpan.Zero), deadline.DueAt.ToUniversalTime());
        Assert.Equal(requestId, deadline.RequestId);
        Assert.Equal(DeadlineKind.TransitDetention, deadline.Kind);
    }

    [Fact]
    public void A_reply_by_date_is_late_after_that_day_ends()
    {
        var deadline = Deadline.ReplyBy(new DateOnly(2026, 6, 30));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), deadline.DueAt);
    }

    [Fact]
    public void A_channel_change_deadline_falls_45_days_after_receipt_unless_agreed()
    {
        var received = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        var state = StateCode.Parse("NLD");
        Assert.Equal(received.AddDays(45), Deadline.ChannelChange(state, received).DueAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero), Deadline.ChannelChange(state, received, new DateOnly(2026, 2, 20)).DueAt);
        Assert.Equal(state, Deadline.ChannelChange(state, received).State);
    }

    [Theory]
    [InlineData(-10, DeadlineState.Pending)]
    [InlineData(-2, DeadlineState.Warning)]
    [InlineData(0, DeadlineState.Overdue)]
    [InlineData(5, DeadlineState.Overdue)]
    public void A_deadline_warns_within_its_window_then_is_overdue(int daysFromDue, DeadlineState expected)
    {
        var deadline = new Deadline(DeadlineKind.ReplyBy, new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(expected, deadline.StateAt(deadline.DueAt.AddDays(daysFromDue), TimeSpan.FromDays(3)));
    }
}
