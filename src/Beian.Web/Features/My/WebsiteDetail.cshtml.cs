using System.Security.Claims;
using Beian.Core.Numbering;
using Beian.Web.Data;
using Beian.Web.Features.Badges;
using Beian.Web.Features.Websites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.My;

/// <summary>
/// 已备案网站 详情 (seed 003): the 公安备案号 with 【点击复制备案号】, the badge to download and the
/// HTML code for the site's footer, linking to this platform's public record of the number.
/// </summary>
public class WebsiteDetailModel(BeianDbContext db, WebsiteService websites) : PageModel
{
    public Website Website { get; private set; } = null!;
    public WebsiteForm Form { get; private set; } = null!;
    public FilingNumberPanel? NumberPanel { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var website = await db.Websites.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.OwnerUserId == userId);
        if (website == null) return NotFound();
        Website = website;
        Form = websites.Read(website);
        if (website.NumberDigits != null && PublicSecurityNumber.TryParse(website.NumberDisplay, out var number, out _))
        {
            var origin = FilingNumberPanel.OriginOf(Request);
            NumberPanel = new FilingNumberPanel(number, $"{origin}/Public/Record/{number.Digits}");
        }
        return Page();
    }
}
