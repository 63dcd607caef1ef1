using System.Text.RegularExpressions;
using Beian.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beian.E2E.Infrastructure;

/// <summary>A police or administrator account made for a browser test, and its login with the SMS second factor.</summary>
public sealed record StaffLogin(string UserName, string Password, string Mobile);

public static partial class StaffBrowser
{
    public const string Password = "Police#E2E2026";

    /// <summary>An account as 民警账号管理 makes one, created directly so the test starts at the login.</summary>
    public static async Task<StaffLogin> CreateAsync(PlatformServer server, string role, string? unit, string? displayName = null)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var mobile = "137" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        var user = new ApplicationUser
        {
            UserName = $"s{Guid.NewGuid():N}"[..12],
            Email = $"{Guid.NewGuid():N}@police.example",
            Kind = role == Roles.Administrator ? AccountKind.Administrator : AccountKind.Police,
            PoliceUnitCode = unit,
            DisplayName = displayName,
            TwoFactorEnabled = true,
            MobileVerifiedAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
        };
        scope.ServiceProvider.GetRequiredService<AccountLookup>().SetMobile(user, mobile);
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return new StaffLogin(user.UserName, Password, mobile);
    }

    /// <summary>【登录】, then 【发送验证码】 and the code read at /dev/outbox in a second tab, then 【验证并登录】.</summary>
    public static async Task LogInAsync(IPage page, StaffLogin staff, string landing)
    {
        await page.GotoAsync("/Accounts/Login");
        await page.GetByLabel("用户名/手机号", new() { Exact = true }).FillAsync(staff.UserName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(staff.Password);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PlatformServer.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Accounts/SecondFactor", RegexOptions.IgnoreCase));
        await page.GetByRole(AriaRole.Button, new() { Name = "发送验证码", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("验证码已发送").First).ToBeVisibleAsync();
        var code = SixDigits().Match(await OutboxBodyAsync(page, staff.Mobile)).Value;
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(landing) + "$", RegexOptions.IgnoreCase));
    }

    /// <summary>The newest message to a number or address, read at /dev/outbox in a second tab as a tester would.</summary>
    public static async Task<string> OutboxBodyAsync(IPage page, string recipient)
    {
        var outbox = await page.Context.NewPageAsync();
        await outbox.GotoAsync("/dev/outbox");
        var body = await outbox.Locator($"tr.outbox-message[data-recipient='{recipient}'] .outbox-body").First.TextContentAsync();
        await outbox.CloseAsync();
        return body ?? string.Empty;
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
