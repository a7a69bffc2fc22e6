using Cooperation.Consultations;
using Microsoft.Extensions.Time.Testing;

namespace Cooperation.Tests.Consultations;

public class ConsultationServiceLevelTests
{
    private static readonly DateTimeOffset Delivered = new(2024, 8, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConsultationServiceLevel Level = new(TimeSpan.FromDays(2), TimeSpan.FromHours(24));

    [Fact]
    public void Within_both_limits_nothing_is_breached()
    {
        Assert.Empty(Level.Check(Delivered, Delivered.AddDays(1), Delivered.AddDays(1).AddHours(3), Delivered.AddDays(10)));
    }

    [Fact]
    public void A_consultation_not_yet_opened_breaches_as_soon_as_the_limit_passes()
    {
        var clock = new FakeTimeProvider(Delivered);
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Empty(Level.Check(Delivered, null, null, clock));
        clock.Advance(TimeSpan.FromMinutes(1));
        var breach = Assert.Single(Level.Check(Delivered, null, null, clock));
        Assert.Equal(new ServiceLevelBreach(ServiceLevelMeasure.TimeToOpen, TimeSpan.FromDays(2), TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1), Ongoing: true), breach);
    }

    [Fact]
    public void A_late_opening_and_a_late_answer_are_both_reported()
    {
        // Mongolia-like: the State asks to consult only days before the visit, and the answer is slow.
        var opened = Delivered.AddDays(25);
        var answered = opened.AddHours(30);
        var breaches = Level.Check(Delivered, opened, answered, opened.AddDays(5));
        Assert.Equal(
            [
                new ServiceLevelBreach(ServiceLevelMeasure.TimeToOpen, TimeSpan.FromDays(2), TimeSpan.FromDays(25), Ongoing: false),
                new ServiceLevelBreach(ServiceLevelMeasure.TimeToFirstCourtAnswer, TimeSpan.FromHours(24), TimeSpan.FromHours(30), Ongoing: false),
            ],
            breaches);
    }

    [Fact]
    public void An_awaited_Court_answer_is_an_ongoing_breach()
    {
        var opened = Delivered.AddHours(1);
        var breach = Assert.Single(Level.Check(Delivered, opened, null, opened.AddHours(48)));
        Assert.Equal(ServiceLevelMeasure.TimeToFirstCourtAnswer, breach.Measure);
        Assert.True(breach.Ongoing);
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConsultationServiceLevel(TimeSpan.Zero, TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConsultationServiceLevel(TimeSpan.FromHours(1), TimeSpan.FromHours(-1)));
    }
}
