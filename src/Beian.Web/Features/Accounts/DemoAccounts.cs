using Beian.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Beian.Web.Features.Accounts;

/// <summary>
/// The demo accounts of Development mode (listed in README.md). Never created in Production.
/// Police and administrator logins need the SMS second factor: the code appears at /dev/outbox.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Beian#2026";

    public static readonly DemoAccount[] All =
    [
        new("applicant", "13812340001", "applicant@demo.beian.example", AccountKind.Applicant, Roles.Applicant, null, null),
        new("reviewer330106", "13812340002", "reviewer330106@demo.beian.example", AccountKind.Police, Roles.Reviewer, "330106", "西湖区网安大队审核民警"),
        new("supervisor330100", "13812340003", "supervisor330100@demo.beian.example", AccountKind.Police, Roles.Supervisor, "330100", "杭州市网安支队督导民警"),
        new("admin", "13812340004", "admin@demo.beian.example", AccountKind.Administrator, Roles.Administrator, null, "平台管理员"),
        // The owner and the reviewer of the demo filed websites (Features/Demo/DemoFilings).
        new("siteowner", "13812340005", "siteowner@demo.beian.example", AccountKind.Applicant, Roles.Applicant, null, null),
        new("reviewer330203", "13812340006", "reviewer330203@demo.beian.example", AccountKind.Police, Roles.Reviewer, "330203", "海曙区网安大队审核民警"),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var accounts = services.GetRequiredService<AccountLookup>();
        var clock = services.GetRequiredService<TimeProvider>();
        foreach (var demo in All)
        {
            if (await users.FindByNameAsync(demo.UserName) != null) continue;
            var now = clock.GetUtcNow().UtcDateTime;
            var user = new ApplicationUser
            {
                UserName = demo.UserName,
                Email = demo.Email,
                EmailConfirmed = true,
                EmailVerifiedAt = now,
                MobileVerifiedAt = now,
                Kind = demo.Kind,
                PoliceUnitCode = demo.PoliceUnitCode,
                DisplayName = demo.DisplayName,
                TwoFactorEnabled = demo.Kind != AccountKind.Applicant,
                CreatedAt = now,
            };
            accounts.SetMobile(user, demo.Mobile);
            var created = await users.CreateAsync(user, Password);
            if (created.Succeeded)
                await users.AddToRoleAsync(user, demo.Role);
        }
    }
}

public sealed record DemoAccount(
    string UserName, string Mobile, string Email, AccountKind Kind, string Role, string? PoliceUnitCode, string? DisplayName);
