using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Verification;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Verification;

/// <summary>
/// Nobody can flood a phone through the platform: one verification code a minute and ten a Beijing
/// day per number, whatever sends it and from whichever address, counted for all nodes.
/// </summary>
public abstract class SmsSendLimitTests(PlatformFixture platform, ManualClock clock)
{
    private const string TooSoon = "验证码发送过于频繁，请60秒后再试";

    [Fact]
    public async Task The_second_factor_sends_one_code_a_minute_however_many_addresses_ask()
    {
        platform.RequireAvailable();
        var officer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, "330106");
        using var client = platform.NewClient().ForwardedFor("203.0.113.1");
        var second = await Applicants.LoginAsync(client, officer.UserName, officer.Password);
        second = await client.SubmitAsync(second, "发送验证码");
        Assert.Contains("验证码已发送", second.Text());

        for (var address = 2; address <= 6; address++)
        {
            client.ForwardedFor($"203.0.113.{address}");
            second = await client.SubmitAsync(second, "发送验证码");
            Assert.Equal(TooSoon, second.FieldError("Code"));
        }
        Assert.Equal(1, await SmsCountAsync(officer.Mobile));

        clock.Advance(TimeSpan.FromSeconds(60));
        second = await client.SubmitAsync(second, "发送验证码");
        Assert.Contains("验证码已发送", second.Text());
        Assert.Equal(2, await SmsCountAsync(officer.Mobile));
    }

    [Fact]
    public async Task Ten_codes_a_day_reach_a_number_and_the_eleventh_is_refused_next_to_the_field()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var credit = await client.GetAsync("/Profile/Credit");
        for (var sent = 1; sent <= 10; sent++)
        {
            credit = await client.SubmitAsync(credit, "获取短信验证码");
            Assert.Contains("短信验证码已发送", credit.Text());
            clock.Advance(TimeSpan.FromSeconds(61));
        }
        credit = await client.SubmitAsync(credit, "获取短信验证码");
        Assert.Equal("该手机号今日获取验证码次数已达上限", credit.FieldError("SmsCode"));
        Assert.Equal(10, await SmsCountAsync(applicant.Mobile));
    }

    [Fact]
    public async Task The_cooldown_counts_codes_of_every_purpose_to_a_number()
    {
        platform.RequireAvailable();
        var mobile = Applicants.NewIdentity().Mobile;
        var first = await platform.ScopedAsync(s => SendAsync(s, VerificationPurpose.CancelSubject, mobile));
        var second = await platform.ScopedAsync(s => SendAsync(s, VerificationPurpose.CancelWebsite, mobile));
        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(TooSoon, second.Error);
    }

    [Fact]
    public async Task Requests_for_one_number_at_the_same_moment_on_two_nodes_send_one_code()
    {
        platform.RequireAvailable();
        var mobile = Applicants.NewIdentity().Mobile;
        await using var secondNode = platform.Factory.WithWebHostBuilder(_ => { });
        var results = await AtOnce.RunAsync([platform.Services, secondNode.Services, platform.Services, secondNode.Services],
            (services, _) => SendAsync(services, VerificationPurpose.VerifyMobile, mobile));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TooSoon, r.Error));
        Assert.Equal(1, await SmsCountAsync(mobile));
        var mobileHash = platform.Scoped(s => s.GetRequiredService<Beian.Web.Infrastructure.PersonalData.PersonalDataProtector>().Hash(mobile));
        Assert.Equal(1, await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().VerificationCodes.CountAsync(c => c.MobileHash == mobileHash)));
    }

    private static Task<SendResult> SendAsync(IServiceProvider services, VerificationPurpose purpose, string mobile) =>
        services.GetRequiredService<SmsCodeService>().SendAsync(purpose, mobile, userId: null);

    private async Task<int> SmsCountAsync(string mobile) =>
        (await OutboxReader.MessagesAsync(platform)).Count(m => m.Channel == "Sms" && m.Recipient == mobile);
}

public sealed class SmsSendLimitTests_Sqlite(ProxiedClockedSqlitePlatform platform)
    : SmsSendLimitTests(platform, platform.Clock), IClassFixture<ProxiedClockedSqlitePlatform>;

public sealed class SmsSendLimitTests_Postgres(ProxiedClockedPostgresPlatform platform)
    : SmsSendLimitTests(platform, platform.Clock), IClassFixture<ProxiedClockedPostgresPlatform>;
