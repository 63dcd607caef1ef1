using Beian.Web.Features.Accounts;
using Beian.Web.Features.Profile;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Subjects;

/// <summary>接收主体 (seed 004 §4.1.5): subjects sent to this account's verified mobile and 实名 ID.</summary>
public class ReceiveModel(UserManager<ApplicationUser> users, SubjectTransferService transfers) : AccountPageModel(users)
{
    public IReadOnlyList<(SubjectTransfer Transfer, Subject Subject)> Offers { get; private set; } = [];

    public bool CanReceive => Account.MobileVerifiedAt != null && Account.IdNumberHash != null;

    public async Task OnGetAsync()
    {
        await LoadAccountAsync();
        Offers = await transfers.OffersForAsync(Account);
    }

    public async Task<IActionResult> OnPostAsync(Guid transfer)
    {
        await LoadAccountAsync();
        var refusal = await transfers.ReceiveAsync(transfer, Account);
        if (refusal != null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            Offers = await transfers.OffersForAsync(Account);
            return Page();
        }
        TempData["Notice"] = "主体已接收。";
        return RedirectToPage("/My/Subjects");
    }
}
