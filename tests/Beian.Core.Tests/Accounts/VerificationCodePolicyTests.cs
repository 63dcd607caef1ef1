using Beian.Core.Accounts;

namespace Beian.Core.Tests.Accounts;

public class VerificationCodePolicyTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 8, 30, 0, DateTimeKind.Utc);
    private static readonly VerificationCodePolicy Policy = VerificationCodePolicy.Default;

    [Fact]
    public void The_defaults_are_six_digits_five_minutes_and_sixty_seconds()
    {
        Assert.Equal(6, Policy.Digits);
        Assert.Equal(5, Policy.ValidMinutes);
        Assert.Equal(60, Policy.ResendAfterSeconds);
        Assert.Equal(10, Policy.DailyCapPerNumber);
        Assert.Equal(5, Policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromMinutes(5), Policy.Validity);
        Assert.Equal(TimeSpan.FromSeconds(60), Policy.ResendInterval);
    }

    [Fact]
    public void The_first_send_is_allowed()
    {
        Assert.Null(Policy.RefuseSend(null, 0, Now));
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 59)]
    [InlineData(30, 30)]
    [InlineData(58, 2)]
    [InlineData(59, 1)]
    public void A_resend_within_sixty_seconds_is_refused_with_the_seconds_left(int secondsAgo, int wait)
    {
        var refusal = Policy.RefuseSend(Now.AddSeconds(-secondsAgo), 1, Now);
        Assert.Equal($"验证码已发送，请{wait}秒后再获取", refusal);
    }

    [Fact]
    public void A_part_second_left_is_rounded_up_to_a_whole_second()
    {
        var refusal = Policy.RefuseSend(Now.AddSeconds(-59.5), 1, Now);
        Assert.Equal("验证码已发送，请1秒后再获取", refusal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(3600)]
    public void A_resend_sixty_seconds_or_more_after_the_last_is_allowed(int secondsAgo)
    {
        Assert.Null(Policy.RefuseSend(Now.AddSeconds(-secondsAgo), 1, Now));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    public void Reaching_the_daily_cap_refuses_further_sends(int sentToday)
    {
        Assert.Equal("该手机号今日获取验证码已达10次上限，请明天再试",
            Policy.RefuseSend(Now.AddHours(-1), sentToday, Now));
    }

    [Fact]
    public void The_daily_cap_wins_over_the_resend_interval()
    {
        Assert.Equal("该手机号今日获取验证码已达10次上限，请明天再试",
            Policy.RefuseSend(Now.AddSeconds(-5), 10, Now));
    }

    [Fact]
    public void One_send_below_the_daily_cap_is_still_allowed()
    {
        Assert.Null(Policy.RefuseSend(Now.AddHours(-1), 9, Now));
    }

    [Fact]
    public void A_custom_policy_uses_its_own_interval_and_cap()
    {
        var policy = new VerificationCodePolicy(ResendAfterSeconds: 120, DailyCapPerNumber: 3);
        Assert.Equal("验证码已发送，请30秒后再获取", policy.RefuseSend(Now.AddSeconds(-90), 1, Now));
        Assert.Equal("该手机号今日获取验证码已达3次上限，请明天再试", policy.RefuseSend(null, 3, Now));
        Assert.Null(policy.RefuseSend(Now.AddSeconds(-120), 2, Now));
    }
}
