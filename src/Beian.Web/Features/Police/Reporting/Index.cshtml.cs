using Beian.Core.Reporting;
using Beian.Web.Features.Reporting;
using Beian.Web.Features.Unfiled;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Reporting;

/// <summary>
/// 服务商上报 for the police of a jurisdiction: what providers and stores report there (per reporter, unfiled share),
/// the findings on filed sites for the reviewers to check (【已核实】), and the 未备案APP stores found. The 未备案网站
/// the providers found are listed with the imported ones under 未备案网站导入.
/// </summary>
public class IndexModel(Officers officers, ReportingOversight oversight) : PageModel
{
    public const int PageSize = 20;

    public const string FindingsTab = "findings";
    public const string AppsTab = "apps";
    public const string ReportersTab = "reporters";

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int OpenFindings { get; private set; }
    public IReadOnlyList<ReportFinding> Findings { get; private set; } = [];
    public IReadOnlyList<UnfiledApp> Apps { get; private set; } = [];
    public IReadOnlyList<ReporterShare> Providers { get; private set; } = [];
    public IReadOnlyList<ReporterShare> Stores { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        Tab = Tab is AppsTab or ReportersTab ? Tab : FindingsTab;
        OpenFindings = await oversight.OpenFindings(officer.UnitCode).CountAsync(cancellationToken);
        if (Tab == FindingsTab)
        {
            Total = OpenFindings;
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            Findings = await oversight.OpenFindings(officer.UnitCode).OrderByDescending(f => f.FoundAt)
                .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        }
        else if (Tab == AppsTab)
        {
            var apps = oversight.UnfiledApps(officer.UnitCode);
            Total = await apps.CountAsync(cancellationToken);
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            Apps = await apps.OrderByDescending(a => a.FoundAt).ThenBy(a => a.PackageName)
                .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        }
        else
        {
            Providers = await oversight.SharesAsync(officer.UnitCode, ReporterRole.ServiceProvider, cancellationToken);
            Stores = await oversight.SharesAsync(officer.UnitCode, ReporterRole.AppStore, cancellationToken);
        }
        return Page();
    }

    /// <summary>【已核实】: the finding closed with an optional note.</summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid findingId, [InputLimit(200)] string? note, CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        if (!await oversight.CloseFindingAsync(findingId, officer.UserId, officer.UnitCode, note, cancellationToken)) return NotFound();
        TempData["Notice"] = "已标记为已核实。";
        return RedirectToPage(new { tab = FindingsTab });
    }
}
