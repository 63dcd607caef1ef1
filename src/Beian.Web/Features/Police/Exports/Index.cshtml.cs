using Beian.Core.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Police.Exports;

/// <summary>
/// 导出文件: the officer's own background exports with how far each is (a bar of rows written out of the
/// rows counted), 【下载】 once done and until it expires. The page reloads itself while one is being written.
/// Another officer's export is not found here, neither listed nor downloadable.
/// </summary>
public class IndexModel(Officers officers, BackgroundExportJobs jobs, PoliceExports exports, TimeProvider clock) : PageModel
{
    public const string Title = "导出文件";
    public const int RefreshSeconds = 3;

    [TempData]
    public string? Notice { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Highlight { get; set; }

    public IReadOnlyList<BackgroundExport> Exports { get; private set; } = [];
    public DateTime Now { get; private set; }

    /// <summary>While an export waits or is written, the page reloads to show its progress.</summary>
    public bool InProgress => Exports.Any(e => !e.IsExpired(Now) && e.Status is BackgroundExportStatus.Queued or BackgroundExportStatus.Running);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        Now = clock.GetUtcNow().UtcDateTime;
        Exports = await jobs.OfOfficerAsync(officer.UserId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        if (await jobs.OwnAsync(id, officer.UserId, cancellationToken) is not { } export) return NotFound();
        return await exports.DownloadAsync(Response, export, cancellationToken) ?? NotFound();
    }

    /// <summary>The status's colour: 等待导出 amber, 导出中 blue, 已完成 green, 导出失败 red, 已过期 grey.</summary>
    public string StatusClass(BackgroundExport export) => export.IsExpired(Now) ? "status-closed" : export.Status switch
    {
        BackgroundExportStatus.Queued => "status-pending",
        BackgroundExportStatus.Running => "status-reviewing",
        BackgroundExportStatus.Completed => "status-approved",
        _ => "status-returned",
    };
}
