using System.Security.Claims;
using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Drafts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.My;

/// <summary>我的草稿 (seed 004 §4.3.1).</summary>
public class DraftsModel(BeianDbContext db, DraftService drafts) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public BusinessType? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Draft> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [TempData]
    public string? Notice { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync()
    {
        var query = db.Drafts.AsNoTracking().Where(d => d.OwnerUserId == UserId);
        if (Type is { } type) query = query.Where(d => d.BusinessType == type);
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Items = await query.OrderByDescending(d => d.UpdatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (await drafts.DeleteAsync(id, UserId) > 0) Notice = "草稿已删除。";
        return RedirectToPage(new { Type });
    }
}
