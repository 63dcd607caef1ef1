using System.Diagnostics;
using System.Globalization;
using System.Text;
using Beian.Core.Reporting;
using Beian.Web.Data;
using Beian.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Beian.Bench;

/// <summary>The report benchmark's settings: rows of the report, the share of them unfiled, measured rounds, the sample's seed.</summary>
public sealed record ReportBenchmarkOptions(int Rows, int UnfiledPercent, int Rounds = 2, int Seed = 1);

/// <summary>
/// One measured round: the platform's run with the CPU time and peak working set of its process (PostgreSQL's are not
/// in them), then the baseline's on the same file.
/// </summary>
public sealed record ReportRound(int Round, int Rows, MatchRun Platform, double PlatformCpuSeconds, long PeakWorkingSetBytes, MatchRun Baseline)
{
    public bool Agree => Platform.Filed == Baseline.Filed && Platform.Unfiled == Baseline.Unfiled;
}

/// <summary>
/// 服务商上报 against the national dataset: a CDN report of filed hosts drawn uniformly from the dataset and a share of
/// unfiled domains, sent by an approved 服务商 (<see cref="BenchReporters"/>, a new one per round so that nothing of
/// it was reported before) through the platform's <see cref="ReportIntake"/> and read to the end by its
/// <see cref="ReportProcessor"/>, timed beside <see cref="ReportBaseline"/> (one SQL statement) on the same file,
/// the two alternating. A smaller round first, not measured, of other hosts, compiles both sides' code.
/// </summary>
public static class ReportBenchmark
{
    public const string Holder = "bench-node";
    /// <summary>
    /// Rows of the unmeasured first round: enough chunks for the tiered JIT to recompile the reading's code (a first
    /// round after 2,000 rows still spent 2.5 times the CPU of the second).
    /// </summary>
    private const int WarmUpRows = 10_000;

    private static int UnfiledOf(int rows, ReportBenchmarkOptions options) => (int)Math.Round(rows * options.UnfiledPercent / 100.0);

    public static async Task<(string Table, IReadOnlyList<ReportRound> Rounds)> RunAsync(string connectionString, ReportBenchmarkOptions options,
        Action<string> log, IServiceProvider? platform = null, CancellationToken cancellationToken = default)
    {
        var unfiled = UnfiledOf(options.Rows, options);
        var warmUpRows = Math.Min(WarmUpRows, options.Rows);
        var warmUpUnfiled = UnfiledOf(warmUpRows, options);
        var clock = Stopwatch.StartNew();
        // The warm-up's filed hosts are others than the rounds', so that it leaves none of theirs in memory.
        var sample = await CdnReportFile.SampleAsync(connectionString, options.Rows - unfiled + warmUpRows - warmUpUnfiled, options.Seed, cancellationToken);
        log($"sampled {sample.Hosts.Count:N0} of {sample.HostsInDataset:N0} filed hosts ({clock.Elapsed.TotalSeconds:F0} s)");
        var directory = Directory.CreateTempSubdirectory("beian-report-bench-");
        try
        {
            // Every file is written before anything is measured, and the sample let go, so that neither is in the working set measured.
            var tag = Guid.NewGuid().ToString("N")[..8];
            var measured = sample.Hosts.Take(options.Rows - unfiled).ToList();
            var warmUp = Path.Combine(directory.FullName, "warm-up.csv");
            await CdnReportFile.WriteAsync(warmUp, sample.Hosts.Skip(measured.Count).ToList(), warmUpUnfiled, $"{tag}w", options.Seed, cancellationToken);
            var files = new List<string>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                var path = Path.Combine(directory.FullName, $"CDN_IP上报-{round}.csv");
                await CdnReportFile.WriteAsync(path, measured, unfiled, $"{tag}r{round}", options.Seed + round, cancellationToken);
                files.Add(path);
            }
            log($"wrote {options.Rounds} reports of {options.Rows:N0} rows ({new FileInfo(files[0]).Length / 1024.0 / 1024.0:F1} MB each)");
            sample = null;
            measured = null;
            // Aggressive: the sample's memory given back to the system, so that the working set measured is the platform's.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

            await using var host = platform == null ? new BenchHost(connectionString) : null;
            var services = platform ?? host!.Services;
            await ProcessQueuedAsync(services, cancellationToken);
            await RoundAsync(services, connectionString, 0, warmUp, warmUpRows, log, cancellationToken);
            var rounds = new List<ReportRound>();
            for (var i = 0; i < files.Count; i++)
                rounds.Add(await RoundAsync(services, connectionString, i + 1, files[i], options.Rows, log, cancellationToken));
            return (await TableAsync(connectionString, options, rounds), rounds);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<ReportRound> RoundAsync(IServiceProvider services, string connectionString, int round, string path, int rows,
        Action<string> log, CancellationToken cancellationToken)
    {
        var name = round == 0 ? "warm-up" : $"round {round}";
        var reporter = await BenchReporters.ApprovedCdnAsync(services, cancellationToken);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (platform, peak) = await PlatformAsync(services, reporter, path, log, cancellationToken);
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        log($"{name}: platform {platform.Seconds:F1} s, {cpuSeconds:F1} s CPU ({platform.Filed:N0} filed, {platform.Unfiled:N0} unfiled), peak working set {peak / 1024 / 1024:N0} MB");
        var baseline = await ReportBaseline.RunAsync(connectionString, path, cancellationToken);
        log($"{name}: baseline {baseline.Seconds:F1} s, the statement {baseline.StatementSeconds:F1} s ({baseline.Filed:N0} filed, {baseline.Unfiled:N0} unfiled)");
        return new ReportRound(round, rows, platform, cpuSeconds, peak, baseline);
    }

    /// <summary>The report taken in and read to the end, timed; the entries it left (filed and unfiled domains) counted afterwards.</summary>
    private static async Task<(MatchRun Run, long PeakWorkingSet)> PlatformAsync(IServiceProvider services, Reporter reporter, string path,
        Action<string> log, CancellationToken cancellationToken)
    {
        await using var watch = new WorkingSetWatch(services, log);
        var clock = Stopwatch.StartNew();
        using (var scope = services.CreateScope())
        {
            await using var content = File.OpenRead(path);
            var (accepted, error) = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
                .AcceptAsync(reporter, ReportKind.Cdn, ReportSource.File, Path.GetFileName(path), content, reporter.OwnerUserId, null, cancellationToken);
            if (accepted is not { Duplicate: false }) throw new InvalidOperationException($"The report was not taken in as new: {error ?? "a duplicate"}");
            watch.Follow(accepted.Report.Id);
        }
        using (var scope = services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ReportProcessor>().RunAsync(Holder, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = await watch.StopAsync();

        using var read = services.CreateScope();
        var db = read.ServiceProvider.GetRequiredService<BeianDbContext>();
        var report = await db.Set<ServiceReport>().AsNoTracking().FirstAsync(r => r.ReporterId == reporter.Id, cancellationToken);
        if (report.Status != ReportStatus.Completed || report.FailedRows > 0)
            throw new InvalidOperationException($"The report ended {report.Status} with {report.FailedRows} failed rows: {report.Error}");
        var entries = db.Set<ReportedSite>().AsNoTracking().Where(s => s.ReporterId == reporter.Id);
        return (new MatchRun(seconds, await entries.CountAsync(s => s.WebsiteId != null, cancellationToken),
            await entries.CountAsync(s => s.WebsiteId == null, cancellationToken)), peak);
    }

    /// <summary>Reports an earlier, interrupted run left queued are read now, not inside the first measurement.</summary>
    private static async Task ProcessQueuedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReportProcessor>().RunAsync(Holder, cancellationToken);
    }

    private static async Task<string> TableAsync(string connectionString, ReportBenchmarkOptions options, IReadOnlyList<ReportRound> rounds)
    {
        long sites;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            sites = (long)(await new NpgsqlCommand("SELECT count(*) FROM \"PublicWebsites\"", connection).ExecuteScalarAsync())!;
        }
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"服务商上报 (CDN_IP上报模板) of {options.Rows:N0} rows, {options.UnfiledPercent} % of them unfiled, against {sites:N0} filed websites; platform and baseline alternating ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine($"Machine: {await Machine.DescribeAsync(connectionString)}");
        text.AppendLine();
        text.AppendLine("| round | rows | platform s | platform rows/s | its process's CPU s | peak working set | baseline s (the statement) | platform / baseline |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rounds)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Round} | {r.Rows:N0} | {r.Platform.Seconds:F1} | {r.Rows / r.Platform.Seconds:N0} | {r.PlatformCpuSeconds:F1} | {r.PeakWorkingSetBytes / 1024 / 1024:N0} MB | {r.Baseline.Seconds:F1} ({r.Baseline.StatementSeconds:F1}) | {r.Platform.Seconds / r.Baseline.Seconds:F1}× |"));
        }
        text.AppendLine();
        text.AppendLine(rounds.All(r => r.Agree)
            ? $"Both sides found the same filed and unfiled domains' counts in every round ({rounds[0].Platform.Filed:N0} filed, {rounds[0].Platform.Unfiled:N0} unfiled)."
            : "THE SIDES DISAGREE: " + string.Join("; ", rounds.Where(r => !r.Agree).Select(r =>
                $"round {r.Round} platform {r.Platform.Filed:N0} filed / {r.Platform.Unfiled:N0} unfiled, baseline {r.Baseline.Filed:N0} / {r.Baseline.Unfiled:N0}")));
        return text.ToString();
    }
}

/// <summary>
/// While the platform reads a report: the process's working set sampled every 100 ms (its peak is what the
/// round reports), and the report's progress logged every 30 s.
/// </summary>
internal sealed class WorkingSetWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;
    private Guid _report;
    private volatile bool _following;

    public WorkingSetWatch(IServiceProvider services, Action<string> log)
    {
        _peak = Environment.WorkingSet;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            var lastLog = Stopwatch.StartNew();
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    _peak = Math.Max(_peak, Environment.WorkingSet);
                    if (lastLog.Elapsed < TimeSpan.FromSeconds(30) || !_following) continue;
                    lastLog.Restart();
                    using var scope = services.CreateScope();
                    var report = await scope.ServiceProvider.GetRequiredService<BeianDbContext>().Set<ServiceReport>().AsNoTracking()
                        .FirstAsync(r => r.Id == _report, _stop.Token);
                    log($"  {report.ProcessedRows:N0} of {report.TotalRows:N0} rows read, working set {Environment.WorkingSet / 1024 / 1024:N0} MB");
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public void Follow(Guid reportId)
    {
        _report = reportId;
        _following = true;
    }

    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return Math.Max(_peak, Environment.WorkingSet);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
