using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Beian.Core.PoliceUnits;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Police.Statistics;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Beian.Bench;

/// <summary>
/// 统计分析 over 366 days from the kept counts, beside the recount of the applications (<c>stats</c>): a database of its
/// own gets <c>applications</c> applications submitted over the last <c>days</c> days across the counties (skewed as the
/// national dataset's sites are), decided after an exponential lag, a few withdrawn, the newest still open; the kept
/// counts are built by the startup backfill (timed); then the report of the ministry, the largest province and the
/// largest city is read <c>runs</c> times each way, the first <c>dropped</c> not counted, and kept is checked equal to
/// the recount. The database is dropped at the end unless <c>keep</c>; <c>reuse</c> measures one kept before, as it is.
/// </summary>
public static class StatisticsBenchmark
{
    public sealed record Options(int Applications, int Days, int Runs, int Dropped, bool Keep, bool Reuse = false);

    public static async Task<string> RunAsync(string connectionString, Options options, Action<string> log)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (database == "beian_bench") throw new InvalidOperationException("stats makes and drops its own database: name another one");
        if (!options.Reuse) await Databases.RecreateAsync(connectionString);
        try
        {
            await using var host = new BenchHost(connectionString);
            await host.Services.GetServices<IHostedService>().OfType<StartupBackfills>().Single().ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(5));
            var clock = Stopwatch.StartNew();
            var (built, buildSeconds) = (0, 0.0);
            if (!options.Reuse)
            {
                await LoadAsync(connectionString, options, log);
                log($"{options.Applications:N0} applications over {options.Days} days loaded ({clock.Elapsed.TotalSeconds:F0} s)");
                clock.Restart();
                built = await BuildCountsAsync(host.Services);
                buildSeconds = clock.Elapsed.TotalSeconds;
                await ExecuteAsync(connectionString, "VACUUM ANALYZE");
            }
            var sizes = await SizesAsync(connectionString);
            log($"kept counts built in {buildSeconds:F0} s ({built:N0} rows); {sizes}");

            var today = BeijingTime.DateOf(DateTime.UtcNow);
            var filter = new StatisticsFilter(today.AddDays(1 - StatisticsFilter.MaxDays), today, null);
            var rows = new List<string>();
            foreach (var (name, unit) in await UnitsAsync(connectionString))
            {
                var kept = await TimeAsync(host.Services, options, s => s.KeptAsync(unit, filter));
                var recount = await TimeAsync(host.Services, options, s => s.RecountAsync(unit, filter));
                var same = kept.Report == recount.Report;
                log($"{name} {unit}: kept p95 {kept.Timings.P95Ms:F0} ms, recount p95 {recount.Timings.P95Ms:F0} ms, equal: {same}");
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} ({unit}) | {kept.Timings.P50Ms:F0} | {kept.Timings.P95Ms:F0} | {recount.Timings.P50Ms:F0} | {recount.Timings.P95Ms:F0} | {(same ? "yes" : "NO")} |"));
            }
            return Report(options, filter, buildSeconds, built, sizes, rows, await Machine.DescribeAsync(connectionString));
        }
        finally
        {
            if (!options.Keep && !options.Reuse) await Databases.DropAsync(connectionString);
        }
    }

    /// <summary>
    /// Applications in one statement: a county drawn from slots filled in proportion to its weight, a 业务类型 (新增主体
    /// among them, which the statistics leave out), a decision an exponential lag (mean 6 days) after the submission,
    /// 已退回 one in six, 已撤销 one in twenty; a lag that ends in the future leaves the application open.
    /// </summary>
    private static async Task LoadAsync(string connectionString, Options options, Action<string> log)
    {
        var slots = CountySlots(seed: 1, size: 20_000);
        const string sql = """
            SELECT setseed(0.18);
            INSERT INTO "Applications" ("Id", "Number", "OwnerUserId", "BusinessType", "SubjectId", "Title", "Status", "SnapshotCipher",
                "JurisdictionUnitCode", "SubmissionKey", "SubmittedAt", "DecidedAt", "Version")
            SELECT gen_random_uuid(), 'ST' || a.g, 'stats-' || a.g, a.type, gen_random_uuid(), '统计测试',
                   CASE WHEN a.decided > now() THEN (ARRAY['Pending', 'InReview', 'Inspecting'])[1 + floor(a.rs * 3)::int]
                        WHEN a.rs < 0.05 THEN 'Revoked' WHEN a.rs < 0.22 THEN 'Returned' ELSE 'Approved' END,
                   'x', a.unit, gen_random_uuid(), a.submitted,
                   CASE WHEN a.decided <= now() AND a.rs >= 0.05 THEN a.decided END, 1
            FROM (
                SELECT g, submitted, rs, unit, type, submitted + (floor(-ln(1 - rl) * 6) * INTERVAL '1 day') + (random() * INTERVAL '10 hours') AS decided
                FROM (
                    SELECT g, now() - random() * @days * INTERVAL '1 day' AS submitted, random() AS rs, random() AS rl,
                           (@slots::text[])[1 + floor(random() * @slotCount)::int] AS unit,
                           (ARRAY['NewSubject', 'NewWebsite', 'NewWebsite', 'NewWebsite', 'NewWebsite', 'ChangeWebsite', 'ChangeWebsite', 'CancelWebsite',
                                  'ChangeSubject', 'CancelSubject', 'NewApp', 'NewApp', 'ChangeApp', 'CancelApp', 'NewMiniProgram', 'ChangeMiniProgram',
                                  'CancelMiniProgram', 'ClaimWebsite'])[1 + floor(random() * 18)::int] AS type
                    FROM generate_series(1, @count) g
                ) r
            ) a
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("days", options.Days);
        command.Parameters.AddWithValue("slots", slots);
        command.Parameters.AddWithValue("slotCount", slots.Length);
        command.Parameters.AddWithValue("count", options.Applications);
        await command.ExecuteNonQueryAsync();
        log($"inserted over {slots.Distinct().Count():N0} counties");
        await using var analyze = new NpgsqlCommand("ANALYZE \"Applications\"", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>County codes, each repeated in proportion to its weight in the national dataset's skew.</summary>
    private static string[] CountySlots(int seed, int size)
    {
        var counties = new NationalDataset(seed).CountiesUsed.Select(c => c.Code).ToList();
        var weights = NationalDataset.SkewedWeights(new Random(seed), counties.Count);
        var total = weights.Sum();
        return counties.SelectMany((code, i) => Enumerable.Repeat(code, Math.Max(1, (int)Math.Round(weights[i] / total * size)))).ToArray();
    }

    /// <summary>The kept counts as a database from before them gets them: forgotten, then the startup backfill.</summary>
    private static async Task<int> BuildCountsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeianDbContext>();
        await db.ReviewCountsReady.ExecuteDeleteAsync();
        var backfill = scope.ServiceProvider.GetServices<IStartupBackfill>().OfType<ReviewCountsBackfill>().Single();
        return await backfill.RunAsync(JobLeases.NewHolder(), CancellationToken.None);
    }

    /// <summary>The ministry, the province and the city with the most applications.</summary>
    private static async Task<List<(string Name, string Unit)>> UnitsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT left("JurisdictionUnitCode", 2) || '0000', left("JurisdictionUnitCode", 4) || '00', count(*)
            FROM "Applications" GROUP BY 1, 2 ORDER BY 3 DESC
            """, connection);
        var byCity = new List<(string Province, string City, long Count)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) byCity.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        var province = byCity.GroupBy(c => c.Province).MaxBy(p => p.Sum(c => c.Count))!.Key;
        var city = byCity.First(c => PoliceUnitCatalog.Default.Find(c.City) != null).City;
        return [("部", PoliceUnitCatalog.MinistryCode), ("省", province), ("市", city)];
    }

    private static async Task<(Timings Timings, string Report)> TimeAsync(IServiceProvider services, Options options,
        Func<ReviewStatistics, Task<StatisticsReport>> read)
    {
        var times = new List<double>();
        var report = "";
        for (var run = 0; run < options.Runs; run++)
        {
            using var scope = services.CreateScope();
            var statistics = scope.ServiceProvider.GetRequiredService<ReviewStatistics>();
            var clock = Stopwatch.StartNew();
            var result = await read(statistics);
            if (run >= options.Dropped) times.Add(clock.Elapsed.TotalMilliseconds);
            report = JsonSerializer.Serialize(result);
        }
        return (Timings.Of(times), report);
    }

    /// <summary>The database's size and the kept counts' tables with their rows.</summary>
    private static async Task<string> SizesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT relname, n_live_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables
            WHERE relname LIKE 'Review%' OR relname = 'Applications' OR relname LIKE 'WorkingDay%' ORDER BY relname
            """, connection);
        var parts = new List<string>();
        var tables = new List<(string Name, long Rows, long Bytes)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        parts.AddRange(tables.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Rows:N0} rows {t.Bytes / 1048576.0:F1} MB")));
        // The kept counts themselves: not the applications, the positions, the appended changes nor the ready mark.
        var kept = tables.Where(t => t.Name.StartsWith("Review", StringComparison.Ordinal) && t.Name is not ("ReviewCountChanges" or "ReviewCountsReady")).ToList();
        var applications = Math.Max(1, tables.Where(t => t.Name == "Applications").Sum(t => t.Rows));
        parts.Add(string.Create(CultureInfo.InvariantCulture,
            $"kept counts {kept.Sum(t => t.Rows):N0} rows {kept.Sum(t => t.Bytes) / 1048576.0:F1} MB, {kept.Sum(t => t.Bytes) / (double)applications:F0} bytes and {kept.Sum(t => t.Rows) / (double)applications:F2} rows per application"));
        await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        var bytes = (long)(await size.ExecuteScalarAsync())!;
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"database {bytes / 1048576.0:F0} MB"));
        return string.Join("; ", parts);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static string Report(Options options, StatisticsFilter filter, double buildSeconds, int built, string sizes, List<string> rows, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"统计分析 from the kept counts beside the recount, {options.Runs - options.Dropped} timed runs each after {options.Dropped} dropped ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine(CultureInfo.InvariantCulture, $"{options.Applications:N0} applications submitted over {options.Days} days; period {filter.From:yyyy-MM-dd} to {filter.To:yyyy-MM-dd} (366 days), all 业务类型; backfill {buildSeconds:F0} s ({built:N0} rows)");
        text.AppendLine(sizes);
        text.AppendLine(machine);
        text.AppendLine();
        text.AppendLine("| officer's unit | kept p50 ms | kept p95 ms | recount p50 ms | recount p95 ms | kept = recount |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var row in rows) text.AppendLine(row);
        return text.ToString();
    }
}
