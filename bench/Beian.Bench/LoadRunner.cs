using System.Diagnostics;

namespace Beian.Bench;

/// <summary>One measured endpoint: a name and the next URL to ask (a fresh query value each time).</summary>
public sealed record Scenario(string Name, Func<Random, string> NextUrl);

/// <summary>What one scenario did: requests answered, failures, throughput and latency percentiles.</summary>
public sealed record ScenarioResult(string Name, long Requests, long Failures, double Seconds, double P50Ms, double P99Ms, string? FirstFailure = null)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>
/// Closed-loop load: <c>connections</c> workers, each sending its next request as soon as the last
/// one answered, for a warm-up and then a measured period. Latencies are kept whole (no sampling)
/// and sorted once at the end.
/// </summary>
public sealed class LoadRunner(HttpClient http, int connections, TimeSpan warmUp, TimeSpan duration)
{
    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        await RunForAsync(scenario, warmUp, record: null, cancellationToken);
        var latencies = new List<double>[connections];
        for (var i = 0; i < connections; i++) latencies[i] = new List<double>(4096);
        var failures = new long[connections];
        var clock = Stopwatch.StartNew();
        await RunForAsync(scenario, duration, (worker, ms, ok) =>
        {
            latencies[worker].Add(ms);
            if (!ok) failures[worker]++;
        }, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new ScenarioResult(scenario.Name, all.Length, failures.Sum(), seconds, Percentile(all, 0.50), Percentile(all, 0.99), _firstFailure);
    }

    /// <summary>Load for <paramref name="period"/>, measured by no one.</summary>
    public Task WarmUpAsync(Scenario scenario, TimeSpan period, CancellationToken cancellationToken = default) =>
        RunForAsync(scenario, period, record: null, cancellationToken);

    private Task RunForAsync(Scenario scenario, TimeSpan period, Action<int, double, bool>? record, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(period.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker * 7919 + scenario.Name.Length);
            while (Stopwatch.GetTimestamp() < until && !cancellationToken.IsCancellationRequested)
            {
                var url = scenario.NextUrl(random);
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync(url, cancellationToken);
                record?.Invoke(worker, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
            }
        }, cancellationToken)));
    }

    private string? _firstFailure;

    private async Task<bool> SendAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.IsSuccessStatusCode) return true;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            _firstFailure ??= $"{(int)response.StatusCode} {url}: {body[..Math.Min(300, body.Length)]}";
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _firstFailure ??= $"{e.GetType().Name} {url}: {e.Message}";
            return false;
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
