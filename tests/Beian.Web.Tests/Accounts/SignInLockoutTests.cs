using AngleSharp.Html.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Accounts;

/// <summary>
/// The 等保 lockout without a lever against others: five wrong passwords or second-factor codes
/// lock the account for 30 minutes for the client address that typed them, on every node, while the
/// owner elsewhere signs in; a login that names no account gets exactly the same answers.
/// </summary>
public abstract class SignInLockoutTests(PlatformFixture platform, ManualClock clock)
{
    private const string Stranger = "203.0.113.66";
    private const string Owner = "198.51.100.20";
    private const string WrongPassword = "Wrong#Password1";
    private const string PasswordLocked = "密码连续输错次数过多，已暂停从当前网络登录该账号，请30分钟后再试。";
    private const string CodeLocked = "验证码连续输错次数过多，已暂停从当前网络登录该账号，请30分钟后再试。";

    private static string WrongPasswordAnswer(int triesLeft) => $"用户名/手机号或密码错误，再输错{triesLeft}次将被锁定30分钟。";

    [Fact]
    public async Task Wrong_passwords_get_the_same_answers_whether_the_account_exists_or_not()
    {
        platform.RequireAvailable();
        var (_, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        string[] expected = [.. Enumerable.Range(1, 4).Select(n => WrongPasswordAnswer(5 - n)), PasswordLocked, PasswordLocked];

        var byUserName = await WrongPasswordAnswersAsync(applicant.UserName, "203.0.113.10");
        Assert.Equal(byUserName, await WrongPasswordAnswersAsync("nobody" + Guid.NewGuid().ToString("N")[..8], "203.0.113.11"));
        Assert.Equal(byUserName, await WrongPasswordAnswersAsync(Applicants.NewIdentity().Mobile, "203.0.113.12"));
        Assert.Equal(expected, byUserName);
        Assert.Equal(expected, await WrongPasswordAnswersAsync(applicant.Mobile, "203.0.113.13"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_out_the_address_that_typed_them_on_every_node_and_not_the_owner()
    {
        platform.RequireAvailable();
        var officer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, "330106");
        using var stranger = platform.NewClient().ForwardedFor(Stranger);
        for (var attempt = 1; attempt <= 5; attempt++) await Applicants.LoginAsync(stranger, officer.UserName, WrongPassword);

        using var owner = platform.NewClient().ForwardedFor(Owner);
        Assert.Equal("/Accounts/SecondFactor", (await Applicants.LoginAsync(owner, officer.UserName, officer.Password)).PathOf());

        var refused = await Applicants.LoginAsync(stranger, officer.UserName, officer.Password);
        Assert.Equal("/Accounts/Login", refused.PathOf());
        Assert.Equal(PasswordLocked, refused.FieldError("Password"));
        await using var secondNode = platform.Factory.WithWebHostBuilder(_ => { });
        using var strangerOnSecondNode = new PlatformClient(secondNode.CreateClient(new() { AllowAutoRedirect = false })).ForwardedFor(Stranger);
        Assert.Equal(PasswordLocked, (await Applicants.LoginAsync(strangerOnSecondNode, officer.UserName, officer.Password)).FieldError("Password"));

        clock.Advance(TimeSpan.FromMinutes(29.5));
        Assert.Equal("密码连续输错次数过多，已暂停从当前网络登录该账号，请1分钟后再试。",
            (await Applicants.LoginAsync(stranger, officer.UserName, officer.Password)).FieldError("Password"));
        clock.Advance(TimeSpan.FromMinutes(0.5));
        Assert.Equal("/Accounts/SecondFactor", (await Applicants.LoginAsync(stranger, officer.UserName, officer.Password)).PathOf());
    }

    [Fact]
    public async Task Five_wrong_codes_lock_out_the_address_that_typed_them_and_not_the_owner()
    {
        platform.RequireAvailable();
        var officer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, "330106");
        using var stranger = platform.NewClient().ForwardedFor(Stranger);
        var second = await stranger.SubmitAsync(await PasswordThenSecondFactorAsync(stranger, officer), "发送验证码");
        var answers = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
            answers.Add((second = await EnterCodeAsync(stranger, second, "000000")).FieldError("Code"));

        using var owner = platform.NewClient().ForwardedFor(Owner);
        var ownSecond = await PasswordThenSecondFactorAsync(owner, officer);

        Assert.Equal([.. Enumerable.Range(1, 4).Select(n => $"验证码错误或已过期，再输错{5 - n}次将被锁定30分钟。"), CodeLocked], answers);
        var code = await OutboxReader.LatestSmsCodeAsync(platform, officer.Mobile);
        Assert.Equal(CodeLocked, (await EnterCodeAsync(stranger, second, code)).FieldError("Code"));
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(CodeLocked.Replace("30分钟", "29分钟"), (await stranger.SubmitAsync(second, "发送验证码")).FieldError("Code"));

        ownSecond = await owner.SubmitAsync(ownSecond, "发送验证码");
        Assert.Contains("验证码已发送", ownSecond.Text());
        code = await OutboxReader.LatestSmsCodeAsync(platform, officer.Mobile);
        Assert.Equal("/Police", (await EnterCodeAsync(owner, ownSecond, code)).PathOf());
    }

    [Fact]
    public async Task The_administrator_sees_the_lock_and_lifts_it_for_every_address()
    {
        platform.RequireAvailable();
        var officer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, "330106");
        using var stranger = platform.NewClient().ForwardedFor(Stranger);
        for (var attempt = 1; attempt <= 5; attempt++) await Applicants.LoginAsync(stranger, officer.UserName, WrongPassword);
        using var admin = await AdministratorAsync();

        var locked = await admin.GetAsync($"/Admin/PoliceUsers?Status=Locked&Keyword={officer.UserName}");
        Assert.Contains("已锁定", locked.QuerySelector($"tr[data-user-name='{officer.UserName}']")!.TextContent);
        var edit = await admin.GetAsync("/Admin/PoliceUsers/Edit/" + officer.UserId);
        Assert.Equal("已锁定", edit.QuerySelector("#police-user-status")!.TextContent);
        Assert.Contains("锁定至", edit.QuerySelector("#police-user-summary")!.TextContent);

        var unlocked = await admin.SubmitAsync(edit, "解除锁定");
        Assert.Contains("账号已解除锁定", unlocked.QuerySelector("#notice")!.TextContent);
        Assert.Equal("正常", unlocked.QuerySelector("#police-user-status")!.TextContent);
        Assert.Equal("/Accounts/SecondFactor", (await Applicants.LoginAsync(stranger, officer.UserName, officer.Password)).PathOf());
        Assert.True(await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords
            .AnyAsync(r => r.ObjectId == officer.UserId && r.Detail == officer.UserName + "：解除锁定")));
    }

    [Fact]
    public async Task Failures_at_the_same_moment_on_two_nodes_are_all_counted()
    {
        platform.RequireAvailable();
        var attempt = new SignInAttempt("?" + Guid.NewGuid().ToString("N"), Stranger, SignInStep.Password);
        await using var secondNode = platform.Factory.WithWebHostBuilder(_ => { });
        var results = await AtOnce.RunAsync([platform.Services, secondNode.Services, platform.Services, secondNode.Services, platform.Services, secondNode.Services],
            (services, _) => services.GetRequiredService<SignInThrottle>().FailedAsync(attempt));

        Assert.Equal([1, 2, 3, 4, 5, 5], results.Select(r => r.Count).Order());
        Assert.Equal(30, await platform.ScopedAsync(s => s.GetRequiredService<SignInThrottle>().MinutesLockedAsync(attempt)));
    }

    private async Task<string[]> WrongPasswordAnswersAsync(string login, string address)
    {
        using var client = platform.NewClient().ForwardedFor(address);
        var answers = new List<string>();
        for (var attempt = 1; attempt <= 6; attempt++)
            answers.Add((await Applicants.LoginAsync(client, login, WrongPassword)).FieldError("Password"));
        return [.. answers];
    }

    private static async Task<IHtmlDocument> PasswordThenSecondFactorAsync(PlatformClient client, StaffAccount officer)
    {
        var second = await Applicants.LoginAsync(client, officer.UserName, officer.Password);
        Assert.Equal("/Accounts/SecondFactor", second.PathOf());
        return second;
    }

    private static Task<IHtmlDocument> EnterCodeAsync(PlatformClient client, IHtmlDocument page, string code) =>
        client.SubmitAsync(page, "验证并登录", new Dictionary<string, string> { ["Code"] = code, ["Method"] = "Sms" });

    private async Task<PlatformClient> AdministratorAsync() =>
        await PoliceLogin.AsAsync(platform, await StaffAccounts.CreateAsync(platform, Roles.Administrator, null), landing: "/Admin");
}

public sealed class SignInLockoutTests_Sqlite(ProxiedClockedSqlitePlatform platform)
    : SignInLockoutTests(platform, platform.Clock), IClassFixture<ProxiedClockedSqlitePlatform>;

public sealed class SignInLockoutTests_Postgres(ProxiedClockedPostgresPlatform platform)
    : SignInLockoutTests(platform, platform.Clock), IClassFixture<ProxiedClockedPostgresPlatform>;
