using System.Globalization;
using System.Text;
using Npgsql;

namespace Beian.Bench;

/// <summary>How the load is offered: closed loop on a number of connections, or open loop at a fixed rate.</summary>
public sealed record LoadShape(int Connections, double? PerSecond, int Rounds)
{
    public string Describe() => PerSecond is { } rate
        ? $"open loop at {rate:F0} requests/s (at most {Connections} connections)"
        : $"{Connections} concurrent connections, closed loop";
}

/// <summary>
/// 公共查询 under load: each query form through the platform's JSON API beside the same SQL through
/// <see cref="Baseline"/>, in the same run, alternating platform and baseline in rounds (ABAB, so that a drift of the
/// machine during a form falls on both sides), both asking the same sequence of values: sampled uniformly over the
/// whole table (existing numbers, www and sub-domain forms of existing hosts, 1-, 2- and 3–4-character pieces of
/// existing names). A Markdown table of throughput, p50 and p99 with the ratio (and p99.9 and the worst in open loop).
/// </summary>
public static class QueryBenchmark
{
    private const int Samples = 5000;

    /// <summary>
    /// Load of every form through the platform before the first row: the tiered JIT recompiles the
    /// platform's code, its periodic jobs' included (the rate counter's sync runs once a second),
    /// for a minute or so after start. A node that has been up that long has done so for good, and
    /// without this the first row paid it (a seventh of the machine's CPU) and the baseline after it did not.
    /// </summary>
    public static readonly TimeSpan PlatformWarmUp = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(string connectionString, LoadShape shape, TimeSpan warmUp, TimeSpan duration, string? only,
        Action<string> log)
    {
        var sample = await SampleAsync(connectionString);
        log($"sampled {sample.Numbers.Count} numbers, {sample.Domains.Count} domains, {sample.Names.Count} names uniformly from {sample.Sites:N0} filed websites");
        await using var host = new BenchHost(connectionString);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = shape.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(host.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var runner = new LoadRunner(http, shape.Connections, warmUp, duration);
        var rows = new List<(string Query, ScenarioResult Platform, ScenarioResult Baseline)>();
        var forms = Forms(sample).ToList();
        log($"warming the platform up: {PlatformWarmUp.TotalSeconds:F0} s of every query form");
        await runner.WarmUpAsync(new Scenario("platform warm-up", k =>
        {
            var (_, parameter, values) = forms[(int)(k % forms.Count)];
            return $"/api/public/websites?{parameter}={Uri.EscapeDataString(values[(int)(k / forms.Count % values.Count)])}";
        }), PlatformWarmUp);
        foreach (var (query, parameter, values) in forms.Where(f => only == null || f.Query.Contains(only, StringComparison.Ordinal)))
        {
            await PrimeAsync(http, Baseline.PathPrefix, parameter, values, shape.Connections);
            await PrimeAsync(http, "/api/public/websites", parameter, values, shape.Connections);
            var platform = SideOf($"{query} platform", "/api/public/websites", parameter, values);
            var baseline = SideOf($"{query} baseline", Baseline.PathPrefix, parameter, values);
            var (platformResult, baselineResult) = await AlternateAsync(runner, shape, platform, baseline, warmUp, duration);
            log($"{query}: platform {platformResult.RequestsPerSecond:F0} req/s, p99 {platformResult.P99Ms:F1} ms, {platformResult.Failures} failed {platformResult.FirstFailure}");
            log($"{query}: baseline {baselineResult.RequestsPerSecond:F0} req/s, p99 {baselineResult.P99Ms:F1} ms, {baselineResult.Failures} failed {baselineResult.FirstFailure}");
            rows.Add((query, platformResult, baselineResult));
        }
        return Report(rows, sample.Sites, shape, duration, await Machine.DescribeAsync(connectionString));
    }

    /// <summary>The k-th request of a side: the k-th value of the form's sequence, the same on both sides.</summary>
    private static Scenario SideOf(string name, string path, string parameter, IReadOnlyList<string> values) =>
        new(name, k => $"{path}?{parameter}={Uri.EscapeDataString(values[(int)(k % values.Count)])}");

    /// <summary>
    /// A warm-up of each side, then <see cref="LoadShape.Rounds"/> rounds of platform then baseline (ABAB), each side
    /// going on through the same sequence where its last segment stopped; the duration is shared out over the rounds.
    /// </summary>
    private static async Task<(ScenarioResult Platform, ScenarioResult Baseline)> AlternateAsync(LoadRunner runner, LoadShape shape,
        Scenario platform, Scenario baseline, TimeSpan warmUp, TimeSpan duration)
    {
        var slice = duration / shape.Rounds;
        Task<Segment> Measure(Scenario side, TimeSpan period, long start) => shape.PerSecond is { } rate
            ? runner.OpenAsync(side, rate, period, start)
            : runner.ClosedAsync(side, period, start);
        await Measure(platform, warmUp, 0);
        await Measure(baseline, warmUp, 0);
        var (platformSegments, baselineSegments) = (new List<Segment>(), new List<Segment>());
        long platformNext = 0, baselineNext = 0;
        for (var round = 0; round < shape.Rounds; round++)
        {
            var a = await Measure(platform, slice, platformNext);
            platformSegments.Add(a);
            platformNext = a.NextIndex;
            var b = await Measure(baseline, slice, baselineNext);
            baselineSegments.Add(b);
            baselineNext = b.NextIndex;
        }
        return (LoadRunner.Summarise(platform.Name, platformSegments), LoadRunner.Summarise(baseline.Name, baselineSegments));
    }

    /// <summary>
    /// Every sampled value asked once through each side before either is measured, so that both
    /// find the same pages of the tables in memory and their code compiled (else whichever runs
    /// first pays the reads from disk and the JIT that the other is then spared).
    /// </summary>
    private static async Task PrimeAsync(HttpClient http, string path, string parameter, IReadOnlyList<string> values, int connections)
    {
        await Parallel.ForEachAsync(values, new ParallelOptions { MaxDegreeOfParallelism = connections }, async (value, ct) =>
        {
            var url = $"{path}?{parameter}={Uri.EscapeDataString(value)}";
            using var response = await http.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} from {url}");
        });
    }

    private static IEnumerable<(string Query, string Parameter, IReadOnlyList<string> Values)> Forms(DatasetSample sample)
    {
        yield return ("by number", "number", sample.Numbers);
        yield return ("by domain", "domain", sample.Domains);
        yield return ("by name, 1 character", "name", Pieces(sample.Names, 1, 1));
        yield return ("by name, 2 characters", "name", Pieces(sample.Names, 2, 2));
        yield return ("by name, 3–4 characters", "name", Pieces(sample.Names, 3, 4));
    }

    /// <summary>A piece of each name from a random position: what a person types to find a site.</summary>
    private static IReadOnlyList<string> Pieces(IReadOnlyList<string> names, int shortest, int longest)
    {
        var random = new Random(shortest * 31 + longest);
        return names.Where(n => n.Length >= longest).Select(n =>
        {
            var length = random.Next(shortest, longest + 1);
            return n.Substring(random.Next(n.Length - length + 1), length);
        }).ToList();
    }

    private sealed record DatasetSample(long Sites, IReadOnlyList<string> Numbers, IReadOnlyList<string> Domains, IReadOnlyList<string> Names);

    private static async Task<DatasetSample> SampleAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sites = (long)(await new NpgsqlCommand("SELECT count(*) FROM \"PublicWebsites\"", connection).ExecuteScalarAsync())!;
        if (sites == 0) throw new InvalidOperationException("The database holds no filed websites: run `generate` first.");
        var rows = new List<(string Number, string Name, string? Domain, string SubDomains)>();
        // Every row of the table has the same chance (BERNOULLI reads every page; SYSTEM took whole pages, a few
        // hundred hot ones); a little more than needed is drawn, then a seeded shuffle keeps Samples in random order.
        var percent = Math.Min(100.0, Samples * 130.0 / sites);
        await using (var command = new NpgsqlCommand(
            $"SELECT \"NumberDisplay\", \"Name\", \"MainDomain\", \"SubDomains\" FROM \"PublicWebsites\" TABLESAMPLE BERNOULLI ({percent.ToString(CultureInfo.InvariantCulture)}) REPEATABLE (1)", connection)
        { CommandTimeout = 600 })
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        }
        var shuffle = new Random(3);
        rows = rows.OrderBy(_ => shuffle.Next()).Take(Samples).ToList();
        var random = new Random(7);
        var domains = rows.Where(r => r.Domain != null).Select(r =>
        {
            var subDomains = r.SubDomains.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // As typed: the main domain, a www or other sub-domain form, or a URL.
            return random.Next(4) switch
            {
                0 => r.Domain!,
                1 => r.Domain!.StartsWith("www.", StringComparison.Ordinal) ? r.Domain[4..] : "www." + r.Domain,
                2 when subDomains.Length > 0 => subDomains[random.Next(subDomains.Length)],
                _ => $"https://{r.Domain}/index.html",
            };
        }).ToList();
        // Numbers as printed under the badge, some with a space or only the digits.
        var numbers = rows.Select(r => random.Next(3) switch
        {
            0 => r.Number,
            1 => r.Number.Replace("公网安备", "公网安备 "),
            _ => new string(r.Number.Where(char.IsAsciiDigit).ToArray()),
        }).ToList();
        return new DatasetSample(sites, numbers, domains, rows.Select(r => r.Name).ToList());
    }

    private static string Report(List<(string Query, ScenarioResult Platform, ScenarioResult Baseline)> rows, long sites, LoadShape shape,
        TimeSpan duration, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine($"公共查询 on {sites:N0} filed websites, {shape.Describe()}, {duration.TotalSeconds:F0} s per side and row in {shape.Rounds} alternating rounds ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine($"Machine: {machine}");
        text.AppendLine();
        if (shape.PerSecond == null)
        {
            text.AppendLine("| query | platform req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | platform / baseline |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (query, platform, baseline) in rows)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {query} | {platform.RequestsPerSecond:F0} | {platform.P50Ms:F1} | {platform.P99Ms:F1} | {baseline.RequestsPerSecond:F0} | {baseline.P50Ms:F1} | {baseline.P99Ms:F1} | {platform.RequestsPerSecond / baseline.RequestsPerSecond:P0} |"));
            }
        }
        else
        {
            text.AppendLine("| query | platform p50 ms | p99 ms | p99.9 ms | max ms | baseline p50 ms | p99 ms | p99.9 ms | max ms | p99 platform / baseline |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (query, platform, baseline) in rows)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {query} | {platform.P50Ms:F1} | {platform.P99Ms:F1} | {platform.P999Ms:F1} | {platform.MaxMs:F0} | {baseline.P50Ms:F1} | {baseline.P99Ms:F1} | {baseline.P999Ms:F1} | {baseline.MaxMs:F0} | {platform.P99Ms / baseline.P99Ms:F2} |"));
            }
        }
        var failed = rows.Sum(r => r.Platform.Failures + r.Baseline.Failures);
        if (failed > 0) text.AppendLine().AppendLine($"{failed} requests failed (non-2xx or no answer).");
        return text.ToString();
    }
}

/// <summary>What the run ran on, for the README table.</summary>
internal static class Machine
{
    public static async Task<string> DescribeAsync(string connectionString)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? (await File.ReadAllLinesAsync("/proc/cpuinfo")).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var meminfo = File.Exists("/proc/meminfo") ? await File.ReadAllLinesAsync("/proc/meminfo") : [];
        string? Field(string name) => meminfo.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memory = Field("MemTotal");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var version = (string)(await new NpgsqlCommand("SHOW server_version", connection).ExecuteScalarAsync())!;
        var buffers = (string)(await new NpgsqlCommand("SHOW shared_buffers", connection).ExecuteScalarAsync())!;
        // "try" falls back to normal pages when the kernel has none reserved: the pages reserved say whether it took them.
        var hugePages = (string)(await new NpgsqlCommand("SHOW huge_pages", connection).ExecuteScalarAsync())!;
        var reserved = Field("HugePages_Total");
        var tls = new NpgsqlConnectionStringBuilder(connectionString).SslMode == SslMode.Disable ? "without TLS" : "with TLS if the server offers it";
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory ?? "unknown memory"}, PostgreSQL {version} (shared_buffers {buffers}, huge_pages {hugePages}, {reserved ?? "?"} huge pages reserved) " +
            $"on the same machine, reached {tls}, .NET {Environment.Version}; client, platform and database share the cores";
    }
}
