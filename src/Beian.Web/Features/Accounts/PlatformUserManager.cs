using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Beian.Web.Features.Accounts;

/// <summary>
/// Identity's user manager without Identity's own lockout count. That count is one per account, so
/// five wrong passwords or codes from anyone locked the account for everyone, the owner included;
/// Identity records a wrong second-factor code there whatever the caller asks. Failures are counted
/// per account and client address by <see cref="SignInThrottle"/> instead.
/// </summary>
public sealed class PlatformUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override Task<IdentityResult> AccessFailedAsync(ApplicationUser user) => Task.FromResult(IdentityResult.Success);
}
