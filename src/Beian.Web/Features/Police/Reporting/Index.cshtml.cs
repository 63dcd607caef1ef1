using Beian.Core.Reporting;
using Beian.Web.Features.Reporting;
using Beian.Web.Features.Unfiled;
using Beian.Web.Infrastructure.Input;
using Beian.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Reporting;

/// <summary>
/// 服务商上报 for the police of a jurisdiction: what providers and stores report there (per reporter, unfiled share),
/// the findings on filed sites for the reviewers to check (【已核实】), and the 未备案APP stores found, each on keyset
/// pages (a cursor is of its tab's list: the tabs' links start at 首页). The 未备案网站 the providers found are listed
/// with the imported ones under 未备案网站导入.
/// </summary>
public class IndexModel(Officers officers, ReportingOversight oversight, IConfiguration configuration) : PageModel
{
    public const int PageSize = 20;

    public const string FindingsTab = "findings";
    public const string AppsTab = "apps";
    public const string ReportersTab = "reporters";

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    /// <summary>The page shown (<see cref="KeysetPaging"/>) of the tab's list: none for the first.</summary>
    [BindProperty(SupportsGet = true, Name = KeysetPaging.QueryKey)]
    public string? Cursor { get; set; }

    /// <summary>The open findings, counted for the tab's label whichever tab is shown.</summary>
    public BoundedCount OpenFindings { get; private set; } = new(0, 0);
    public BoundedCount AppTotal { get; private set; } = new(0, 0);
    public (string? Previous, string? Next) Pager { get; private set; }
    public IReadOnlyList<ReportFinding> Findings { get; private set; } = [];
    public IReadOnlyList<UnfiledApp> Apps { get; private set; } = [];
    public IReadOnlyList<ReporterShare> Providers { get; private set; } = [];
    public IReadOnlyList<ReporterShare> Stores { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        Tab = Tab is AppsTab or ReportersTab ? Tab : FindingsTab;
        var bound = BoundedCount.BoundOf(configuration);
        var findings = oversight.OpenFindings(officer.UnitCode);
        OpenFindings = await findings.CountUpToAsync(bound, cancellationToken);
        if (Tab == FindingsTab)
        {
            var page = await findings.PageAsync(ReportingOversight.FindingOrder, Cursor, PageSize, cancellationToken);
            (Findings, Pager) = (page.Rows, (page.Previous, page.Next));
        }
        else if (Tab == AppsTab)
        {
            var apps = oversight.UnfiledApps(officer.UnitCode);
            AppTotal = await apps.CountUpToAsync(bound, cancellationToken);
            var page = await apps.PageAsync(ReportingOversight.AppOrder, Cursor, PageSize, cancellationToken);
            (Apps, Pager) = (page.Rows, (page.Previous, page.Next));
        }
        else
        {
            Providers = await oversight.SharesAsync(officer.UnitCode, ReporterRole.ServiceProvider, cancellationToken);
            Stores = await oversight.SharesAsync(officer.UnitCode, ReporterRole.AppStore, cancellationToken);
        }
        return Page();
    }

    /// <summary>【已核实】: the finding closed with an optional note; back to the page it was on (<see cref="Cursor"/>).</summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid findingId, [InputLimit(200)] string? note, CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        if (!await oversight.CloseFindingAsync(findingId, officer.UserId, officer.UnitCode, note, cancellationToken)) return NotFound();
        TempData["Notice"] = "已标记为已核实。";
        return RedirectToPage(new { tab = FindingsTab, cursor = Cursor });
    }
}
