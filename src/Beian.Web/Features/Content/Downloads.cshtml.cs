using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Content;

/// <summary>下载中心: the published files, newest first, each downloaded as an attachment without login.</summary>
[AllowAnonymous]
public class DownloadsModel(ContentQueries queries) : PageModel
{
    public Paged<DownloadRow> Items { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync() => Items = await queries.PublishedDownloadsAsync(PageNumber, HttpContext.RequestAborted);
}
