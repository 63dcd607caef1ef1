using System.Linq.Expressions;
using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Core.Statistics;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.PoliceUnits;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>
/// The numbers of a report over its period, each branch (a direct child of the officer's unit with everything below
/// it, or the unit itself) by its code: the applications submitted in the period by branch and status, by business
/// type and by day; the decisions made in the period by how many working days they took, and by branch their number
/// and average time.
/// </summary>
internal sealed record ReviewFigures(
    IReadOnlyList<(string Branch, ApplicationStatus Status, int Count)> ByBranchAndStatus,
    IReadOnlyList<(BusinessType Type, int Count)> ByType,
    IReadOnlyList<DailyCount> ByDay,
    IReadOnlyList<(int WorkingDays, int Count)> DecisionTimes,
    IReadOnlyDictionary<string, AverageReviewTime> DecidedByBranch);

internal interface IReviewFigureSource
{
    Task<ReviewFigures> ReadAsync(string unitCode, IReadOnlyList<string> branches, StatisticsFilter filter, WorkingDayCalculator calculator,
        CancellationToken cancellationToken);
}

/// <summary>
/// The figures from the kept block sums: the period tiled into blocks (<see cref="DayBlocks.Tiling"/>), the officer's
/// branches' sums (each child's own and below it, the unit's own) for the figures split by branch and the unit's whole
/// jurisdiction's (its own and below it) for the others, all types' sums unless one type is asked for, as folded plus
/// the changes not folded yet, read in one statement each so that a fold between two reads loses nothing. Working days
/// are reckoned as the sums were kept (<see cref="WorkingDayPosition"/>), not with <c>calculator</c>.
/// </summary>
internal sealed class KeptReviewFigures(BeianDbContext db) : IReviewFigureSource
{
    public async Task<ReviewFigures> ReadAsync(string unitCode, IReadOnlyList<string> branches, StatisticsFilter filter,
        WorkingDayCalculator calculator, CancellationToken cancellationToken)
    {
        var (from, to, type) = (filter.From, filter.To, filter.Type);
        var tiling = DayBlocks.Tiling(from, to);
        await using var serial = await SerialReadsAsync(cancellationToken);

        var byBranch = await InBlocks(db.ReviewSubmissionCounts.Where(InBranches<ReviewSubmissionCount>(unitCode, branches)), tiling, type)
            .Select(c => new { c.UnitCode, c.Status, c.Count })
            .Concat(Changes(InBranches<ReviewCountChange>(unitCode, branches), type).Where(c => c.SubmittedOn >= from && c.SubmittedOn <= to)
                .Select(c => new { c.UnitCode, c.Status, Count = c.Delta }))
            .GroupBy(r => new { r.UnitCode, r.Status })
            .Select(g => new { g.Key.UnitCode, g.Key.Status, Count = g.Sum(r => r.Count) })
            .ToListAsync(cancellationToken);

        var byType = await InBlocks(db.ReviewSubmissionCounts.Where(Within<ReviewSubmissionCount>(unitCode)), tiling, type, eachType: true)
            .Select(c => new { c.Types, c.Count })
            .Concat(Changes(Within<ReviewCountChange>(unitCode), type).Where(c => c.SubmittedOn >= from && c.SubmittedOn <= to)
                .Select(c => new { Types = c.BusinessType.ToString(), Count = c.Delta }))
            .GroupBy(r => r.Types)
            .Select(g => new { Types = g.Key, Count = g.Sum(r => r.Count) })
            .ToListAsync(cancellationToken);

        var byDay = await Summed(db.ReviewSubmissionCounts.AsNoTracking().Where(Within<ReviewSubmissionCount>(unitCode))
                .Where(c => c.SpanDays == 1 && c.FirstDay >= from && c.FirstDay <= to), type)
            .Select(c => new { c.FirstDay, c.Count })
            .Concat(Changes(Within<ReviewCountChange>(unitCode), type).Where(c => c.SubmittedOn >= from && c.SubmittedOn <= to)
                .Select(c => new { FirstDay = c.SubmittedOn, Count = c.Delta }))
            .GroupBy(r => r.FirstDay)
            .Select(g => new DailyCount(g.Key, g.Sum(r => r.Count)))
            .ToListAsync(cancellationToken);

        var times = await InBlocks(db.ReviewDecisionTimes.Where(Within<ReviewDecisionTime>(unitCode)), tiling, type)
            .Select(c => new { c.WorkingDays, c.Count })
            .Concat(DecidedChanges(Within<ReviewCountChange>(unitCode), type, from, to).Select(c => new { c.WorkingDays, c.Count }))
            .GroupBy(r => r.WorkingDays)
            .Select(g => new { WorkingDays = g.Key, Count = g.Sum(r => r.Count) })
            .ToListAsync(cancellationToken);

        var decidedByBranch = await InBlocks(db.ReviewDecisionTotals.Where(InBranches<ReviewDecisionTotal>(unitCode, branches)), tiling, type)
            .Select(c => new { c.UnitCode, c.Count, c.WorkingDays })
            .Concat(DecidedChanges(InBranches<ReviewCountChange>(unitCode, branches), type, from, to)
                .Select(c => new { c.UnitCode, c.Count, WorkingDays = (long)c.WorkingDays * c.Count }))
            .GroupBy(r => r.UnitCode)
            .Select(g => new { UnitCode = g.Key, Count = g.Sum(r => r.Count), WorkingDays = g.Sum(r => r.WorkingDays) })
            .ToListAsync(cancellationToken);

        return new ReviewFigures(
            byBranch.Select(r => (r.UnitCode, r.Status, r.Count)).ToList(),
            byType.Select(r => (Enum.Parse<BusinessType>(r.Types), r.Count)).ToList(),
            byDay,
            times.Select(t => (t.WorkingDays, t.Count)).ToList(),
            decidedByBranch.ToDictionary(b => b.UnitCode, b => AverageReviewTime.Of(b.Count, b.WorkingDays)));
    }

    /// <summary>
    /// On PostgreSQL, the figures' reads in one snapshot and without parallel workers: each reads a few hundred sums in
    /// milliseconds, and the planner, misjudging how many, sent workers whose start and wait for a core cost more than
    /// the read itself on a busy server (100–400 ms each at the ministry with the cores taken). SQLite reads as it is.
    /// </summary>
    private async Task<IAsyncDisposable?> SerialReadsAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction != null) return null;
        var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken);
        return transaction;
    }

    /// <summary>
    /// The sums of the blocks of <paramref name="tiling"/> that add up to the figure of <paramref name="type"/> (null: all
    /// types), or with <paramref name="eachType"/> to each type's: one query per block length and kind of sum, each found in
    /// the key by its unit, length, first days, scope and types.
    /// </summary>
    private static IQueryable<T> InBlocks<T>(IQueryable<T> sums, IReadOnlyList<DayBlock> tiling, BusinessType? type, bool eachType = false)
        where T : BlockCountColumns =>
        tiling.GroupBy(b => b.SpanDays).Select(length =>
        {
            var span = length.Key;
            var firstDays = length.Select(b => b.FirstDay).ToList();
            var blocks = sums.AsNoTracking().Where(c => c.SpanDays == span && firstDays.Contains(c.FirstDay));
            return eachType && type == null ? blocks.Where(c => c.Types != BlockCountColumns.AllTypes) : Summed(blocks, type);
        }).Aggregate(Queryable.Concat);

    /// <summary>
    /// The sums that add up to one type's figure, of either scope; or to all types': below a unit its all-types sums, of its
    /// own its sums of each type (it keeps no other).
    /// </summary>
    private static IQueryable<T> Summed<T>(IQueryable<T> sums, BusinessType? type) where T : BlockCountColumns
    {
        if (type is { } only)
        {
            var name = only.ToString();
            return sums.Where(c => (c.Scope == CountScope.Own || c.Scope == CountScope.Below) && c.Types == name);
        }
        return sums.Where(c => c.Scope == CountScope.Below && c.Types == BlockCountColumns.AllTypes).Concat(sums.Where(c => c.Scope == CountScope.Own));
    }

    private IQueryable<ReviewCountChange> Changes(Expression<Func<ReviewCountChange, bool>> whose, BusinessType? type) =>
        type is { } only
            ? db.ReviewCountChanges.AsNoTracking().Where(whose).Where(c => c.BusinessType == only)
            : db.ReviewCountChanges.AsNoTracking().Where(whose);

    /// <summary>The changes of decisions made in the period with the working days they took, reckoned as the kept sums were.</summary>
    private IQueryable<DecidedChange> DecidedChanges(Expression<Func<ReviewCountChange, bool>> whose, BusinessType? type, DateOnly first, DateOnly last) =>
        from c in Changes(whose, type)
        where (c.Status == ApplicationStatus.Approved || c.Status == ApplicationStatus.Returned) && c.DecidedOn >= first && c.DecidedOn <= last
        join submitted in db.WorkingDayPositions on c.SubmittedOn equals submitted.Day
        join decided in db.WorkingDayPositions on c.DecidedOn equals decided.Day
        select new DecidedChange
        {
            UnitCode = c.UnitCode,
            WorkingDays = decided.Position > submitted.Position ? decided.Position - submitted.Position : 0,
            Count = c.Delta,
        };

    /// <summary>The branches' rows: each child's (own and below it) and the unit's own (below it is its children).</summary>
    private static Expression<Func<T, bool>> InBranches<T>(string unitCode, IReadOnlyList<string> branches) where T : IKeptCountKey =>
        c => branches.Contains(c.UnitCode) && !(c.UnitCode == unitCode && c.Scope == CountScope.Below);

    /// <summary>The unit's whole jurisdiction: its own rows and those below it.</summary>
    private static Expression<Func<T, bool>> Within<T>(string unitCode) where T : IKeptCountKey => c => c.UnitCode == unitCode;

    private sealed class DecidedChange
    {
        public string UnitCode { get; init; } = string.Empty;
        public int WorkingDays { get; init; }
        public int Count { get; init; }
    }
}

/// <summary>
/// The figures counted from the applications themselves, grouped in the database (the statistics' queries before the
/// counts were kept): what the page shows until the kept counts are ready, and what the tests hold them to.
/// </summary>
internal sealed class RecountedReviewFigures(BeianDbContext db) : IReviewFigureSource
{
    public async Task<ReviewFigures> ReadAsync(string unitCode, IReadOnlyList<string> branches, StatisticsFilter filter,
        WorkingDayCalculator calculator, CancellationToken cancellationToken)
    {
        var scope = PoliceJurisdiction.CodesWithin(unitCode);
        var applications = db.Applications.AsNoTracking().Where(a => a.BusinessType != BusinessType.NewSubject);
        if (scope != null) applications = applications.Where(a => scope.Contains(a.JurisdictionUnitCode));
        if (filter.Type is { } type) applications = applications.Where(a => a.BusinessType == type);

        var (from, to) = (filter.FromUtc, filter.ToUtcExclusive);
        var submitted = applications.Where(a => a.SubmittedAt >= from && a.SubmittedAt < to);

        var perDay = await submitted
            .GroupBy(a => a.SubmittedAt.AddHours(8).Date)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var perUnitAndStatus = await submitted
            .GroupBy(a => new { a.JurisdictionUnitCode, a.Status })
            .Select(g => new { g.Key.JurisdictionUnitCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var perType = await submitted
            .GroupBy(a => a.BusinessType)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var decided = await applications
            .Where(a => (a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Returned)
                        && a.DecidedAt >= from && a.DecidedAt < to)
            .GroupBy(a => new { a.JurisdictionUnitCode, Submitted = a.SubmittedAt.AddHours(8).Date, Decided = a.DecidedAt!.Value.AddHours(8).Date })
            .Select(g => new { g.Key.JurisdictionUnitCode, g.Key.Submitted, g.Key.Decided, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var pairs = decided.Select(d => (Branch: ReviewStatistics.BranchOf(d.JurisdictionUnitCode, unitCode),
            Count: new DecidedCount(DateOnly.FromDateTime(d.Submitted), DateOnly.FromDateTime(d.Decided), d.Count))).ToList();
        return new ReviewFigures(
            perUnitAndStatus.Select(r => (ReviewStatistics.BranchOf(r.JurisdictionUnitCode, unitCode), r.Status, r.Count)).ToList(),
            perType.Select(t => (t.Type, t.Count)).ToList(),
            perDay.Select(d => new DailyCount(DateOnly.FromDateTime(d.Day), d.Count)).ToList(),
            pairs.Select(p => (calculator.WorkingDaysBetween(p.Count.SubmittedOn, p.Count.DecidedOn), p.Count.Count)).ToList(),
            pairs.GroupBy(p => p.Branch).ToDictionary(branch => branch.Key, branch =>
            {
                var times = ReviewTimes.Of(branch.Select(p => p.Count), calculator);
                return new AverageReviewTime(times.Decided, times.AverageWorkingDays);
            }));
    }
}
