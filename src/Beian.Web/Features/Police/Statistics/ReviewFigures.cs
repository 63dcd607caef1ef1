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
        await using var serial = await SerialReads.BeginAsync(db, cancellationToken);
        var rows = await db.Database.SqlQueryRaw<KeptRow>(KeptRow.Sql(branches.Count), KeptRow.Parameters(unitCode, branches, filter))
            .ToListAsync(cancellationToken);
        var sums = new KeptFigureSums(unitCode, filter);
        foreach (var row in rows) sums.Add(row);
        return sums.ToFigures();
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

/// <summary>
/// The figures summed from <see cref="KeptRow"/>s, of the filter's type only when it names one; into arrays by branch,
/// status, type, day and working days rather than dictionaries, since the ministry's year is some 100,000 cells.
/// </summary>
internal sealed class KeptFigureSums
{
    private static readonly int Statuses = Enum.GetValues<ApplicationStatus>().Length;
    private static readonly int Types = Enum.GetValues<BusinessType>().Length;

    private readonly string _unitCode;
    private readonly StatisticsFilter _filter;
    private readonly int? _type;
    private readonly Dictionary<string, BranchSums> _branches = [];
    private readonly long[] _byType = new long[Types];
    private readonly long[] _byDay;
    private long[] _times = new long[64];

    public KeptFigureSums(string unitCode, StatisticsFilter filter)
    {
        (_unitCode, _filter) = (unitCode, filter);
        _type = filter.Type is { } type ? (int)type : null;
        _byDay = new long[filter.Days];
    }

    public void Add(KeptRow row)
    {
        // Every row is a branch's (a child's, or the unit's own) or the unit's below it, which only the whole-jurisdiction figures read.
        var whole = row.UnitCode == _unitCode;
        var branch = whole && row.Scope == nameof(CountScope.Below) ? null : Branch(row.UnitCode);
        if (row.IsChange) AddChange(row, branch, whole);
        else AddBlock(row, branch, whole);
    }

    private void AddBlock(KeptRow row, BranchSums? branch, bool whole)
    {
        foreach (var cell in BlockCells.Read(row.Totals))
            if (OfType(cell.Type)) branch!.Add(cell.Measure, cell.Value);
        var firstDay = row.Day.DayNumber - _filter.From.DayNumber;
        foreach (var cell in BlockCells.Read(row.DailyTotals))
        {
            var day = firstDay + cell.Day;
            if (!OfType(cell.Type) || day < 0 || day >= _byDay.Length) continue;
            branch?.Add(cell.Measure, cell.Value);
            if (whole && ReviewMeasures.IsStatus(cell.Measure)) AddSubmitted(cell.Type, day, cell.Value);
        }
        foreach (var cell in BlockCells.Read(row.DailyTimes))
        {
            var day = firstDay + cell.Day;
            if (OfType(cell.Type) && day >= 0 && day < _byDay.Length) AddTime(cell.Measure, cell.Value);
        }
    }

    private void AddChange(KeptRow row, BranchSums? branch, bool whole)
    {
        var type = (int)Enum.Parse<BusinessType>(row.BusinessType!);
        if (!OfType(type)) return;
        var day = row.Day.DayNumber - _filter.From.DayNumber;
        if (day >= 0 && day < _byDay.Length)
        {
            branch?.Add(ReviewMeasures.Of(Enum.Parse<ApplicationStatus>(row.Status!)), row.Delta);
            if (whole) AddSubmitted(type, day, row.Delta);
        }
        if (row.WorkingDays is not { } workingDays || row.DecidedOn < _filter.From || row.DecidedOn > _filter.To) return;
        branch?.Add(ReviewMeasures.Decided, row.Delta);
        branch?.Add(ReviewMeasures.WorkingDays, (long)row.Delta * workingDays);
        if (whole) AddTime(workingDays, row.Delta);
    }

    private bool OfType(int type) => _type is not { } only || type == only;

    private BranchSums Branch(string code)
    {
        if (!_branches.TryGetValue(code, out var sums)) _branches[code] = sums = new BranchSums(Statuses);
        return sums;
    }

    private void AddSubmitted(int type, int day, long count)
    {
        _byType[type] += count;
        _byDay[day] += count;
    }

    private void AddTime(int workingDays, long count)
    {
        if (workingDays >= _times.Length) Array.Resize(ref _times, Math.Max(workingDays + 1, _times.Length * 2));
        _times[workingDays] += count;
    }

    public ReviewFigures ToFigures() => new(
        _branches.SelectMany(b => b.Value.ByStatus.Select((count, status) => (b.Key, (ApplicationStatus)status, (int)count))).ToList(),
        _byType.Select((count, type) => ((BusinessType)type, (int)count)).ToList(),
        _byDay.Select((count, day) => new DailyCount(_filter.From.AddDays(day), (int)count)).ToList(),
        _times.Select((count, workingDays) => (workingDays, (int)count)).Where(t => t.Item2 != 0).ToList(),
        _branches.ToDictionary(b => b.Key, b => AverageReviewTime.Of((int)b.Value.Decided, b.Value.WorkingDays)));

    /// <summary>A branch's applications by status and its decisions with their working days summed.</summary>
    private sealed class BranchSums(int statuses)
    {
        public long[] ByStatus { get; } = new long[statuses];
        public long Decided { get; private set; }
        public long WorkingDays { get; private set; }

        public void Add(int measure, long value)
        {
            if (measure == ReviewMeasures.Decided) Decided += value;
            else if (measure == ReviewMeasures.WorkingDays) WorkingDays += value;
            else ByStatus[measure] += value;
        }
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
