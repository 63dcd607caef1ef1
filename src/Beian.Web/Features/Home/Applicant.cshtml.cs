using Beian.Web.Features.Accounts;
using Beian.Web.Features.Messages;
using Beian.Web.Features.Profile;
using Microsoft.AspNetCore.Identity;

namespace Beian.Web.Features.Home;

/// <summary>主页 of an applicant after login.</summary>
public class ApplicantModel(UserManager<ApplicationUser> users, SiteMessageQueries messages) : AccountPageModel(users)
{
    public SiteMessage? NewestUnread { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAccountAsync();
        NewestUnread = await messages.NewestUnreadAsync(Account.Id);
    }
}
