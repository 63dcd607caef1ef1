using Beian.Core.Accounts;

namespace Beian.Core.Tests.Accounts;

public class SmsSendLimitsTests
{
    // 16:30 in Beijing on 2 March.
    private static readonly DateTime Now = new(2026, 3, 2, 8, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly SmsSendLimits Limits = SmsSendLimits.Default;

    private static SmsSendHistory SentToday(int count, double secondsAgo) => new(Now.AddSeconds(-secondsAgo), Today, count);

    [Fact]
    public void The_defaults_are_one_code_a_minute_and_ten_a_day()
    {
        Assert.Equal(60, Limits.CooldownSeconds);
        Assert.Equal(10, Limits.DailyCapPerNumber);
        Assert.Equal(TimeSpan.FromSeconds(60), Limits.Cooldown);
    }

    [Fact]
    public void The_first_code_to_a_number_is_sent_and_counted_for_the_beijing_day()
    {
        var decision = Limits.Decide(null, Now);
        Assert.True(decision.Allowed);
        Assert.Equal(new SmsSendHistory(Now, Today, 1), decision.Next);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 59)]
    [InlineData(30, 30)]
    [InlineData(59, 1)]
    [InlineData(59.5, 1)]
    public void Another_code_within_sixty_seconds_is_refused_with_the_seconds_left(double secondsAgo, int wait)
    {
        var decision = Limits.Decide(SentToday(1, secondsAgo), Now);
        Assert.False(decision.Allowed);
        Assert.Null(decision.Next);
        Assert.Equal($"验证码发送过于频繁，请{wait}秒后再试", decision.Refusal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(3600)]
    public void Another_code_sixty_seconds_or_more_later_is_sent_and_counted(int secondsAgo)
    {
        var decision = Limits.Decide(SentToday(3, secondsAgo), Now);
        Assert.Equal(new SmsSendHistory(Now, Today, 4), decision.Next);
    }

    [Fact]
    public void The_tenth_code_of_the_day_is_sent_and_the_eleventh_refused()
    {
        Assert.True(Limits.Decide(SentToday(9, 3600), Now).Allowed);
        Assert.Equal("该手机号今日获取验证码次数已达上限", Limits.Decide(SentToday(10, 3600), Now).Refusal);
    }

    [Fact]
    public void The_daily_cap_is_the_answer_even_within_the_cooldown()
    {
        Assert.Equal(SmsSendLimits.DailyCapReached, Limits.Decide(SentToday(10, 5), Now).Refusal);
    }

    [Fact]
    public void A_new_beijing_day_starts_at_midnight_beijing_time_not_utc()
    {
        var capped = new SmsSendHistory(new DateTime(2026, 3, 2, 15, 59, 0, DateTimeKind.Utc), Today, 10);
        Assert.False(Limits.Decide(capped, new DateTime(2026, 3, 2, 15, 59, 59, DateTimeKind.Utc)).Allowed);

        var midnightInBeijing = new DateTime(2026, 3, 2, 16, 0, 0, DateTimeKind.Utc);
        var decision = Limits.Decide(capped, midnightInBeijing);
        Assert.Equal(new SmsSendHistory(midnightInBeijing, new DateOnly(2026, 3, 3), 1), decision.Next);
    }

    [Fact]
    public void Configured_limits_use_their_own_cooldown_and_cap()
    {
        var limits = new SmsSendLimits(CooldownSeconds: 120, DailyCapPerNumber: 3);
        Assert.Equal("验证码发送过于频繁，请30秒后再试", limits.Decide(SentToday(1, 90), Now).Refusal);
        Assert.True(limits.Decide(SentToday(2, 120), Now).Allowed);
        Assert.Equal(SmsSendLimits.DailyCapReached, limits.Decide(SentToday(3, 3600), Now).Refusal);
    }
}
