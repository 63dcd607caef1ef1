using Beian.Core.Content;
using Beian.Web.Data;
using Beian.Web.Features.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Admin.Content;

/// <summary>内容管理: every article but the deleted, filtered by 栏目, 状态 and title; 发布, 取消发布 and 删除 from the list.</summary>
[Authorize(Policy = "Administrator")]
public class IndexModel(BeianDbContext db, ContentService content) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public ContentKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public IReadOnlyList<ContentItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var query = db.ContentItems.AsNoTracking().Where(c => c.Status != ContentStatus.Deleted);
        if (Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (Status is ContentStatus.Draft or ContentStatus.Published) query = query.Where(c => c.Status == Status);
        if (!string.IsNullOrWhiteSpace(Keyword)) query = query.Where(c => c.Title.Contains(Keyword.Trim()));
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Items = await query.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, int version) =>
        ActAsync(content.PublishAsync(id, version), "已发布，公众现在可以在网站上看到。");

    public Task<IActionResult> OnPostUnpublishAsync(Guid id, int version) =>
        ActAsync(content.UnpublishAsync(id, version), "已取消发布，该内容回到草稿，公众不再能看到。");

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version) =>
        ActAsync(content.DeleteAsync(id, version), "已删除。");

    private async Task<IActionResult> ActAsync(Task<ContentOutcome> action, string done)
    {
        var outcome = await action;
        if (ContentOutcomeMessages.Of(outcome) is { } problem) Problem = "操作未完成：" + problem;
        else Notice = done;
        return RedirectToPage(new { Kind, Status, Keyword, p = PageNumber });
    }
}
