using Cooperation.Register;

namespace Cooperation.Tests.Register;

public class ChannelRegisterTests
{
    private static readonly DateTimeOffset Ratified = new(2002, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ChangeReceived = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ChannelDesignation Initial = ChannelDesignation.Initial("diplomatic", ["fr"], Ratified);
    private static readonly ChannelDesignation Change = ChannelDesignation.Change("ministry-of-justice", ["en"], ChangeReceived);

    [Fact]
    public void A_change_takes_effect_45_days_after_the_Registry_receives_it()
    {
        Assert.Equal(ChangeReceived.AddDays(45), ChannelRegister.EffectiveFrom(ChangeReceived));
        Assert.Equal(ChangeReceived.AddDays(45), Change.EffectiveFrom);
    }

    [Fact]
    public void A_change_takes_effect_at_the_agreed_date_when_there_is_one()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), ChannelRegister.EffectiveFrom(ChangeReceived, new DateOnly(2026, 3, 10)));
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), ChannelRegister.EffectiveFrom(ChangeReceived, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void A_proposed_date_can_be_agreed_from_the_day_it_is_proposed_on_never_before()
    {
        Assert.True(ChannelRegister.CanBeAgreed(new DateOnly(2026, 3, 1), ChangeReceived)); // the same day (UTC)
        Assert.True(ChannelRegister.CanBeAgreed(new DateOnly(2026, 4, 1), ChangeReceived));
        Assert.False(ChannelRegister.CanBeAgreed(new DateOnly(2026, 2, 28), ChangeReceived));
    }

    [Fact]
    public void An_agreed_date_before_receipt_cannot_reach_back()
    {
        Assert.Equal(ChangeReceived, ChannelRegister.EffectiveFrom(ChangeReceived, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void The_old_designation_governs_until_the_change_takes_effect()
    {
        ChannelDesignation[] history = [Change, Initial];
        Assert.Same(Initial, ChannelRegister.InEffectAt(ChangeReceived.AddDays(44), history));
        Assert.Same(Change, ChannelRegister.InEffectAt(ChangeReceived.AddDays(45), history));
        Assert.Null(ChannelRegister.InEffectAt(Ratified.AddDays(-1), history));
    }

    [Fact]
    public void A_change_never_affects_a_request_already_in_progress()
    {
        ChannelDesignation[] history = [Initial, Change];
        var longAfter = ChangeReceived.AddDays(200);
        var transmittedBefore = ChangeReceived.AddDays(10);
        Assert.Equal(["fr"], ChannelRegister.LanguageFor(transmittedBefore, longAfter, history));
        Assert.Equal("diplomatic", ChannelRegister.ForRequest(transmittedBefore, longAfter, history)!.Channel);
        // A request not yet transmitted follows the register as it is now.
        Assert.Equal(["en"], ChannelRegister.LanguageFor(null, longAfter, history));
        Assert.Equal(["fr"], ChannelRegister.LanguageFor(null, ChangeReceived.AddDays(1), history));
    }

    [Fact]
    public void With_no_designation_no_language_is_accepted()
    {
        Assert.Empty(ChannelRegister.LanguageFor(null, ChangeReceived, []));
    }
}
