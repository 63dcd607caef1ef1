using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Beian.Web.Features.Accounts;

/// <summary>
/// Puts <see cref="ApplicationUser.MustChangePassword"/> into the sign-in cookie as a claim, so
/// that <see cref="PasswordChangeRequiredFilter"/> needs no database read per request. Changing
/// the password refreshes the sign-in, which drops the claim.
/// </summary>
public sealed class PlatformClaimsPrincipalFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePasswordClaim = "beian:must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword) identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        return identity;
    }
}

/// <summary>
/// An account whose password came from an administrator (new officer, 重置密码) reaches no page
/// but 修改密码 until it has chosen its own; logging out and the error pages stay open.
/// </summary>
public sealed class PasswordChangeRequiredFilter : IAsyncPageFilter
{
    public const string ChangePasswordPage = "/Profile/ChangePassword";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.HasClaim(PlatformClaimsPrincipalFactory.MustChangePasswordClaim, "true")
            && !IsOpen(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectToPageResult(ChangePasswordPage);
            return;
        }
        await next();
    }

    private static bool IsOpen(string page) =>
        page == ChangePasswordPage
        || page.StartsWith("/Accounts/", StringComparison.Ordinal)
        || page.StartsWith("/Operations/", StringComparison.Ordinal)
        || page.StartsWith("/Dev/", StringComparison.Ordinal);
}
