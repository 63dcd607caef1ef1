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
/// The figures from the kept blocks (<see cref="ReviewBlock"/>): the blocks that hold a day of the period, the officer's
/// branches' (each child's own and below it, the unit's own) for the figures split by branch and the unit's own and below
/// it for the others, plus the changes not folded yet, read in one statement so that a fold meanwhile loses or doubles
/// nothing. A branch's block inside the period is read by its totals, one at the period's ends by its days; the unit's
/// own blocks by their days, which the daily figure shows. Working days are reckoned as the blocks were kept
/// (<see cref="WorkingDayPosition"/>), not with <c>calculator</c>.
/// </summary>
internal sealed class KeptReviewFigures(BeianDbContext db) : IReviewFigureSource
{
    public async Task<ReviewFigures> ReadAsync(string unitCode, IReadOnlyList<string> branches, StatisticsFilter filter,
        WorkingDayCalculator calculator, CancellationToken cancellationToken)
    {
        await using var serial = await SerialReadsAsync(cancellationToken);
        var rows = await db.Database.SqlQueryRaw<KeptRow>(KeptRow.Sql(branches.Count), KeptRow.Parameters(unitCode, branches, filter))
            .ToListAsync(cancellationToken);
        var sums = new KeptFigureSums(unitCode, filter);
        foreach (var row in rows) sums.Add(row);
        return sums.ToFigures();
    }

    /// <summary>
    /// On PostgreSQL, the figures' read without parallel workers: it reads a few hundred blocks in milliseconds, and
    /// workers the planner sends, misjudging how many, wait for a core longer than that on a busy server. SQLite reads
    /// as it is.
    /// </summary>
    private async Task<IAsyncDisposable?> SerialReadsAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction != null) return null;
        var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken);
        return transaction;
    }
}

/// <summary>
/// A row of the kept figures' statement: a block (its cells as the figures need them) or a change not folded yet (its
/// key, the working days a decision took, and its delta).
/// </summary>
internal sealed class KeptRow
{
    public string UnitCode { get; init; } = string.Empty;
    public string Scope { get; init; } = string.Empty;
    /// <summary>A block's first day, a change's submission day.</summary>
    public DateOnly Day { get; init; }
    public byte[]? Totals { get; init; }
    public byte[]? DailyTotals { get; init; }
    public byte[]? DailyTimes { get; init; }
    public string? BusinessType { get; init; }
    public string? Status { get; init; }
    public DateOnly? DecidedOn { get; init; }
    public int? WorkingDays { get; init; }
    public int Delta { get; init; }

    public bool IsChange => BusinessType != null;

    /// <summary>
    /// Parameters {0} the officer's unit, {1}–{2} the period, {3} the first day of the last block inside it, {4} the first
    /// day of the first block that holds a day of it, then the branches. A branch's block inside the period gives its
    /// totals, another its days; the unit's own blocks (own and below it) their days and their review times.
    /// </summary>
    public static string Sql(int branches)
    {
        var units = string.Join(", ", Enumerable.Range(5, branches).Select(i => $"{{{i}}}"));
        return $"""
            SELECT b."UnitCode", b."Scope", b."FirstDay" AS "Day",
                   CASE WHEN b."UnitCode" <> {"{0}"} AND b."FirstDay" >= {"{1}"} AND b."FirstDay" <= {"{3}"} THEN b."Totals" END AS "Totals",
                   CASE WHEN b."UnitCode" = {"{0}"} OR b."FirstDay" < {"{1}"} OR b."FirstDay" > {"{3}"} THEN b."DailyTotals" END AS "DailyTotals",
                   CASE WHEN b."UnitCode" = {"{0}"} THEN b."DailyTimes" END AS "DailyTimes",
                   NULL AS "BusinessType", NULL AS "Status", NULL AS "DecidedOn", NULL AS "WorkingDays", 0 AS "Delta"
            FROM "ReviewBlocks" b
            WHERE b."UnitCode" IN ({units}) AND b."FirstDay" >= {"{4}"} AND b."FirstDay" <= {"{2}"}
            UNION ALL
            SELECT c."UnitCode", c."Scope", c."SubmittedOn", NULL, NULL, NULL, c."BusinessType", c."Status", c."DecidedOn",
                   CASE WHEN c."Status" IN ('{nameof(ApplicationStatus.Approved)}', '{nameof(ApplicationStatus.Returned)}') AND s."Position" IS NOT NULL AND d."Position" IS NOT NULL
                        THEN CASE WHEN d."Position" > s."Position" THEN d."Position" - s."Position" ELSE 0 END END,
                   c."Delta"
            FROM "ReviewCountChanges" c
            LEFT JOIN "WorkingDayPositions" s ON s."Day" = c."SubmittedOn"
            LEFT JOIN "WorkingDayPositions" d ON d."Day" = c."DecidedOn"
            WHERE c."UnitCode" IN ({units})
              AND (c."SubmittedOn" >= {"{1}"} AND c."SubmittedOn" <= {"{2}"} OR c."DecidedOn" >= {"{1}"} AND c."DecidedOn" <= {"{2}"})
            """;
    }

    public static object[] Parameters(string unitCode, IReadOnlyList<string> branches, StatisticsFilter filter)
    {
        var blocks = DayBlocks.Covering(filter.From, filter.To);
        var lastInside = blocks.LastOrDefault(b => b.Within(filter.From, filter.To)).FirstDay; // MinValue when none is
        return [unitCode, filter.From, filter.To, lastInside, blocks[0].FirstDay, .. branches];
    }
}

/// <summary>The figures summed from <see cref="KeptRow"/>s, of the filter's type only when it names one.</summary>
internal sealed class KeptFigureSums(string unitCode, StatisticsFilter filter)
{
    private readonly int? _type = filter.Type is { } type ? (int)type : null;
    private readonly Dictionary<(string Branch, int Status), long> _byBranchAndStatus = [];
    private readonly Dictionary<string, (long Count, long WorkingDays)> _decidedByBranch = [];
    private readonly Dictionary<int, long> _byType = [];
    private readonly Dictionary<DateOnly, long> _byDay = [];
    private readonly Dictionary<int, long> _times = [];

    public void Add(KeptRow row)
    {
        // Every row is a branch's (a child's, or the unit's own) or the unit's below it, which only the whole-jurisdiction figures read.
        var whole = row.UnitCode == unitCode;
        var branch = !(whole && row.Scope == nameof(CountScope.Below)) ? row.UnitCode : null;
        if (row.IsChange) AddChange(row, branch, whole);
        else AddBlock(row, branch, whole);
    }

    private void AddBlock(KeptRow row, string? branch, bool whole)
    {
        foreach (var cell in BlockCells.Decode(row.Totals).Where(OfType))
            AddToBranch(branch!, cell.Measure, cell.Value);
        var block = DayBlocks.Holding(row.Day);
        foreach (var cell in BlockCells.Decode(row.DailyTotals).Where(OfType))
        {
            var day = block.FirstDay.AddDays(cell.Day);
            if (day < filter.From || day > filter.To) continue;
            if (branch != null) AddToBranch(branch, cell.Measure, cell.Value);
            if (whole && ReviewMeasures.IsStatus(cell.Measure)) AddSubmitted(cell.Type, day, cell.Value);
        }
        foreach (var cell in BlockCells.Decode(row.DailyTimes).Where(OfType))
        {
            var day = block.FirstDay.AddDays(cell.Day);
            if (day >= filter.From && day <= filter.To) Add(_times, cell.Measure, cell.Value);
        }
    }

    private void AddChange(KeptRow row, string? branch, bool whole)
    {
        var type = (int)Enum.Parse<BusinessType>(row.BusinessType!);
        if (_type is { } only && type != only) return;
        if (row.Day >= filter.From && row.Day <= filter.To)
        {
            if (branch != null) AddToBranch(branch, ReviewMeasures.Of(Enum.Parse<ApplicationStatus>(row.Status!)), row.Delta);
            if (whole) AddSubmitted(type, row.Day, row.Delta);
        }
        if (row.WorkingDays is not { } workingDays || row.DecidedOn < filter.From || row.DecidedOn > filter.To) return;
        if (branch != null)
        {
            AddToBranch(branch, ReviewMeasures.Decided, row.Delta);
            AddToBranch(branch, ReviewMeasures.WorkingDays, (long)row.Delta * workingDays);
        }
        if (whole) Add(_times, workingDays, row.Delta);
    }

    private bool OfType(BlockCell cell) => _type is not { } only || cell.Type == only;

    private void AddToBranch(string branch, int measure, long value)
    {
        if (ReviewMeasures.IsStatus(measure))
            Add(_byBranchAndStatus, (branch, measure), value);
        else
        {
            var (count, workingDays) = _decidedByBranch.GetValueOrDefault(branch);
            _decidedByBranch[branch] = measure == ReviewMeasures.Decided ? (count + value, workingDays) : (count, workingDays + value);
        }
    }

    private void AddSubmitted(int type, DateOnly day, long count)
    {
        Add(_byType, type, count);
        Add(_byDay, day, count);
    }

    private static void Add<TKey>(Dictionary<TKey, long> sums, TKey key, long value) where TKey : notnull =>
        sums[key] = sums.GetValueOrDefault(key) + value;

    public ReviewFigures ToFigures() => new(
        _byBranchAndStatus.Select(s => (s.Key.Branch, (ApplicationStatus)s.Key.Status, (int)s.Value)).ToList(),
        _byType.Select(t => ((BusinessType)t.Key, (int)t.Value)).ToList(),
        _byDay.Select(d => new DailyCount(d.Key, (int)d.Value)).ToList(),
        _times.Select(t => (t.Key, (int)t.Value)).ToList(),
        _decidedByBranch.ToDictionary(b => b.Key, b => AverageReviewTime.Of((int)b.Value.Count, b.Value.WorkingDays)));
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
