using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Beian.Core.PoliceUnits;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Police;
using Beian.Web.Features.Police.Exports;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Beian.Bench;

/// <summary>One police page as an officer opens it: who, and the URL.</summary>
public sealed record PoliceCase(string Name, string User, string Url);

/// <summary>How one side did over the timed runs of a case.</summary>
public sealed record Timings(double P50Ms, double P95Ms, double MaxMs)
{
    public static Timings Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new Timings(LoadRunner.Percentile(sorted, 0.50), LoadRunner.Percentile(sorted, 0.95), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }
}

/// <summary>
/// The police side at national scale (<c>run --only police</c>): each list, filter, first and last page, 统计分析 and
/// 工作台 opened over HTTP by an officer of the ministry, of the largest province and of the largest county, one request
/// at a time, beside the baseline: the very SQL reads that page sent (recorded from EF Core while a first request ran),
/// sent again with raw Npgsql and every row read. Platform and baseline alternate run by run (ABAB). Then 【导出Excel】
/// of the province's 已备案网站: rows a second and the process's peak memory above what it held before, beside its SQL.
/// </summary>
public static class PoliceBenchmark
{
    private const string Ministry = BenchSignIn.Prefix + "ministry";
    private const string Province = BenchSignIn.Prefix + "province";
    private const string County = BenchSignIn.Prefix + "county";
    private const string ExportName = "【导出Excel】";

    public static async Task<string> RunAsync(string connectionString, int runs, int dropped, string? only, Action<string> log)
    {
        SqlCapture.Start();
        await using var host = new BenchHost(connectionString);
        var places = await PlacesAsync(connectionString);
        await EnsureOfficersAsync(host.Services, places);
        log($"officers at {PoliceUnitCatalog.MinistryCode}, {places.Province} and {places.County}; values: name {places.Name}, domain {places.Domain}, number {places.NumberPrefix}");
        var rows = new List<string>();
        await using var source = NpgsqlDataSource.Create(connectionString);
        var clients = new Dictionary<string, HttpClient>();
        try
        {
            foreach (var user in new[] { Ministry, Province, County }) clients[user] = await SignedInAsync(host.BaseUrl, user);
            foreach (var @case in Cases(places).Where(c => only == null || c.Name.Contains(only, StringComparison.Ordinal)))
            {
                var (platform, baseline, reads, slowestRead) = await MeasureAsync(clients[@case.User], source, @case, runs, dropped);
                log($"{@case.Name}: platform p95 {platform.P95Ms:F0} ms, baseline p95 {baseline.P95Ms:F0} ms ({reads} reads; slowest {slowestRead})");
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {@case.Name} | {platform.P50Ms:F0} | {platform.P95Ms:F0} | {baseline.P50Ms:F0} | {baseline.P95Ms:F0} | {reads} | {platform.P95Ms / baseline.P95Ms:F1} |"));
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
        var export = only == null || ExportName.Contains(only, StringComparison.Ordinal)
            ? await ExportAsync(host.Services, source, places.Province, dropped, log)
            : null;
        return Report(rows, export, places, runs - dropped, dropped, await Machine.DescribeAsync(connectionString));
    }

    /// <summary>What the cases ask: the largest province and county, and values taken from a filed site.</summary>
    public sealed record Places(string Province, string County, string Name, string Domain, string NumberPrefix, DateOnly Month);

    private static IEnumerable<PoliceCase> Cases(Places places)
    {
        var name = Uri.EscapeDataString(places.Name);
        var from = places.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = places.Month.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yearAgo = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (who, user) in new[] { ("部", Ministry), ("省", Province) })
        {
            yield return new($"工作台 ({who})", user, "/Police");
            yield return new($"已备案网站, first page ({who})", user, "/Police/Websites");
            yield return new($"已备案网站, last page ({who})", user, "/Police/Websites?cursor=last");
            yield return new($"待审核申请, first page ({who})", user, "/Police/Queue");
            yield return new($"待审核申请, last page ({who})", user, "/Police/Queue?cursor=last");
            yield return new($"统计分析, 366 days ({who})", user, $"/Police/Statistics?from={yearAgo}");
        }
        yield return new("已备案网站, 网站名称 科技 (部)", Ministry, "/Police/Websites?name=" + Uri.EscapeDataString("科技"));
        yield return new("已备案网站, 网站名称 of 3 characters (部)", Ministry, "/Police/Websites?name=" + name);
        yield return new("已备案网站, 域名 (部)", Ministry, "/Police/Websites?domain=" + Uri.EscapeDataString(places.Domain));
        yield return new("已备案网站, 公安备案号 prefix (部)", Ministry, "/Police/Websites?number=" + places.NumberPrefix);
        yield return new("已备案网站, a month of 备案时间 (部)", Ministry, $"/Police/Websites?filedFrom={from}&filedTo={to}");
        // A period read from the name index: from its first place filed in the period, not every older entry of 科技.
        yield return new("已备案网站, 网站名称 科技 and a month of 备案时间 (部)", Ministry,
            $"/Police/Websites?name={Uri.EscapeDataString("科技")}&filedFrom={from}&filedTo={to}");
        yield return new("已备案网站, 网站名称 科技 from a year ago, last page (部)", Ministry,
            $"/Police/Websites?name={Uri.EscapeDataString("科技")}&filedFrom={yearAgo}&cursor=last");
        // 待审核申请 beyond the open applications: decided ones are most of the history, each filter and 排序.
        yield return new("待审核申请, 已通过, first page (部)", Ministry, "/Police/Queue?status=Approved");
        yield return new("待审核申请, 已通过, last page (部)", Ministry, "/Police/Queue?status=Approved&cursor=last");
        yield return new("待审核申请, 已通过, 提交时间从晚到早 (部)", Ministry, "/Police/Queue?status=Approved&sort=Newest");
        yield return new("待审核申请, 已退回 by 业务类型, last page (部)", Ministry, "/Police/Queue?status=Returned&sort=Type&cursor=last");
        yield return new("待审核申请, 变更网站, 已通过 (部)", Ministry, "/Police/Queue?type=ChangeWebsite&status=Approved");
        yield return new("待审核申请, 已通过, a month of 提交日期 (部)", Ministry, $"/Police/Queue?status=Approved&from={from}&to={to}");
        yield return new("待审核申请, 仅显示已超期 (部)", Ministry, "/Police/Queue?overdueOnly=true");
        yield return new("待审核申请, 提交时间从晚到早, last page (省)", Province, "/Police/Queue?sort=Newest&cursor=last");
        yield return new("已备案网站, last page (县)", County, "/Police/Websites?cursor=last");
        yield return new("待审核申请, first page (县)", County, "/Police/Queue");
        yield return new("未备案网站导入 (部)", Ministry, "/Police/Imports");
        yield return new("服务商上报 (部)", Ministry, "/Police/Reporting");
        yield return new("安全评估 (部)", Ministry, "/Police/Assessments");
    }

    /// <summary>Two untimed rounds, one recorded request, then <paramref name="runs"/> alternating timed runs, the first dropped.</summary>
    private static async Task<(Timings Platform, Timings Baseline, int Reads, string SlowestRead)> MeasureAsync(HttpClient client, NpgsqlDataSource source, PoliceCase @case,
        int runs, int dropped)
    {
        var key = Guid.NewGuid().ToString("N");
        using (var recorded = new HttpRequestMessage(HttpMethod.Get, @case.Url))
        {
            recorded.Headers.Add(SqlCapture.Header, key);
            await SendAsync(client, recorded);
        }
        var reads = SqlCapture.ByRequest[key].Where(c => c.IsRead || c.IsSetting).ToList();
        var (platform, baseline) = (new List<double>(), new List<double>());
        var slowest = new Dictionary<CapturedCommand, double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, @case.Url));
            var platformMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await using (var connection = await source.OpenConnectionAsync())
                await CapturedCommand.ReplayReadsAsync(connection, reads,
                    (command, ms) => slowest[command] = Math.Max(slowest.GetValueOrDefault(command), ms));
            var baselineMs = clock.Elapsed.TotalMilliseconds;
            if (run < dropped) continue;
            platform.Add(platformMs);
            baseline.Add(baselineMs);
        }
        var (worst, worstMs) = slowest.MaxBy(s => s.Value);
        return (Timings.Of(platform), Timings.Of(baseline), reads.Count(c => c.IsRead), $"{worstMs:F0} ms: {OneLine(worst.Text)}");
    }

    private static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 400 ? line[..400] + "…" : line;
    }

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{(int)response.StatusCode} from {request.RequestUri} {response.Headers.Location}: {body[..Math.Min(300, body.Length)]}");
        }
    }

    private static async Task<HttpClient> SignedInAsync(string baseUrl, string user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(5),
        };
        using var response = await client.GetAsync($"{BenchSignIn.Path}?user={user}");
        if (response.StatusCode != HttpStatusCode.NoContent) throw new InvalidOperationException($"{user} could not sign in: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The three officers (上级单位 at the ministry and the province, 审核民警 at the county), made once.</summary>
    private static async Task EnsureOfficersAsync(IServiceProvider platform, Places places)
    {
        using var scope = platform.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var lookup = scope.ServiceProvider.GetRequiredService<AccountLookup>();
        var officers = new[] { (Ministry, PoliceUnitCatalog.MinistryCode, Roles.Supervisor, "13900000001"), (Province, places.Province, Roles.Supervisor, "13900000002"), (County, places.County, Roles.Reviewer, "13900000003") };
        foreach (var (name, unit, role, mobile) in officers)
        {
            if (await users.FindByNameAsync(name) is { } existing)
            {
                existing.PoliceUnitCode = unit;
                await users.UpdateAsync(existing);
                continue;
            }
            var officer = new ApplicationUser
            {
                UserName = name, Email = name + "@bench.invalid", Kind = AccountKind.Police, DisplayName = "基准测试民警", PoliceUnitCode = unit,
                TwoFactorEnabled = true, MobileVerifiedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            };
            lookup.SetMobile(officer, mobile);
            var created = await users.CreateAsync(officer);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(officer, role);
        }
    }

    private static async Task<Places> PlacesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<string> TextAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)
                ?? throw new InvalidOperationException("The database holds no filed websites: run `generate` first.");
        }
        var county = await TextAsync("""SELECT "JurisdictionUnitCode" FROM "Websites" WHERE "Status" = 'Filed' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1""");
        var province = await TextAsync("""SELECT left("JurisdictionUnitCode", 2) || '0000' FROM "Websites" WHERE "Status" = 'Filed' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1""");
        // A site from the middle of the table: its name's middle three characters, its domain, its number's first six digits.
        var site = await TextAsync("""SELECT "Name" || E'\n' || "MainDomain" || E'\n' || "NumberDigits" || E'\n' || to_char("FiledAt", 'YYYY-MM') FROM "PublicWebsites" TABLESAMPLE BERNOULLI (0.01) REPEATABLE (5) WHERE length("Name") >= 5 AND "MainDomain" IS NOT NULL LIMIT 1""");
        var parts = site.Split('\n');
        var middle = Math.Max(0, parts[0].Length / 2 - 1);
        return new Places(province, county, parts[0].Substring(middle, 3), parts[1], parts[2][..6],
            DateOnly.ParseExact(parts[3] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed record ExportResult(long Rows, double Seconds, long PeakBytesAboveIdle, double BaselineSeconds, int Runs);

    /// <summary>Export runs: fewer than the pages', since one province's export at 5 M reads some 400,000 rows.</summary>
    private const int ExportRuns = 7;

    /// <summary>
    /// 【导出Excel】 of the province's 已备案网站 as the background export writes it (rows read as they are written, to a
    /// file that is gone once closed), alternating with its SQL alone, <see cref="ExportRuns"/> times, the first
    /// <paramref name="dropped"/> dropped (the first two or three run 2–4 times slower, as much with the tiered JIT off:
    /// it seems the pool's connections reading the shared buffers for the first time); p50s reported, and the worst peak memory of every run (the kernel's high-water mark, reset before each).
    /// </summary>
    private static async Task<ExportResult> ExportAsync(IServiceProvider platform, NpgsqlDataSource source, string province, int dropped,
        Action<string> log)
    {
        var (platformSeconds, baselineSeconds) = (new List<double>(), new List<double>());
        long rows = 0, peak = 0;
        for (var run = 0; run < ExportRuns; run++)
        {
            var (written, seconds, peakAbove, reads) = await ExportOnceAsync(platform, province);
            var clock = Stopwatch.StartNew();
            await using (var connection = await source.OpenConnectionAsync())
                await CapturedCommand.ReplayReadsAsync(connection, reads);
            log($"export: {written:N0} rows in {seconds:F1} s, peak {peakAbove / 1048576} MB above idle; its SQL alone {clock.Elapsed.TotalSeconds:F1} s");
            (rows, peak) = (written, Math.Max(peak, peakAbove));
            if (run < dropped) continue;
            platformSeconds.Add(seconds);
            baselineSeconds.Add(clock.Elapsed.TotalSeconds);
        }
        return new ExportResult(rows, P50(platformSeconds), peak, P50(baselineSeconds), platformSeconds.Count);
    }

    private static async Task<(long Rows, double Seconds, long PeakAbove, IReadOnlyList<CapturedCommand> Reads)> ExportOnceAsync(
        IServiceProvider platform, string province)
    {
        using var scope = platform.CreateScope();
        var list = scope.ServiceProvider.GetRequiredService<FiledWebsiteList>();
        var officer = new Officer(Province, "基准测试民警", province, IsSupervisor: true);
        GC.Collect();
        var idle = ResetPeakResident();
        var clock = Stopwatch.StartNew();
        long rows = 0;
        var reads = await SqlCapture.OfAsync(async () =>
        {
            await using var file = ExcelExport.TemporaryFile();
            rows = await ExcelExport.WriteAsync(file, [new ExcelSheet(list.Title, list.Columns, list.RowsAsync(officer, new FiledWebsiteFilter(), CancellationToken.None))],
                ExcelLayout.Default, null, CancellationToken.None);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        return (rows, seconds, PeakResident() - idle, reads);
    }

    /// <summary>The p50 the pages report (nearest rank): of the 5 runs kept, the median.</summary>
    private static double P50(IEnumerable<double> seconds) => LoadRunner.Percentile(seconds.Order().ToArray(), 0.50);

    /// <summary>Resets the kernel's peak resident size of this process (clear_refs 5) and returns the resident size now.</summary>
    private static long ResetPeakResident()
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
        return Status("VmRSS:");
    }

    private static long PeakResident() => Status("VmHWM:");

    private static long Status(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0],
            CultureInfo.InvariantCulture) * 1024;

    private static string Report(List<string> rows, ExportResult? export, Places places, int runs, int dropped, string machine)
    {
        var sites = new StringBuilder();
        sites.AppendLine($"Police pages, {runs} timed runs each after {dropped} dropped, one request at a time, platform and baseline alternating ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        sites.AppendLine($"Officers: 部 = 上级单位 at the ministry, 省 = 上级单位 at {places.Province}, 县 = 审核民警 at {places.County}. Machine: {machine}");
        sites.AppendLine();
        sites.AppendLine("| page | platform p50 ms | p95 ms | baseline p50 ms | p95 ms | reads | p95 platform / baseline |");
        sites.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows) sites.AppendLine(row);
        if (export == null) return sites.ToString();
        sites.AppendLine();
        sites.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{ExportName} of 已备案网站 at {places.Province}, median of {export.Runs} runs after {ExportRuns - export.Runs} dropped, alternating with its SQL alone: {export.Rows:N0} rows in {export.Seconds:F2} s ({export.Rows / export.Seconds:N0} rows/s), at most {export.PeakBytesAboveIdle / 1048576:N0} MB above idle in any run; its SQL alone {export.BaselineSeconds:F2} s ({export.Rows / export.BaselineSeconds:N0} rows/s)."));
        return sites.ToString();
    }
}
