using Microsoft.AspNetCore.Identity;

namespace Beian.Web.Features.Accounts;

/// <summary>
/// The SMS second factor of police and administrator logins: Identity's time-based code, bound to
/// the account's security stamp and its mobile number, and sent through the outbox.
/// </summary>
public sealed class SmsTwoFactorTokenProvider : TotpSecurityStampBasedTokenProvider<ApplicationUser>
{
    public const string ProviderName = "Sms";

    public override Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(!string.IsNullOrEmpty(user.MobileCipher));

    public override Task<string> GetUserModifierAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult($"Sms:{purpose}:{user.MobileHash}");
}
