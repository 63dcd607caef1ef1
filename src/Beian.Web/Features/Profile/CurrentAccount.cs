using Beian.Core.Accounts;
using Beian.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Profile;

/// <summary>A 个人中心 page: it always works on the signed-in account, never on one named in the request.</summary>
public abstract class AccountPageModel(UserManager<ApplicationUser> users) : PageModel
{
    protected UserManager<ApplicationUser> Users => users;

    public ApplicationUser Account { get; private set; } = null!;

    protected async Task<ApplicationUser> LoadAccountAsync()
    {
        Account = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        return Account;
    }

    public CreditStatus Credit => new(Account.MobileVerifiedAt != null, Account.EmailConfirmed, Account.IdentityVerifiedAt != null);
}
