using System.Security.Claims;
using Beian.Web.Data;
using Beian.Web.Features.Websites;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.My;

/// <summary>我的网站: every website of the account with its status and 公安备案号.</summary>
public class WebsitesModel(BeianDbContext db) : PageModel
{
    public IReadOnlyList<Website> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Items = await db.Websites.AsNoTracking().Where(w => w.OwnerUserId == userId)
            .OrderByDescending(w => w.CreatedAt).ToListAsync();
    }
}
