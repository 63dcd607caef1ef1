using System.Globalization;
using System.Text;
using Npgsql;

namespace Beian.Bench;

/// <summary>
/// 公共查询 under load: each query form through the platform's JSON API beside the same SQL through
/// <see cref="Baseline"/>, one after the other in the same run, with query values sampled from the
/// loaded dataset (existing numbers, www and sub-domain forms of existing hosts, 1-, 2- and 3–4-character
/// pieces of existing names), and a Markdown table of throughput, p50 and p99 with the ratio.
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

    public static async Task<string> RunAsync(string connectionString, int connections, TimeSpan warmUp, TimeSpan duration, string? only,
        Action<string> log)
    {
        var sample = await SampleAsync(connectionString);
        log($"sampled {sample.Numbers.Count} numbers, {sample.Domains.Count} domains, {sample.Names.Count} names from {sample.Sites:N0} filed websites");
        await using var host = new BenchHost(connectionString);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(host.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var runner = new LoadRunner(http, connections, warmUp, duration);
        var rows = new List<(string Query, ScenarioResult Platform, ScenarioResult Baseline)>();
        var forms = Forms(sample).ToList();
        log($"warming the platform up: {PlatformWarmUp.TotalSeconds:F0} s of every query form");
        await runner.WarmUpAsync(new Scenario("platform warm-up", random =>
        {
            var (_, parameter, values) = forms[random.Next(forms.Count)];
            return $"/api/public/websites?{parameter}={Uri.EscapeDataString(values[random.Next(values.Count)])}";
        }), PlatformWarmUp);
        foreach (var (query, parameter, values) in forms.Where(f => only == null || f.Query.Contains(only, StringComparison.Ordinal)))
        {
            string Pick(Random random) => Uri.EscapeDataString(values[random.Next(values.Count)]);
            await PrimeAsync(http, Baseline.PathPrefix, parameter, values, connections);
            await PrimeAsync(http, "/api/public/websites", parameter, values, connections);
            var platform = await runner.RunAsync(new Scenario($"{query} platform", r => $"/api/public/websites?{parameter}={Pick(r)}"));
            log($"{query}: platform {platform.RequestsPerSecond:F0} req/s, p99 {platform.P99Ms:F1} ms, {platform.Failures} failed {platform.FirstFailure}");
            var baseline = await runner.RunAsync(new Scenario($"{query} baseline", r => $"{Baseline.PathPrefix}?{parameter}={Pick(r)}"));
            log($"{query}: baseline {baseline.RequestsPerSecond:F0} req/s, p99 {baseline.P99Ms:F1} ms, {baseline.Failures} failed {baseline.FirstFailure}");
            rows.Add((query, platform, baseline));
        }
        return Report(rows, sample.Sites, connections, duration, await Machine.DescribeAsync(connectionString));
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
        // A random page of the table, cheap on millions of rows.
        var percent = Math.Min(100.0, Samples * 200.0 / sites);
        await using (var command = new NpgsqlCommand(
            $"SELECT \"NumberDisplay\", \"Name\", \"MainDomain\", \"SubDomains\" FROM \"PublicWebsites\" TABLESAMPLE SYSTEM ({percent.ToString(CultureInfo.InvariantCulture)}) LIMIT {Samples}", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        }
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

    private static string Report(List<(string Query, ScenarioResult Platform, ScenarioResult Baseline)> rows, long sites, int connections,
        TimeSpan duration, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine($"公共查询 on {sites:N0} filed websites, {connections} concurrent connections, {duration.TotalSeconds:F0} s per row ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine($"Machine: {machine}");
        text.AppendLine();
        text.AppendLine("| query | platform req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | platform / baseline |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (query, platform, baseline) in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {query} | {platform.RequestsPerSecond:F0} | {platform.P50Ms:F1} | {platform.P99Ms:F1} | {baseline.RequestsPerSecond:F0} | {baseline.P50Ms:F1} | {baseline.P99Ms:F1} | {platform.RequestsPerSecond / baseline.RequestsPerSecond:P0} |"));
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
        var memory = File.Exists("/proc/meminfo")
            ? (await File.ReadAllLinesAsync("/proc/meminfo")).FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var version = (string)(await new NpgsqlCommand("SHOW server_version", connection).ExecuteScalarAsync())!;
        var buffers = (string)(await new NpgsqlCommand("SHOW shared_buffers", connection).ExecuteScalarAsync())!;
        var tls = new NpgsqlConnectionStringBuilder(connectionString).SslMode == SslMode.Disable ? "without TLS" : "with TLS if the server offers it";
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory ?? "unknown memory"}, PostgreSQL {version} (shared_buffers {buffers}) " +
            $"on the same machine, reached {tls}, .NET {Environment.Version}; client, platform and database share the cores";
    }
}
