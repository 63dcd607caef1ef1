using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Core.PoliceUnits;
using Beian.Core.Statistics;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.PoliceUnits;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>统计分析 over Beijing dates <see cref="From"/>–<see cref="To"/> (both included), optionally of one 业务类型.</summary>
public sealed record StatisticsFilter(DateOnly From, DateOnly To, BusinessType? Type)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public static StatisticsFilter LastDays(DateOnly today, BusinessType? type = null) => new(today.AddDays(1 - DefaultDays), today, type);

    public int Days => To.DayNumber - From.DayNumber + 1;
    public DateTime FromUtc => BeijingTime.StartOfDayUtc(From);
    public DateTime ToUtcExclusive => BeijingTime.StartOfDayUtc(To.AddDays(1));
}

public sealed record DailyCount(DateOnly Day, int Count);

/// <summary>
/// One row of the subordinate-unit breakdown: a direct child of the officer's unit with everything
/// below it, or the officer's unit itself for what it receives directly.
/// </summary>
public sealed record UnitStatistics(
    string Code, string Name, bool IsOwnUnit, IReadOnlyDictionary<ApplicationStatus, int> ByStatus, AverageReviewTime ReviewTimes, int Overdue)
{
    public int Submitted => ByStatus.Values.Sum();
    public int Count(ApplicationStatus status) => ByStatus.GetValueOrDefault(status);
    public int Open => Count(ApplicationStatus.Pending) + Count(ApplicationStatus.InReview) + Count(ApplicationStatus.Inspecting);
}

/// <summary>
/// What the dashboard shows. Counts are of the applications submitted in the period (by their
/// status now); review times are of the decisions made in the period; the overdue count is of
/// today's open applications whatever their submission date, as on the queue.
/// </summary>
public sealed record StatisticsReport(
    StatisticsFilter Filter,
    IReadOnlyList<DailyCount> Daily,
    IReadOnlyDictionary<ApplicationStatus, int> ByStatus,
    IReadOnlyDictionary<BusinessType, int> ByType,
    IReadOnlyList<UnitStatistics> ByUnit,
    ReviewTimes ReviewTimes,
    int Overdue)
{
    public int Submitted => ByStatus.Values.Sum();
}

/// <summary>
/// 统计分析 of an officer's jurisdiction (SPEC §9): the unit's own applications and, for a city,
/// province or the ministry, every unit below it, per branch: each direct child of the unit with everything below it,
/// and the unit itself. The numbers come from the kept counts (<see cref="KeptReviewFigures"/>) once they are ready,
/// else from the applications (<see cref="RecountedReviewFigures"/>); the overdue count is always a query of today's
/// open applications. Like the queue it leaves 新增主体 out: a subject is reviewed together with its first business.
/// </summary>
public sealed class ReviewStatistics(BeianDbContext db, ReviewDeadlines deadlines, Calendar.HolidayCalendars calendars)
{
    /// <summary>The business types the statistics count, in the order of the 业务类型 filter.</summary>
    public static IReadOnlyList<BusinessType> Types { get; } =
        BusinessTypeLabels.All.Keys.Where(t => t != BusinessType.NewSubject).ToList();

    public async Task<StatisticsReport> ForUnitAsync(string unitCode, StatisticsFilter filter, CancellationToken cancellationToken = default) =>
        await db.ReviewCountsReady.AnyAsync(ReviewCountsReady.IsCurrent, cancellationToken)
            ? await KeptAsync(unitCode, filter, cancellationToken)
            : await RecountAsync(unitCode, filter, cancellationToken);

    /// <summary>The report from the kept counts, ready or not.</summary>
    internal Task<StatisticsReport> KeptAsync(string unitCode, StatisticsFilter filter, CancellationToken cancellationToken = default) =>
        ReportAsync(unitCode, filter, new KeptReviewFigures(db), cancellationToken);

    /// <summary>The report counted from the applications themselves, as before the counts were kept.</summary>
    internal Task<StatisticsReport> RecountAsync(string unitCode, StatisticsFilter filter, CancellationToken cancellationToken = default) =>
        ReportAsync(unitCode, filter, new RecountedReviewFigures(db), cancellationToken);

    private async Task<StatisticsReport> ReportAsync(string unitCode, StatisticsFilter filter, IReviewFigureSource source,
        CancellationToken cancellationToken)
    {
        var branches = await BranchesAsync(unitCode, cancellationToken);
        var calculator = calendars.Current;
        var figures = await source.ReadAsync(unitCode, branches.Select(b => b.Code).ToList(), filter, calculator, cancellationToken);
        var overdue = await OverdueAsync(unitCode, cancellationToken);

        var byUnit = branches
            .Select(branch => new UnitStatistics(branch.Code, branch.Name, branch.Code == unitCode,
                Statuses(figures.ByBranchAndStatus.Where(r => r.Branch == branch.Code).Select(r => (r.Status, r.Count))),
                figures.DecidedByBranch.GetValueOrDefault(branch.Code, AverageReviewTime.None),
                overdue.GetValueOrDefault(branch.Code)))
            // The officer's own row only when it has something of its own, unless it is the only row (a county).
            .Where(row => !row.IsOwnUnit || branches.Count == 1 || row.Submitted > 0 || row.ReviewTimes.Decided > 0 || row.Overdue > 0)
            .ToList();

        var countsByDay = figures.ByDay.ToDictionary(d => d.Day, d => d.Count);
        return new StatisticsReport(
            filter,
            Enumerable.Range(0, filter.Days).Select(i => filter.From.AddDays(i))
                .Select(day => new DailyCount(day, countsByDay.GetValueOrDefault(day))).ToList(),
            Statuses(figures.ByBranchAndStatus.Select(r => (r.Status, r.Count))),
            Types.ToDictionary(t => t, t => figures.ByType.Where(p => p.Type == t).Sum(p => p.Count)),
            byUnit,
            ReviewTimes.Of(figures.DecisionTimes),
            overdue.Values.Sum());
    }

    /// <summary>Today's open applications past their due date, by branch; few, and found through the open applications' index.</summary>
    private async Task<Dictionary<string, int>> OverdueAsync(string unitCode, CancellationToken cancellationToken)
    {
        var scope = PoliceJurisdiction.CodesWithin(unitCode);
        var applications = db.Applications.AsNoTracking().Where(a => a.BusinessType != BusinessType.NewSubject);
        if (scope != null) applications = applications.Where(a => scope.Contains(a.JurisdictionUnitCode));
        var overdue = await applications
            .Where(await deadlines.OverdueFilterAsync(scope, cancellationToken))
            .GroupBy(a => a.JurisdictionUnitCode)
            .Select(g => new { JurisdictionUnitCode = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return overdue.GroupBy(o => BranchOf(o.JurisdictionUnitCode, unitCode)).ToDictionary(g => g.Key, g => g.Sum(o => o.Count));
    }

    private static IReadOnlyDictionary<ApplicationStatus, int> Statuses(IEnumerable<(ApplicationStatus Status, int Count)> counts)
    {
        var list = counts.ToList();
        return Enum.GetValues<ApplicationStatus>().ToDictionary(s => s, s => list.Where(c => c.Status == s).Sum(c => c.Count));
    }

    /// <summary>The rows of the unit breakdown: the direct children, then the unit itself; a county alone is its own row.</summary>
    private async Task<List<(string Code, string Name)>> BranchesAsync(string unitCode, CancellationToken cancellationToken)
    {
        var units = await db.PoliceUnits.AsNoTracking()
            .Where(u => u.ParentCode == unitCode || u.Code == unitCode)
            .OrderBy(u => u.Code)
            .Select(u => new { u.Code, u.Name, u.ParentCode })
            .ToListAsync(cancellationToken);
        return units.Where(u => u.Code != unitCode).Select(u => (u.Code, u.Name))
            .Concat(units.Where(u => u.Code == unitCode).Select(u => (u.Code, u.Name)))
            .ToList();
    }

    /// <summary>The direct child of <paramref name="unitCode"/> that <paramref name="code"/> lies in, or the unit itself.</summary>
    internal static string BranchOf(string code, string unitCode)
    {
        var catalog = PoliceUnitCatalog.Default;
        var unit = catalog.Find(code);
        while (unit != null && unit.Code != unitCode && unit.ParentCode != unitCode) unit = catalog.Find(unit.ParentCode);
        return unit?.Code ?? unitCode;
    }
}
