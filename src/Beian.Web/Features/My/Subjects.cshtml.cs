using System.Security.Claims;
using Beian.Web.Data;
using Beian.Web.Features.Subjects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.My;

/// <summary>我的主体: the account's subjects, the current one marked; 【切换主体】 picks another.</summary>
public class SubjectsModel(BeianDbContext db, CurrentSubject current) : PageModel
{
    public IReadOnlyList<Subject> Items { get; private set; } = [];
    public Guid? CurrentId { get; private set; }

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Items = await db.Subjects.AsNoTracking().Where(s => s.OwnerUserId == userId)
            .OrderByDescending(s => s.CreatedAt).ToListAsync();
        CurrentId = (await current.GetAsync())?.Id;
    }

    public async Task<IActionResult> OnPostSwitchAsync(Guid id)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!await db.Subjects.AnyAsync(s => s.Id == id && s.OwnerUserId == userId)) return NotFound();
        current.Choose(id);
        TempData["Notice"] = "已切换当前主体。";
        return RedirectToPage();
    }
}
