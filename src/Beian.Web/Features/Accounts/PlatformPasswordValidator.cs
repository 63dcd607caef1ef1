using Beian.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Beian.Web.Features.Accounts;

/// <summary>Applies <see cref="PasswordPolicy"/> wherever Identity sets a password.</summary>
public sealed class PlatformPasswordValidator(PasswordPolicy policy) : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var problems = policy.Check(password, user.UserName);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "PasswordPolicy", Description = p }).ToArray()));
    }
}
