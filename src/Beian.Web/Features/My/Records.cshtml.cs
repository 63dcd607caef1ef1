using System.Security.Claims;
using Beian.Web.Features.Filing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.My;

/// <summary>我的网站, 我的APP … (seed 004 §4.3): every record of a business of the account, with status and 公安备案号.</summary>
public class RecordsModel(BusinessPages pages) : PageModel
{
    public IBusiness Business { get; private set; } = null!;
    public IReadOnlyList<BusinessRecord> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string business)
    {
        if (pages.Businesses.BySegment(business) is not { } found) return NotFound();
        Business = found;
        Items = await pages.FilingOf(found).OfOwnerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, filedOnly: false);
        return Page();
    }
}
