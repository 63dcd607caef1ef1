using Beian.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Beian.Web.Features.Accounts;

/// <summary>
/// The minute-by-minute security-stamp check reads the account from the database. While the database
/// is down it can tell neither a valid session nor an ended one: the request goes on unauthenticated
/// and marked, and answers the 503 page (<see cref="DatabaseOutages.UseDatabaseOutageGate"/>). The
/// cookie stays, so the session goes on when the database is back, and is checked then.
/// </summary>
public sealed class OutageAwareSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<ApplicationUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<ApplicationUser>(options, signInManager, logger)
{
    public override Task ValidateAsync(CookieValidatePrincipalContext context) =>
        OutageAware.ValidateAsync(context, base.ValidateAsync);
}

/// <summary>The same for the cookie that carries a login between password and second factor.</summary>
public sealed class OutageAwareTwoFactorSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<ApplicationUser> signInManager, ILoggerFactory logger)
    : TwoFactorSecurityStampValidator<ApplicationUser>(options, signInManager, logger)
{
    public override Task ValidateAsync(CookieValidatePrincipalContext context) =>
        OutageAware.ValidateAsync(context, base.ValidateAsync);
}

internal static class OutageAware
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> validate)
    {
        try
        {
            await validate(context);
        }
        catch (Exception error) when (DatabaseOutages.IsOutage(error))
        {
            context.RejectPrincipal();
            DatabaseOutages.MarkUnavailable(context.HttpContext, error);
        }
    }
}
