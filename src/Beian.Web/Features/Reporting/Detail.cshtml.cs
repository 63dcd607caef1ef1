using System.Security.Claims;
using Beian.Core.Reporting;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Reporting;

/// <summary>
/// 我的服务商 / 我的应用市场 → 【详情】: the status and its application; once approved, 数据上报 (a template file, read in
/// the background, each report with its progress), the API keys (created, shown once, 【停用】) and 备案状态查询.
/// </summary>
[RequestSizeLimit(ReportFile.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportFile.MaxBytes + 1024 * 1024)]
public class DetailModel(ReporterService reporters, ReportIntake intake, BeianDbContext db) : PageModel
{
    public const int ReportsShown = 20;

    public Reporter Reporter { get; private set; } = null!;
    public ReporterForm Form { get; private set; } = null!;
    public IReadOnlyList<ServiceReport> Reports { get; private set; } = [];
    public IReadOnlyList<ReporterApiKey> Keys { get; private set; } = [];
    public Guid? ApplicationId { get; private set; }
    /// <summary>A key just created: shown on this response only, never again.</summary>
    public string? NewKey { get; private set; }

    [BindProperty]
    public ReportKind Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? KeyName { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private CancellationToken Aborted => HttpContext.RequestAborted;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await FindAsync(id)) return NotFound();
        Kind = Reporter.Role.Reports()[0];
        return await ShowAsync();
    }

    /// <summary>【上传】: the file checked at once (its template's header), then read in the background.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id)
    {
        ModelState.ClearBindingErrors(HttpContext);
        if (!await FindAsync(id)) return NotFound();
        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Upload), "请选择要上报的文件（CSV或Excel）");
            return await ShowAsync();
        }
        await using var content = Upload.OpenReadStream();
        var (accepted, error) = await intake.AcceptAsync(Reporter, Kind, ReportSource.File, Upload.FileName, content, UserId, null, Aborted);
        if (accepted == null)
        {
            ModelState.AddModelError(nameof(Upload), error!);
            return await ShowAsync();
        }
        TempData["Notice"] = accepted.Duplicate
            ? $"该文件与{Core.Time.BeijingTime.Format(accepted.Report.CreatedAt)}上报的文件内容相同，未重复处理。"
            : "文件已上传，正在后台处理，本页显示处理进度。";
        return RedirectToPage("/Reporting/Report", new { id = accepted.Report.Id });
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(Guid id)
    {
        ModelState.ClearBindingErrors(HttpContext);
        if (!await FindAsync(id)) return NotFound();
        var (key, error) = await reporters.CreateKeyAsync(Reporter, UserId, KeyName, Aborted);
        if (key == null)
        {
            ModelState.AddModelError(nameof(KeyName), error!);
            return await ShowAsync();
        }
        NewKey = key.Value;
        KeyName = null;
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(Guid id, Guid keyId)
    {
        if (await reporters.OwnedAsync(id, UserId, Aborted) is not { } reporter) return NotFound();
        if (!await reporters.RevokeKeyAsync(reporter, keyId, Aborted)) return NotFound();
        TempData["Notice"] = "API密钥已停用，使用该密钥的调用将被拒绝。";
        return RedirectToPage(new { id });
    }

    /// <summary>The account's reporter and its form, or false when it is not the account's.</summary>
    private async Task<bool> FindAsync(Guid id)
    {
        if (await reporters.OwnedAsync(id, UserId, Aborted) is not { } reporter) return false;
        Reporter = reporter;
        Form = reporters.Read(reporter);
        return true;
    }

    /// <summary>The page with what it lists: the newest reports, the keys and the latest application.</summary>
    private async Task<IActionResult> ShowAsync()
    {
        var id = Reporter.Id;
        Reports = await db.Set<ServiceReport>().AsNoTracking().Where(r => r.ReporterId == id)
            .OrderByDescending(r => r.CreatedAt).Take(ReportsShown).ToListAsync(Aborted);
        Keys = await reporters.KeysOfAsync(id, Aborted);
        ApplicationId = await db.Applications.AsNoTracking().Where(a => a.TargetId == id && a.OwnerUserId == Reporter.OwnerUserId)
            .OrderByDescending(a => a.SubmittedAt).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(Aborted);
        return Page();
    }
}
