using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Showcase;

/// <summary>备案展厅: the newest filed websites, each linking to the public record of its number.</summary>
[AllowAnonymous]
public class IndexModel(ShowcaseList showcase) : PageModel
{
    public IReadOnlyList<ShowcaseRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await showcase.NewestAsync(HttpContext.RequestAborted);
}
