using Beian.Core.Accounts;
using Beian.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Beian.Web.Features.Profile;

public class IndexModel(UserManager<ApplicationUser> users, AccountLookup accounts) : AccountPageModel(users)
{
    public string MaskedMobile { get; private set; } = string.Empty;

    public async Task OnGetAsync()
    {
        await LoadAccountAsync();
        MaskedMobile = MobileNumber.Mask(accounts.MobileOf(Account));
    }
}
