using System.Diagnostics;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Infrastructure.Storage;
using Beian.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>
/// 200,000 open applications (each with 2.3 KB of ciphertext, as a filing's snapshot is) exported through the
/// background job end to end: read, written, stored. The bounds are the (20,000 rows a second, 300 MB
/// above the process before it) with room for a loaded machine; the figures go to the test's output.
/// </summary>
public abstract class ExportMeasurementTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Rows = 200_000;
    private const string Unit = "330782";

    [Fact]
    public async Task Two_hundred_thousand_rows_export_in_constant_memory_at_twenty_thousand_rows_a_second()
    {
        platform.RequireAvailable();
        await platform.ScopedAsync(s => SeedAsync(s.GetRequiredService<BeianDbContext>()));
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, Unit);
        var page = await reviewer.GetAsync(PoliceLinks.ExportHref(await reviewer.GetAsync("/Police/Queue")));
        Assert.Contains($"共{Rows}条", page.QuerySelector("#export-notice")!.TextContent);

        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(process, sampling.Token);
        var watch = Stopwatch.StartNew();
        await platform.ScopedAsync(s => s.GetRequiredService<BackgroundExportJobs>().RunNextAsync("measuring", CancellationToken.None));
        watch.Stop();
        await sampling.CancelAsync();
        var above = (await peak - before) / (1024.0 * 1024.0);
        var perSecond = Rows / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{platform.Provider}: {Rows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s = {perSecond:N0} rows/s; " +
                         $"working set {before / 1048576.0:N0} MB before, peak {above:N0} MB above");

        var export = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().BackgroundExports.AsNoTracking().SingleAsync());
        Assert.Equal(Rows, export.RowsWritten);
        output.WriteLine($"file: {export.FileSize / 1048576.0:N1} MB");
        Assert.Equal(Rows + 1, await RowsInFirstSheetAsync(export.StorageKey!));
        // The issue asks 20,000 rows a second; measured alone here 30,000–43,000 (README). The bound leaves
        // room for a machine shared with other suites and still fails the old workbook-in-memory export
        // (79,077 rows in 169 s: under 500 a second).
        Assert.True(perSecond >= 10_000, $"{perSecond:N0} rows/s");
        Assert.True(above <= 300, $"{above:N0} MB above the working set before");
    }

    /// <summary>The rows of the stored workbook's first sheet, read as a stream (ClosedXML would load every cell).</summary>
    private async Task<int> RowsInFirstSheetAsync(string key)
    {
        await using var file = await platform.Services.GetRequiredService<IFileStorage>().OpenReadAsync(key);
        using var document = SpreadsheetDocument.Open(file!, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single(p => document.WorkbookPart.GetIdOfPart(p) == "rId1");
        using var reader = OpenXmlReader.Create(sheet);
        var rows = 0;
        while (reader.Read())
            if (reader.ElementType == typeof(Row) && reader.IsStartElement) rows++;
        return rows;
    }

    private static async Task<long> SamplePeakAsync(Process process, CancellationToken stop)
    {
        long peak = 0;
        while (!stop.IsCancellationRequested)
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            try { await Task.Delay(20, stop); }
            catch (OperationCanceledException) { break; }
        }
        process.Refresh();
        return Math.Max(peak, process.WorkingSet64);
    }

    /// <summary>The rows in one statement per provider: a test need not wait for 200,000 entities to be saved.</summary>
    private async Task<int> SeedAsync(BeianDbContext db)
    {
        var rows = await db.Database.ExecuteSqlRawAsync(InsertSql);
        // As autovacuum would have by then: without statistics PostgreSQL plans the join with the subjects badly.
        if (platform.Provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE \"Applications\"");
        return rows;
    }

    private string InsertSql => platform.Provider == DatabaseProvider.Postgres
        ? $"""
          INSERT INTO "Applications" ("Id", "BusinessType", "JurisdictionUnitCode", "Number", "OwnerUserId", "SnapshotCipher", "Status",
              "SubjectId", "SubmissionKey", "SubmittedAt", "Title", "Version")
          SELECT gen_random_uuid(), 'NewWebsite', '{Unit}', 'M' || lpad(i::text, 12, '0'), 'measure-owner',
              '\x02'::bytea || convert_to(repeat('x', 2300), 'UTF8'), 'Pending', -- stored as CompactColumns keeps text
              gen_random_uuid(), gen_random_uuid(), now() - interval '3 days' + i * interval '1 second', '测量网站' || i, 0
          FROM generate_series(1, {Rows}) AS i
          """
        : $"""
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Rows})
          INSERT INTO "Applications" ("Id", "BusinessType", "JurisdictionUnitCode", "Number", "OwnerUserId", "SnapshotCipher", "Status",
              "SubjectId", "SubmissionKey", "SubmittedAt", "Title", "Version")
          SELECT upper(printf('%08x-0000-4000-8000-%012x', i, i)), 'NewWebsite', '{Unit}', 'M' || printf('%012d', i), 'measure-owner',
              printf('%.2300c', 'x'), 'Pending', upper(printf('%08x-0000-4000-9000-%012x', i, i)), upper(printf('%08x-0000-4000-a000-%012x', i, i)),
              strftime('%Y-%m-%d %H:%M:%S', 'now', '-3 days', '+' || i || ' seconds'), '测量网站' || i, 0
          FROM n
          """;
}

/// <summary>The default export settings, except that no node polls: the test runs the export itself.</summary>
public sealed class ExportMeasurementSqlitePlatform : SqlitePlatform
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Exports:PollSeconds"] = "0" };
}

public sealed class ExportMeasurementPostgresPlatform : PostgresPlatform
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Exports:PollSeconds"] = "0" };
}

/// <summary>The measurement runs alone: the working set it compares is the whole test process's, which other classes running beside it would fill.</summary>
[CollectionDefinition(nameof(ExportMeasurement), DisableParallelization = true)]
public sealed class ExportMeasurement;

[Collection(nameof(ExportMeasurement))]
public sealed class ExportMeasurementTests_Sqlite(ExportMeasurementSqlitePlatform platform, ITestOutputHelper output)
    : ExportMeasurementTests(platform, output), IClassFixture<ExportMeasurementSqlitePlatform>;

[Collection(nameof(ExportMeasurement))]
public sealed class ExportMeasurementTests_Postgres(ExportMeasurementPostgresPlatform platform, ITestOutputHelper output)
    : ExportMeasurementTests(platform, output), IClassFixture<ExportMeasurementPostgresPlatform>;
