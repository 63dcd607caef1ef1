using Beian.Core.Reporting;
using Beian.Web.Data;
using Beian.Web.Features.Police.Statistics;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Features.Unfiled;
using Beian.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Reporting;

/// <summary>One reporter's share of unfiled entries within a jurisdiction.</summary>
public sealed record ReporterShare(Guid ReporterId, string Name, ReporterRole Role, ProviderServices Services, int Reported, int Unfiled)
{
    public double UnfiledPercent => Reported == 0 ? 0 : Math.Round(Unfiled * 100.0 / Reported, 1);
}

/// <summary>
/// 服务商业务 and 应用市场业务 as the police see them: per provider and per store how much of what they report in the
/// officer's jurisdiction is unfiled (统计分析 and its Excel), the findings for reviewers with 【已核实】, and 未备案APP.
/// An entry's filing state is the one of its last matching (when it was last reported with new content).
/// </summary>
public sealed class ReportingOversight(BeianDbContext db, ReportedCounts counts, TimeProvider clock) : IStatisticsSection
{
    /// <summary>Each reporter's share as its last completed report left it (<see cref="ReportedCounts"/>).</summary>
    public async Task<IReadOnlyList<ReporterShare>> SharesAsync(string officerUnitCode, ReporterRole role, CancellationToken cancellationToken)
    {
        var byReporter = await counts.InAsync(officerUnitCode, role, cancellationToken);
        var ids = byReporter.Keys.ToList();
        var reporters = await db.Set<Reporter>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        return reporters.Select(r => new ReporterShare(r.Id, r.Name, r.Role, r.Services, byReporter[r.Id].Reported, byReporter[r.Id].Unfiled))
            .OrderByDescending(s => s.Unfiled).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<StatisticsTable>> TablesAsync(string officerUnitCode, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var chart = new ChartSpec("bar", [new ChartSeries(2, StatisticsTables.Navy), new ChartSeries(3, StatisticsTables.OverdueRed)], Horizontal: true);
        var providers = await SharesAsync(officerUnitCode, ReporterRole.ServiceProvider, cancellationToken);
        var stores = await SharesAsync(officerUnitCode, ReporterRole.AppStore, cancellationToken);
        return
        [
            new("reporting-providers", "服务商上报网站备案情况", ["服务商", "服务类型", "上报网站数", "未备案", "未备案占比"],
                providers.Select(p => (IReadOnlyList<object?>)[p.Name, p.Services.Label(), p.Reported, p.Unfiled, $"{p.UnfiledPercent}%"]).ToList(), chart,
                "统计本辖区内服务商上报的网站（域名）；未备案以最近一次上报时的比对结果为准，不限日期。"),
            new("reporting-stores", "应用市场上报APP备案情况", ["应用市场", "上报APP数", "未备案", "未备案占比"],
                stores.Select(s => (IReadOnlyList<object?>)[s.Name, s.Reported, s.Unfiled, $"{s.UnfiledPercent}%"]).ToList(),
                new ChartSpec("bar", [new ChartSeries(1, StatisticsTables.Navy), new ChartSeries(2, StatisticsTables.OverdueRed)], Horizontal: true),
                "统计本辖区内应用市场上报的APP；未备案以最近一次上报时的比对结果为准，不限日期。"),
        ];
    }

    /// <summary>核查事项 newest first; within one report by domain, the id breaking a tie of the same domain.</summary>
    public static readonly KeysetOrder<ReportFinding> FindingOrder =
        KeysetOrder<ReportFinding>.By(f => f.FoundAt, descending: true).ThenBy(f => f.Domain).ThenBy(f => f.Id);

    /// <summary>未备案APP newest first; within one report by package name, the id breaking a tie of one package in two stores.</summary>
    public static readonly KeysetOrder<UnfiledApp> AppOrder =
        KeysetOrder<UnfiledApp>.By(a => a.FoundAt, descending: true).ThenBy(a => a.PackageName).ThenBy(a => a.Id);

    /// <summary>The findings not yet 已核实 (the rows of the partial indexes of open findings).</summary>
    public IQueryable<ReportFinding> OpenFindings(string officerUnitCode) =>
        db.Set<ReportFinding>().AsNoTracking().Where(f => f.ClosedAt == null).WithinUnit(officerUnitCode, f => f.UnitCode);

    public IQueryable<UnfiledApp> UnfiledApps(string officerUnitCode) =>
        db.Set<UnfiledApp>().AsNoTracking().WithinUnit(officerUnitCode, a => a.UnitCode);

    /// <summary>【已核实】: the finding closed with the officer's note; false when it is not one of the officer's jurisdiction or already closed.</summary>
    public async Task<bool> CloseFindingAsync(Guid id, string officerUserId, string officerUnitCode, string? note, CancellationToken cancellationToken)
    {
        var finding = await db.Set<ReportFinding>().Where(f => f.Id == id && f.ClosedAt == null)
            .WithinUnit(officerUnitCode, f => f.UnitCode).FirstOrDefaultAsync(cancellationToken);
        if (finding == null) return false;
        finding.ClosedAt = clock.GetUtcNow().UtcDateTime;
        finding.ClosedByUserId = officerUserId;
        finding.ClosingNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(200, note.Trim().Length)];
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
