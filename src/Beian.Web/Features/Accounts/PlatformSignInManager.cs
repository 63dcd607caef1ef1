using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Beian.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in with one rule added: an account an administrator has 停用 (disabled) cannot
/// sign in by any path (password, second factor, external login), and a session it already has
/// ends at the next security-stamp check. A dedicated flag rather than a lockout to
/// DateTimeOffset.MaxValue: lockout belongs to failed attempts, and the administrator must be
/// able to tell 已停用 from 已锁定, lift one without touching the other, and the login page
/// must say which it is.
/// </summary>
public sealed class PlatformSignInManager(
    UserManager<ApplicationUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.DisabledAt == null && await base.CanSignInAsync(user);

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { DisabledAt: null } user ? user : null;
}
