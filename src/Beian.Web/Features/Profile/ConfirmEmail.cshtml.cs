using Beian.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Profile;

/// <summary>
/// The link in a verification email. It may be opened in a browser that is not signed in, so the
/// signed token (not the session) proves who it is for. It serves 邮箱验证 and the change of email.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public bool Succeeded { get; private set; }

    public async Task OnGetAsync(string? userId, string? token, string? email)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user == null || string.IsNullOrEmpty(token)) return;
        var result = string.IsNullOrEmpty(email)
            ? await users.ConfirmEmailAsync(user, token)
            : await users.ChangeEmailAsync(user, email, token);
        if (!result.Succeeded) return;
        user.EmailVerifiedAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        Succeeded = true;
    }
}
