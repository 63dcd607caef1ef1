using Beian.Core.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Content;

/// <summary>The list of one public 栏目 (通知公告, 备案须知, 政策法规, 常见问题): published items, pinned first, newest first, paged.</summary>
[AllowAnonymous]
public class SectionModel(ContentQueries queries) : PageModel
{
    public ContentKind Kind { get; private set; }
    public Paged<ContentRow> Items { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(string section)
    {
        if (ContentKinds.FromSlug(section) is not { } kind) return NotFound();
        Kind = kind;
        Items = await queries.PublishedAsync(kind, PageNumber, HttpContext.RequestAborted);
        return Page();
    }
}
