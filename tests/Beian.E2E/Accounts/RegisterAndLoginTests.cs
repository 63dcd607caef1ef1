using System.Text.RegularExpressions;
using Beian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Beian.E2E.Accounts;

/// <summary>
/// The manual's first flow: a new user registers from the home page, then logs in.
/// Page contract: link 注册 on /; labels 用户名, 密码, 确认密码, 手机号码, 电子邮件, 验证码;
/// button 注册; then /Accounts/Login with a message containing 注册成功; labels 用户名/手机号,
/// 密码, 验证码; button 登录; afterwards the username and a button 退出 are shown.
/// </summary>
public sealed class RegisterAndLoginTests(PlatformServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private const string Password = "Beian#2026ok";

    [Fact]
    public async Task New_user_registers_from_the_home_page_and_logs_in()
    {
        var username = "e2e" + RandomChars("abcdefghijklmnopqrstuvwxyz0123456789", 8);
        var mobile = "139" + RandomChars("0123456789", 8);
        var email = username + "@example.com";

        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "注册", Exact = true }).ClickAsync();

        await Label("用户名").FillAsync(username);
        await Label("密码").FillAsync(Password);
        await Label("确认密码").FillAsync(Password);
        await Label("手机号码").FillAsync(mobile);
        await Label("电子邮件").FillAsync(email);
        await Label("验证码").FillAsync(PlatformServer.CaptchaAnswer);
        await ScreenshotAsync("1-register-filled");
        await Page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/Accounts/Login", RegexOptions.IgnoreCase));
        await Expect(Page.GetByText("注册成功").First).ToBeVisibleAsync();
        await ScreenshotAsync("2-registered");

        await Label("用户名/手机号").FillAsync(username);
        await Label("密码").FillAsync(Password);
        await Label("验证码").FillAsync(PlatformServer.CaptchaAnswer);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Expect(Page.Locator("body")).ToContainTextAsync(username);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true })).ToBeVisibleAsync();
    }

    private ILocator Label(string text) => Page.GetByLabel(text, new() { Exact = true });

    private static string RandomChars(string alphabet, int length) =>
        string.Create(length, alphabet, static (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[Random.Shared.Next(chars.Length)];
            }
        });
}
