using System.Security.Claims;
using Beian.Web.Features.Subjects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.My;

/// <summary>我的主体 › 详情: read-only, with 【发起变更】 and 【注销】 for a valid subject.</summary>
public class SubjectDetailModel(SubjectService subjects) : PageModel
{
    public Subject Subject { get; private set; } = null!;
    public SubjectForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var subject = await subjects.OwnedAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (subject == null) return NotFound();
        Subject = subject;
        Form = subjects.Read(subject);
        return Page();
    }
}
