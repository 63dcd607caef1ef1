using System.Security.Claims;
using Beian.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Messages;

/// <summary>系统通知: the signed-in account's site messages, 未读 / 已读.</summary>
public class IndexModel(BeianDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SiteMessage> Messages { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync()
    {
        var query = db.SiteMessages.AsNoTracking().Where(m => m.UserId == UserId);
        query = Filter switch
        {
            "unread" => query.Where(m => m.ReadAt == null),
            "read" => query.Where(m => m.ReadAt != null),
            _ => query,
        };
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Messages = await query.OrderByDescending(m => m.CreatedAt)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SiteMessages.Where(m => m.UserId == UserId && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now));
        return RedirectToPage(new { Filter });
    }
}
