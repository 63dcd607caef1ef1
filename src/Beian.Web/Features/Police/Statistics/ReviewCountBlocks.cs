using System.Globalization;
using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Core.PoliceUnits;
using Beian.Core.Statistics;
using Beian.Core.Time;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>
/// Keeps the blocks (<see cref="ReviewBlock"/>) from rows shaped as <see cref="ReviewCountChange"/>s (a key and a
/// "Delta"): the appended changes when the fold runs, every application's keys when they are built. Each row is added to
/// the block that holds its submission day, and if decided to the one that holds its decision day, with the working days
/// between the two found from their positions (<see cref="WorkingDayPosition"/>), which must cover both days. SQL groups
/// the rows and reckons the working days; the cells are summed here, a slice of units at a time, and each block touched
/// is read, added to and written back (or removed when nothing is left in it).
/// </summary>
internal static class ReviewCountBlocks
{
    /// <summary>Positions are kept from here (and earlier when an application is) up to two years past today.</summary>
    private static readonly DateOnly FirstPositionDay = WorkingDayCalculator.PositionEpoch;

    /// <summary>How many units' rows are summed at a time, which bounds what a rebuild holds in memory.</summary>
    private const int UnitsAtATime = 100;

    private static readonly string Decided = $"'{nameof(ApplicationStatus.Approved)}', '{nameof(ApplicationStatus.Returned)}'";

    /// <summary>The rows of <paramref name="source"/> of the units from {0} to {1}, grouped, with the working days a decision took.</summary>
    private static string KeyDeltasSql(string source) => $"""
        SELECT c."UnitCode", c."Scope", c."SubmittedOn", c."BusinessType", c."Status", c."DecidedOn",
               CASE WHEN c."Status" IN ({Decided}) AND s."Position" IS NOT NULL AND d."Position" IS NOT NULL
                    THEN CASE WHEN d."Position" > s."Position" THEN d."Position" - s."Position" ELSE 0 END END AS "WorkingDays",
               CAST(SUM(c."Delta") AS BIGINT) AS "Delta"
        FROM {source} c
        LEFT JOIN "WorkingDayPositions" s ON s."Day" = c."SubmittedOn"
        LEFT JOIN "WorkingDayPositions" d ON d."Day" = c."DecidedOn"
        WHERE c."UnitCode" >= {"{0}"} AND c."UnitCode" <= {"{1}"}
        GROUP BY c."UnitCode", c."Scope", c."SubmittedOn", c."BusinessType", c."Status", c."DecidedOn", s."Position", d."Position"
        """;

    private static string UnitsSql(string source) => $"SELECT DISTINCT \"UnitCode\" AS \"Value\" FROM {source} ORDER BY 1";

    /// <summary>Adds the rows of <paramref name="source"/> (a table) to the blocks. Returns how many blocks it wrote.</summary>
    public static async Task<int> AddAsync(BeianDbContext db, string source, CancellationToken cancellationToken)
    {
        var units = await db.Database.SqlQueryRaw<string>(UnitsSql(source)).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var slice in units.Chunk(UnitsAtATime))
        {
            var deltas = await db.Database.SqlQueryRaw<KeyDelta>(KeyDeltasSql(source), slice[0], slice[^1]).ToListAsync(cancellationToken);
            written += await MergeAsync(db, slice, Sum(deltas), cancellationToken);
        }
        return written;
    }

    /// <summary>What the rows add to each block.</summary>
    private static Dictionary<BlockKey, BlockSums> Sum(IEnumerable<KeyDelta> deltas)
    {
        var blocks = new Dictionary<BlockKey, BlockSums>();
        BlockSums In(string unit, CountScope scope, DayBlock block)
        {
            var key = new BlockKey(unit, scope, block.FirstDay);
            if (!blocks.TryGetValue(key, out var sums)) blocks[key] = sums = new BlockSums();
            return sums;
        }
        foreach (var row in deltas)
        {
            var scope = Enum.Parse<CountScope>(row.Scope);
            var type = (int)Enum.Parse<BusinessType>(row.BusinessType);
            var submitted = DayBlocks.Holding(row.SubmittedOn);
            In(row.UnitCode, scope, submitted).AddTotal(submitted.Offset(row.SubmittedOn), type,
                ReviewMeasures.Of(Enum.Parse<ApplicationStatus>(row.Status)), row.Delta);
            if (row.WorkingDays is not { } workingDays) continue;
            var decided = DayBlocks.Holding(row.DecidedOn);
            In(row.UnitCode, scope, decided).AddDecision(decided.Offset(row.DecidedOn), type, workingDays, row.Delta);
        }
        return blocks;
    }

    /// <summary>The sums added to the kept blocks of <paramref name="units"/>, in one save.</summary>
    private static async Task<int> MergeAsync(BeianDbContext db, IReadOnlyList<string> units, Dictionary<BlockKey, BlockSums> added,
        CancellationToken cancellationToken)
    {
        var firstDays = added.Keys.Select(k => k.FirstDay).Distinct().ToList();
        var kept = await db.ReviewBlocks.Where(b => units.Contains(b.UnitCode) && firstDays.Contains(b.FirstDay))
            .ToDictionaryAsync(b => new BlockKey(b.UnitCode, b.Scope, b.FirstDay), cancellationToken);
        foreach (var (key, sums) in added)
        {
            var block = kept.GetValueOrDefault(key) ?? new ReviewBlock { UnitCode = key.UnitCode, Scope = key.Scope, FirstDay = key.FirstDay };
            sums.AddTo(block);
            if (kept.ContainsKey(key) && block.IsEmpty) db.ReviewBlocks.Remove(block);
            else if (!kept.ContainsKey(key) && !block.IsEmpty) db.ReviewBlocks.Add(block);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added.Count;
    }

    private readonly record struct BlockKey(string UnitCode, CountScope Scope, DateOnly FirstDay);

    /// <summary>What is added to one block's cells.</summary>
    private sealed class BlockSums
    {
        private readonly BlockCellSums _totals = new();
        private readonly BlockCellSums _dailyTotals = new();
        private readonly BlockCellSums _dailyTimes = new();

        public void AddTotal(int day, int type, int measure, long value)
        {
            _totals.Add(0, type, measure, value);
            _dailyTotals.Add(day, type, measure, value);
        }

        public void AddDecision(int day, int type, int workingDays, long count)
        {
            AddTotal(day, type, ReviewMeasures.Decided, count);
            AddTotal(day, type, ReviewMeasures.WorkingDays, count * workingDays);
            _dailyTimes.Add(day, type, workingDays, count);
        }

        public void AddTo(ReviewBlock block)
        {
            block.Totals = _totals.AddedTo(block.Totals);
            block.DailyTotals = _dailyTotals.AddedTo(block.DailyTotals);
            block.DailyTimes = _dailyTimes.AddedTo(block.DailyTimes);
        }
    }

    /// <summary>A row of <see cref="KeyDeltasSql"/>.</summary>
    private sealed class KeyDelta
    {
        public string UnitCode { get; init; } = string.Empty;
        public string Scope { get; init; } = string.Empty;
        public DateOnly SubmittedOn { get; init; }
        public string BusinessType { get; init; } = string.Empty;
        public string Status { get; init; } = string.Empty;
        public DateOnly DecidedOn { get; init; }
        public int? WorkingDays { get; init; }
        public long Delta { get; init; }
    }

    /// <summary>
    /// Every application's keys (as the recorder makes them: its unit's own, or the ministry's for a unit not in the
    /// table, and below every supervising unit) built into the blocks from nothing, with the positions of
    /// <paramref name="calculator"/>'s calendar. Returns the blocks written.
    /// </summary>
    public static async Task<int> RebuildAsync(BeianDbContext db, WorkingDayCalculator calculator, DateOnly today, CancellationToken cancellationToken)
    {
        await db.ReviewBlocks.ExecuteDeleteAsync(cancellationToken);
        await db.WorkingDayPositions.ExecuteDeleteAsync(cancellationToken);
        var postgres = db.Database.IsNpgsql();
        await db.Database.ExecuteSqlRawAsync(StageOwnSql(postgres), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(StageBelowSql, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("CREATE INDEX \"IX_ReviewCountsBuild_UnitCode\" ON \"ReviewCountsBuild\" (\"UnitCode\")", cancellationToken);
        var days = await db.Applications.GroupBy(_ => 1).Select(g => new
        {
            FirstSubmitted = g.Min(a => a.SubmittedAt), FirstDecided = g.Min(a => a.DecidedAt),
            LastSubmitted = g.Max(a => a.SubmittedAt), LastDecided = g.Max(a => a.DecidedAt),
        }).SingleOrDefaultAsync(cancellationToken);
        await CoverAsync(db, calculator, Earliest(days?.FirstSubmitted, days?.FirstDecided), Latest(days?.LastSubmitted, days?.LastDecided),
            today, cancellationToken);
        var written = await AddAsync(db, "\"ReviewCountsBuild\"", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DROP TABLE \"ReviewCountsBuild\"", cancellationToken);
        return written;
    }

    /// <summary>The days from <paramref name="first"/> (or its block's first day) to <paramref name="last"/> in the positions, added to them where missing.</summary>
    public static async Task CoverAsync(BeianDbContext db, WorkingDayCalculator calculator, DateOnly? first, DateOnly? last, DateOnly today,
        CancellationToken cancellationToken)
    {
        var from = DayBlocks.Holding(Min(first ?? FirstPositionDay, FirstPositionDay)).FirstDay;
        var to = Max(last ?? today, today.AddYears(2));
        var kept = await db.WorkingDayPositions.GroupBy(_ => 1)
            .Select(g => new { First = g.Min(d => d.Day), Last = g.Max(d => d.Day) }).SingleOrDefaultAsync(cancellationToken);
        if (kept == null)
        {
            await InsertPositionsAsync(db, calculator, from, to, cancellationToken);
            return;
        }
        if (from < kept.First) await InsertPositionsAsync(db, calculator, from, kept.First.AddDays(-1), cancellationToken);
        if (to > kept.Last) await InsertPositionsAsync(db, calculator, kept.Last.AddDays(1), to, cancellationToken);
    }

    /// <summary>
    /// The positions rewritten for a calendar that changed, from the first day it counts otherwise (null: none of the
    /// kept days). The caller rebuilds the decisions' sums if any was made on or after that day.
    /// </summary>
    public static async Task<DateOnly?> RewritePositionsAsync(BeianDbContext db, WorkingDayCalculator calculator, CancellationToken cancellationToken)
    {
        var kept = await db.WorkingDayPositions.AsNoTracking().OrderBy(d => d.Day).Select(d => new { d.Day, d.Position }).ToListAsync(cancellationToken);
        if (kept.Count == 0) return null;
        var changed = kept.Zip(calculator.Positions(kept[0].Day, kept[^1].Day)).FirstOrDefault(p => p.First.Position != p.Second.Position);
        if (changed.First == null) return null;
        await db.WorkingDayPositions.Where(d => d.Day >= changed.First.Day).ExecuteDeleteAsync(cancellationToken);
        await InsertPositionsAsync(db, calculator, changed.First.Day, kept[^1].Day, cancellationToken);
        return changed.First.Day;
    }

    private static async Task InsertPositionsAsync(BeianDbContext db, WorkingDayCalculator calculator, DateOnly first, DateOnly last,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in calculator.Positions(first, last).Chunk(500))
        {
            var insert = "INSERT INTO \"WorkingDayPositions\" (\"Day\", \"Position\") VALUES " + string.Join(", ",
                chunk.Select(d => string.Create(CultureInfo.InvariantCulture, $"('{d.Day:yyyy-MM-dd}', {d.Position})")));
            await db.Database.ExecuteSqlRawAsync(insert, cancellationToken);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly? Earliest(DateTime? submitted, DateTime? decided) =>
        submitted is { } s ? BeijingTime.DateOf(decided < s ? decided.Value : s) : null;

    private static DateOnly? Latest(DateTime? submitted, DateTime? decided) =>
        submitted is { } s ? BeijingTime.DateOf(decided > s ? decided.Value : s) : null;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Each application's own key with how many applications share it, into a temporary table shaped as the changes.</summary>
    private static string StageOwnSql(bool postgres)
    {
        string BeijingDay(string column) => postgres ? $"(({column} AT TIME ZONE 'UTC') + INTERVAL '8 hours')::date" : $"date({column}, '+8 hours')";
        var notDecided = postgres ? $"DATE '{ReviewCountKey.NotDecided:yyyy-MM-dd}'" : $"'{ReviewCountKey.NotDecided:yyyy-MM-dd}'";
        return $"""
            CREATE TEMPORARY TABLE "ReviewCountsBuild" AS
            SELECT COALESCE(u."Code", '{PoliceUnitCatalog.MinistryCode}') AS "UnitCode", '{CountScope.Own}' AS "Scope",
                   {BeijingDay("a.\"SubmittedAt\"")} AS "SubmittedOn", a."BusinessType", a."Status",
                   CASE WHEN a."Status" IN ('{ApplicationStatus.Approved}', '{ApplicationStatus.Returned}') AND a."DecidedAt" IS NOT NULL
                        THEN {BeijingDay("a.\"DecidedAt\"")} ELSE {notDecided} END AS "DecidedOn",
                   COUNT(*) AS "Delta"
            FROM "Applications" a LEFT JOIN "PoliceUnits" u ON u."Code" = a."JurisdictionUnitCode"
            WHERE a."BusinessType" <> '{BusinessType.NewSubject}'
            GROUP BY 1, 2, 3, 4, 5, 6
            """;
    }

    private static readonly string StageBelowSql = $"""
        WITH RECURSIVE "Supervisors" ("Code", "SupervisorCode") AS (
            SELECT "Code", "ParentCode" FROM "PoliceUnits" WHERE "ParentCode" IS NOT NULL
            UNION ALL
            SELECT s."Code", p."ParentCode" FROM "Supervisors" s JOIN "PoliceUnits" p ON p."Code" = s."SupervisorCode"
            WHERE p."ParentCode" IS NOT NULL
        )
        INSERT INTO "ReviewCountsBuild" ("UnitCode", "Scope", "SubmittedOn", "BusinessType", "Status", "DecidedOn", "Delta")
        SELECT s."SupervisorCode", '{CountScope.Below}', o."SubmittedOn", o."BusinessType", o."Status", o."DecidedOn", SUM(o."Delta")
        FROM "ReviewCountsBuild" o JOIN "Supervisors" s ON s."Code" = o."UnitCode"
        WHERE o."Scope" = '{CountScope.Own}'
        GROUP BY 1, 2, 3, 4, 5, 6
        """;
}
