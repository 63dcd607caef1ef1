using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Features.Police.Statistics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>
/// 统计分析: applications per day, by 审核状态, by 业务类型 and by subordinate unit, review times in
/// working days and the overdue count of the officer's jurisdiction, each chart over the table of
/// its numbers; 【导出Excel】 writes the same tables, one sheet each.
/// </summary>
public class StatisticsModel(UserManager<ApplicationUser> users, BeianDbContext db, ReviewStatistics statistics, ReviewDeadlines deadlines,
    IEnumerable<IStatisticsSection> sections) : PageModel
{
    public const string Title = "统计分析";

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public BusinessType? Type { get; set; }

    public string UnitName { get; private set; } = string.Empty;
    public StatisticsReport? Report { get; private set; }
    public IReadOnlyList<StatisticsTable> Tables { get; private set; } = [];

    public string? ExportHref => Report is { } report
        ? Url.Page("/Police/Statistics", "Export", new { from = report.Filter.From.ToString("yyyy-MM-dd"), to = report.Filter.To.ToString("yyyy-MM-dd"), type = Type })
        : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal) return refusal;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal) return refusal;
        if (Report == null) return Page();
        return await ExcelExport.DownloadAsync(Response, Title, deadlines.Today, Tables.Select(t => t.ToSheet()).ToList(), cancellationToken);
    }

    /// <summary>Null when the report (or the filter errors) is ready to show; otherwise the refusal.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var officer = await users.GetUserAsync(User);
        if (officer?.PoliceUnitCode is not { } unitCode) return Forbid();
        UnitName = await db.PoliceUnits.AsNoTracking().Where(u => u.Code == unitCode).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken)
                   ?? unitCode;
        if (!ModelState.IsValid) return null;

        var defaults = StatisticsFilter.LastDays(deadlines.Today);
        var filter = new StatisticsFilter(From ?? defaults.From, To ?? defaults.To, Type);
        if (filter.To < filter.From) ModelState.AddModelError(nameof(To), "结束日期不能早于开始日期");
        else if (filter.Days > StatisticsFilter.MaxDays) ModelState.AddModelError(nameof(To), $"统计区间不能超过{StatisticsFilter.MaxDays}天");
        if (!ModelState.IsValid) return null;

        (From, To) = (filter.From, filter.To);
        Report = await statistics.ForUnitAsync(unitCode, filter, cancellationToken);
        var tables = StatisticsTables.All(Report, UnitName).ToList();
        foreach (var section in sections) tables.AddRange(await section.TablesAsync(unitCode, filter, cancellationToken));
        Tables = tables;
        return null;
    }
}
