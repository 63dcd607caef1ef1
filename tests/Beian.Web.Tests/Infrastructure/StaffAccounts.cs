using Beian.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Infrastructure;

public sealed record StaffAccount(string UserId, string UserName, string Password, string Mobile);

/// <summary>
/// Creates police and administrator accounts directly, with a known password and no forced change,
/// for tests that need a logged-in officer or administrator. The administrator's own way of creating
/// officers (民警账号管理: a generated password by SMS, changed at first login) is tested in
/// Admin/PoliceUserTests.
/// </summary>
public static class StaffAccounts
{
    public const string Password = "Police#Test2026";

    public static Task<StaffAccount> CreateAsync(PlatformFixture platform, string role, string? unitCode) =>
        platform.ScopedAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var accounts = services.GetRequiredService<AccountLookup>();
            var mobile = "137" + Random.Shared.NextInt64(10_000_000, 99_999_999);
            var user = new ApplicationUser
            {
                UserName = $"p{Guid.NewGuid():N}"[..16],
                Email = $"{Guid.NewGuid():N}@police.example",
                Kind = role == Roles.Administrator ? AccountKind.Administrator : AccountKind.Police,
                PoliceUnitCode = unitCode,
                TwoFactorEnabled = true,
                MobileVerifiedAt = DateTime.UtcNow,
                CreatedAt = DateTime.UtcNow,
            };
            accounts.SetMobile(user, mobile);
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            return new StaffAccount(user.Id, user.UserName!, Password, mobile);
        });
}
