using AngleSharp.Html.Dom;
using Beian.Web.Features.Accounts;
using Beian.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Admin;

/// <summary>What an administrator does to an officer reaches the officer's open session within a minute.</summary>
public sealed class PoliceUserSessionTests(PoliceUserSessionTests.ClockedPlatform platform) : IClassFixture<PoliceUserSessionTests.ClockedPlatform>
{
    public sealed class ClockedPlatform : SqlitePlatform
    {
        public ManualClock Clock { get; } = new(DateTime.UtcNow);

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }

    [Theory]
    [InlineData("停用")]
    [InlineData("重置密码")]
    public async Task An_open_session_ends_within_a_minute_of_the_administrators_action(string action)
    {
        var officer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, "330106");
        using var session = await LoggedInAsync(officer);
        using var admin = await LoggedInAsync(await StaffAccounts.CreateAsync(platform, Roles.Administrator, null));

        var edit = await admin.GetAsync("/Admin/PoliceUsers/Edit/" + officer.UserId);
        await admin.SubmitAsync(edit, action);
        Assert.Equal("/Police", (await session.GetAsync("/Police")).PathOf());

        platform.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal("/Accounts/Login", (await session.GetAsync("/Police")).PathOf());
    }

    [Fact]
    public async Task A_session_of_an_officer_the_administrator_did_not_touch_goes_on()
    {
        var officer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, "330106");
        using var session = await LoggedInAsync(officer);
        platform.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal("/Police", (await session.GetAsync("/Police")).PathOf());
    }

    private async Task<PlatformClient> LoggedInAsync(StaffAccount account)
    {
        var client = platform.NewClient();
        IHtmlDocument second = await Applicants.LoginAsync(client, account.UserName, account.Password);
        second = await client.SubmitAsync(second, "发送验证码");
        var code = await OutboxReader.LatestSmsCodeAsync(platform, account.Mobile);
        var home = await client.SubmitAsync(second, "验证并登录", new Dictionary<string, string> { ["Code"] = code, ["Method"] = "Sms" });
        Assert.NotEqual("/Accounts/SecondFactor", home.PathOf());
        return client;
    }
}
