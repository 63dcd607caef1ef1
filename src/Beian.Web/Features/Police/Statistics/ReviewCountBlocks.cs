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
/// The SQL that keeps the block sums (<see cref="ReviewSubmissionCount"/>, <see cref="ReviewDecisionTime"/>,
/// <see cref="ReviewDecisionTotal"/>) from rows shaped as <see cref="ReviewCountChange"/>s (a key and a "Delta"): the
/// appended changes when the fold runs, every application's keys when they are built. Each row is added to the block of
/// every length that holds its submission day, and if decided to those that hold its decision day, with the working days
/// between the two found from their positions (<see cref="WorkingDayPosition"/>), which must cover both days; under its
/// 业务类型 and, below a unit, under all types too.
/// </summary>
internal static class ReviewCountBlocks
{
    /// <summary>Positions are kept from here (and earlier when an application is) up to two years past today.</summary>
    private static readonly DateOnly FirstPositionDay = WorkingDayCalculator.PositionEpoch;

    /// <summary>The block lengths, and whether a row is summed under its own type (0) or under all types (1).</summary>
    private static readonly string Blocks =
        $"WITH \"Spans\" (\"SpanDays\") AS (VALUES {string.Join(", ", DayBlocks.Spans.Select(s => $"({s})"))}), \"Rollups\" (\"All\") AS (VALUES (0), (1))";

    /// <summary>A row's types: its own, and below a unit all of them too.</summary>
    private static readonly string Types = $"CASE WHEN t.\"All\" = 1 THEN '{BlockCountColumns.AllTypes}' ELSE c.\"BusinessType\" END";

    private static readonly string OnlyBelowAll = $"(t.\"All\" = 0 OR c.\"Scope\" = '{CountScope.Below}')";

    private const string WorkingDays = "CASE WHEN d.\"Position\" > s.\"Position\" THEN d.\"Position\" - s.\"Position\" ELSE 0 END";

    private static string Submissions(string source) => $"""
        {Blocks}
        INSERT INTO "ReviewSubmissionCounts" ("UnitCode", "Scope", "SpanDays", "FirstDay", "Types", "Status", "Count")
        SELECT c."UnitCode", c."Scope", l."SpanDays", b."Day", {Types}, c."Status", SUM(c."Delta")
        FROM {source} c
        JOIN "WorkingDayPositions" s ON s."Day" = c."SubmittedOn"
        CROSS JOIN "Spans" l
        JOIN "WorkingDayPositions" b ON b."DayNumber" = s."DayNumber" - s."DayNumber" % l."SpanDays"
        CROSS JOIN "Rollups" t
        WHERE {OnlyBelowAll}
        GROUP BY c."UnitCode", c."Scope", l."SpanDays", b."Day", {Types}, c."Status"
        ON CONFLICT ("UnitCode", "SpanDays", "FirstDay", "Scope", "Types", "Status")
        DO UPDATE SET "Count" = "ReviewSubmissionCounts"."Count" + excluded."Count"
        """;

    /// <summary>The decided rows of <paramref name="source"/> with their decision day's blocks and their working days.</summary>
    private static string DecidedIn(string source) => $"""
        FROM {source} c
        JOIN "WorkingDayPositions" s ON s."Day" = c."SubmittedOn"
        JOIN "WorkingDayPositions" d ON d."Day" = c."DecidedOn"
        CROSS JOIN "Spans" l
        JOIN "WorkingDayPositions" b ON b."DayNumber" = d."DayNumber" - d."DayNumber" % l."SpanDays"
        CROSS JOIN "Rollups" t
        WHERE c."Status" IN ('{nameof(ApplicationStatus.Approved)}', '{nameof(ApplicationStatus.Returned)}') AND {OnlyBelowAll}
        """;

    private static string DecisionTimes(string source) => $"""
        {Blocks}
        INSERT INTO "ReviewDecisionTimes" ("UnitCode", "Scope", "SpanDays", "FirstDay", "Types", "WorkingDays", "Count")
        SELECT c."UnitCode", c."Scope", l."SpanDays", b."Day", {Types}, {WorkingDays}, SUM(c."Delta")
        {DecidedIn(source)}
        GROUP BY c."UnitCode", c."Scope", l."SpanDays", b."Day", {Types}, {WorkingDays}
        ON CONFLICT ("UnitCode", "SpanDays", "FirstDay", "Scope", "Types", "WorkingDays")
        DO UPDATE SET "Count" = "ReviewDecisionTimes"."Count" + excluded."Count"
        """;

    private static string DecisionTotals(string source) => $"""
        {Blocks}
        INSERT INTO "ReviewDecisionTotals" ("UnitCode", "Scope", "SpanDays", "FirstDay", "Types", "Count", "WorkingDays")
        SELECT c."UnitCode", c."Scope", l."SpanDays", b."Day", {Types}, SUM(c."Delta"), SUM(c."Delta" * {WorkingDays})
        {DecidedIn(source)}
        GROUP BY c."UnitCode", c."Scope", l."SpanDays", b."Day", {Types}
        ON CONFLICT ("UnitCode", "SpanDays", "FirstDay", "Scope", "Types")
        DO UPDATE SET "Count" = "ReviewDecisionTotals"."Count" + excluded."Count",
                      "WorkingDays" = "ReviewDecisionTotals"."WorkingDays" + excluded."WorkingDays"
        """;

    private static readonly string[] Tables = ["ReviewSubmissionCounts", "ReviewDecisionTimes", "ReviewDecisionTotals"];

    /// <summary>Adds the rows of <paramref name="source"/> (a table) to the block sums; the sums that fall to 0 go.</summary>
    public static async Task<int> AddAsync(BeianDbContext db, string source, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var sql in new[] { Submissions(source), DecisionTimes(source), DecisionTotals(source) })
            added += await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        foreach (var zeros in Tables.Select(table => $"DELETE FROM \"{table}\" WHERE \"Count\" = 0"))
            await db.Database.ExecuteSqlRawAsync(zeros, cancellationToken);
        return added;
    }

    /// <summary>
    /// Every application's keys (as the recorder makes them: its unit's own, or the ministry's for a unit not in the
    /// table, and below every supervising unit) built into the block sums from nothing, with the positions of
    /// <paramref name="calculator"/>'s calendar. Returns the rows written.
    /// </summary>
    public static async Task<int> RebuildAsync(BeianDbContext db, WorkingDayCalculator calculator, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var all in Tables.Append("WorkingDayPositions").Select(table => $"DELETE FROM \"{table}\""))
            await db.Database.ExecuteSqlRawAsync(all, cancellationToken);
        var postgres = db.Database.IsNpgsql();
        await db.Database.ExecuteSqlRawAsync(StageOwnSql(postgres), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(StageBelowSql, cancellationToken);
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

    /// <summary>The days from <paramref name="first"/> (or its longest block's first day) to <paramref name="last"/> in the positions, added to them where missing.</summary>
    public static async Task CoverAsync(BeianDbContext db, WorkingDayCalculator calculator, DateOnly? first, DateOnly? last, DateOnly today,
        CancellationToken cancellationToken)
    {
        var from = DayBlocks.Holding(Min(first ?? FirstPositionDay, FirstPositionDay), DayBlocks.Spans[^1]).FirstDay;
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
            var insert = "INSERT INTO \"WorkingDayPositions\" (\"Day\", \"DayNumber\", \"Position\") VALUES " + string.Join(", ",
                chunk.Select(d => string.Create(CultureInfo.InvariantCulture, $"('{d.Day:yyyy-MM-dd}', {d.Day.DayNumber}, {d.Position})")));
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
