using AngleSharp.Dom;
using Beian.Web.Features.Accounts;
using Beian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Beian.Web.Tests.Accounts;

/// <summary>Police and administrator logins need a second factor: an SMS code or a TOTP code.</summary>
public abstract class SecondFactorTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_reviewer_needs_the_sms_code_after_the_password()
    {
        platform.RequireAvailable();
        var reviewer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, "330106");
        using var client = platform.NewClient();

        var second = await Applicants.LoginAsync(client, reviewer.UserName, reviewer.Password);
        Assert.Equal("/Accounts/SecondFactor", second.PathOf());
        var blocked = await client.GetAsync("/Police");
        Assert.Equal("/Accounts/Login", blocked.PathOf());

        second = await client.GetAsync("/Accounts/SecondFactor");
        second = await client.SubmitAsync(second, "发送验证码");
        Assert.Contains("验证码已发送", second.Text());
        var wrong = await client.SubmitAsync(second, "验证并登录", new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.Contains("验证码错误", wrong.FieldError("Code"));

        var code = await OutboxReader.LatestSmsCodeAsync(platform, reviewer.Mobile);
        var workbench = await client.SubmitAsync(wrong, "验证并登录", new Dictionary<string, string> { ["Code"] = code, ["Method"] = "Sms" });
        Assert.Equal("/Police", workbench.PathOf());
        Assert.Contains("工作台", workbench.Text());
    }

    [Fact]
    public async Task An_administrator_can_use_an_authenticator_app_instead_of_sms()
    {
        platform.RequireAvailable();
        var admin = await StaffAccounts.CreateAsync(platform, Roles.Administrator, null);
        var key = await platform.ScopedAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(admin.UserId))!;
            await users.ResetAuthenticatorKeyAsync(user);
            user.AuthenticatorConfirmedAt = DateTime.UtcNow;
            await users.UpdateAsync(user);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });

        using var client = platform.NewClient();
        var second = await Applicants.LoginAsync(client, admin.UserName, admin.Password);
        Assert.Contains("动态口令", second.Text());
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var home = await client.SubmitAsync(second, "验证并登录", new Dictionary<string, string> { ["Code"] = code, ["Method"] = "Authenticator" });
        Assert.Equal("/Admin", home.PathOf());
    }

    [Fact]
    public async Task An_applicant_cannot_open_police_or_administrator_pages()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        foreach (var path in new[] { "/Police", "/Admin", "/Admin/Units" })
        {
            var page = await client.GetAsync(path);
            Assert.Equal("/Accounts/AccessDenied", page.PathOf());
        }
    }
}

public sealed class SecondFactorTests_Sqlite(SqlitePlatform platform) : SecondFactorTests(platform), IClassFixture<SqlitePlatform>;

public sealed class SecondFactorTests_Postgres(PostgresPlatform platform) : SecondFactorTests(platform), IClassFixture<PostgresPlatform>;
