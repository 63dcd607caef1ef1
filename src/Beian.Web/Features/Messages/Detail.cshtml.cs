using System.Security.Claims;
using Beian.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Messages;

/// <summary>One site message; opening it marks it 已读. Another account's message is a 404.</summary>
public class DetailModel(BeianDbContext db, TimeProvider clock) : PageModel
{
    public SiteMessage Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var message = await db.SiteMessages.FirstOrDefaultAsync(m => m.Id == id && m.UserId == userId);
        if (message == null) return NotFound();
        if (message.ReadAt == null)
        {
            message.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        Message = message;
        return Page();
    }
}
