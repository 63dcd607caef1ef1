using Beian.Core.Content;
using Beian.Web.Data;
using Beian.Web.Features.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Admin.Content;

/// <summary>内容管理 → 下载中心: every file but the deleted, filtered by 状态; 发布, 取消发布 and 删除 from the list.</summary>
[Authorize(Policy = "Administrator")]
public class DownloadsModel(BeianDbContext db, DownloadService downloads) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public ContentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public IReadOnlyList<DownloadItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var query = db.DownloadItems.AsNoTracking().Where(d => d.Status != ContentStatus.Deleted);
        if (Status is ContentStatus.Draft or ContentStatus.Published) query = query.Where(d => d.Status == Status);
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Items = await query.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, int version) =>
        ActAsync(downloads.PublishAsync(id, version), "已发布，公众现在可以在下载中心下载。");

    public Task<IActionResult> OnPostUnpublishAsync(Guid id, int version) =>
        ActAsync(downloads.UnpublishAsync(id, version), "已取消发布，该文件回到草稿，公众不再能下载。");

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version) =>
        ActAsync(downloads.DeleteAsync(id, version), "已删除。");

    private async Task<IActionResult> ActAsync(Task<ContentOutcome> action, string done)
    {
        var outcome = await action;
        if (ContentOutcomeMessages.Of(outcome) is { } problem) Problem = "操作未完成：" + problem;
        else Notice = done;
        return RedirectToPage(new { Status, p = PageNumber });
    }
}
