using System.Diagnostics;

namespace Beian.Bench;

/// <summary>
/// One measured endpoint: a name and the URL of the k-th request. The k-th request of a scenario is the same whichever
/// side asks it, so that two sides given the same sequence ask the same values in the same order.
/// </summary>
public sealed record Scenario(string Name, Func<long, string> UrlAt);

/// <summary>What one scenario did: requests answered, failures, throughput and latency percentiles.</summary>
public sealed record ScenarioResult(string Name, long Requests, long Failures, double Seconds, double P50Ms, double P99Ms, string? FirstFailure = null,
    double P999Ms = double.NaN, double MaxMs = double.NaN)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>The latencies of one measured stretch of a scenario, and where its sequence stopped.</summary>
public sealed record Segment(double[] Latencies, long Failures, double Seconds, long NextIndex, string? FirstFailure);

/// <summary>
/// Load on an HTTP endpoint, closed-loop (<c>connections</c> workers, each sending its next request as soon as the last
/// one answered) or open-loop (requests started at a fixed rate whatever the answers, each timed from when it was due,
/// so that a slow answer delays no measurement: no coordinated omission). Latencies are kept whole and sorted once.
/// </summary>
public sealed class LoadRunner(HttpClient http, int connections, TimeSpan warmUp, TimeSpan duration)
{
    /// <summary>A warm-up and one closed-loop measurement from the sequence's start (the cluster drill's use).</summary>
    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        var warm = await ClosedAsync(scenario, warmUp, 0, cancellationToken);
        return Summarise(scenario.Name, [await ClosedAsync(scenario, duration, warm.NextIndex, cancellationToken)]);
    }

    /// <summary>Load for <paramref name="period"/>, measured by no one.</summary>
    public Task WarmUpAsync(Scenario scenario, TimeSpan period, CancellationToken cancellationToken = default) =>
        ClosedAsync(scenario, period, 0, cancellationToken);

    /// <summary>Closed loop for <paramref name="period"/>, requests <paramref name="startIndex"/>, +1, … of the sequence.</summary>
    public async Task<Segment> ClosedAsync(Scenario scenario, TimeSpan period, long startIndex, CancellationToken cancellationToken = default)
    {
        var next = startIndex - 1;
        var latencies = new List<double>[connections];
        var failures = new long[connections];
        var clock = Stopwatch.StartNew();
        var until = Stopwatch.GetTimestamp() + (long)(period.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            latencies[worker] = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < until && !cancellationToken.IsCancellationRequested)
            {
                var url = scenario.UrlAt(Interlocked.Increment(ref next));
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync(url, cancellationToken);
                latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok) failures[worker]++;
            }
        }, cancellationToken)));
        return new Segment(latencies.SelectMany(l => l).ToArray(), failures.Sum(), clock.Elapsed.TotalSeconds, next + 1, _firstFailure);
    }

    /// <summary>
    /// Open loop: request k is due at start + k / <paramref name="perSecond"/> and sent then, however many are still
    /// unanswered (they wait for a free connection, and that wait counts); its latency runs from when it was due.
    /// The segment ends when every request due within <paramref name="period"/> has answered.
    /// </summary>
    public async Task<Segment> OpenAsync(Scenario scenario, double perSecond, TimeSpan period, long startIndex,
        CancellationToken cancellationToken = default)
    {
        var due = (long)(perSecond * period.TotalSeconds);
        var latencies = new double[due];
        var failures = 0L;
        var inFlight = new List<Task>((int)Math.Min(due, 1_000_000));
        var start = Stopwatch.GetTimestamp();
        for (long k = 0; k < due && !cancellationToken.IsCancellationRequested; k++)
        {
            var dueAt = start + (long)(k / perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueAt);
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, cancellationToken);
            var slot = k;
            var url = scenario.UrlAt(startIndex + k);
            inFlight.Add(Task.Run(async () =>
            {
                var ok = await SendAsync(url, cancellationToken);
                latencies[slot] = Stopwatch.GetElapsedTime(dueAt).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref failures);
            }, cancellationToken));
        }
        await Task.WhenAll(inFlight);
        return new Segment(latencies, failures, Stopwatch.GetElapsedTime(start).TotalSeconds, startIndex + due, _firstFailure);
    }

    /// <summary>One result of several segments of the same side (ABAB rounds): their requests and seconds added, latencies merged.</summary>
    public static ScenarioResult Summarise(string name, IReadOnlyList<Segment> segments)
    {
        var all = segments.SelectMany(s => s.Latencies).Order().ToArray();
        return new ScenarioResult(name, all.Length, segments.Sum(s => s.Failures), segments.Sum(s => s.Seconds),
            Percentile(all, 0.50), Percentile(all, 0.99), segments.Select(s => s.FirstFailure).FirstOrDefault(f => f != null),
            Percentile(all, 0.999), all.Length == 0 ? double.NaN : all[^1]);
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
