using Beian.Web.Features.Content;
using Beian.Web.Features.Showcase;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Home;

/// <summary>The portal's home page: 【公共查询】, the 备案流程 and the newest of every public 栏目 and of the 备案展厅 (both cached briefly).</summary>
[AllowAnonymous]
public class IndexModel(ContentQueries content, ShowcaseList showcase) : PageModel
{
    public const int PerPanel = 6;
    public const int ShowcaseRows = 12;

    public HomeContent Panels { get; private set; } = null!;
    public IReadOnlyList<ShowcaseRow> Showcase { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Panels = await content.HomeAsync(PerPanel, HttpContext.RequestAborted);
        Showcase = (await showcase.NewestAsync(HttpContext.RequestAborted)).Take(ShowcaseRows).ToList();
    }
}
