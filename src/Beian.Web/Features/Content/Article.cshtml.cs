using Beian.Core.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Content;

/// <summary>One published article; its HTML was rendered and sanitised when it was saved.</summary>
[AllowAnonymous]
public class ArticleModel(ContentQueries queries) : PageModel
{
    public ContentKind Kind { get; private set; }
    public ContentItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string section, Guid id)
    {
        if (ContentKinds.FromSlug(section) is not { } kind) return NotFound();
        if (await queries.PublishedItemAsync(kind, id, HttpContext.RequestAborted) is not { } item) return NotFound();
        Kind = kind;
        Item = item;
        return Page();
    }
}
