using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Beian.ClusterDrill;

/// <summary>A website filing 【提交】 acknowledged by the platform (redirected to its 申请详情).</summary>
public sealed record Acknowledged(Guid ApplicationId, string Domain, TimeSpan At);

/// <summary>A filing or public query that failed: when, the HTTP status (0: no answer) and what the page said.</summary>
public sealed record Failure(TimeSpan At, string Kind, int Status, string Detail);

/// <summary>
/// A short bounded load through haproxy: each applicant files websites one after another (four steps
/// and 【提交】), and query workers ask the public query. Times are since <see cref="Clock"/> started.
/// </summary>
public sealed class Load(IReadOnlyList<Browser> applicants, Browser visitor, int queryWorkers)
{
    private static readonly string[] Names = ["宁波", "海曙", "演练", "网站", "科技"];

    public Stopwatch Clock { get; } = new();
    public ConcurrentBag<Acknowledged> Acknowledged { get; } = [];
    public ConcurrentBag<Failure> Failures { get; } = [];
    public ConcurrentBag<(TimeSpan At, bool Ok)> Queries { get; } = [];

    public int Concurrency => applicants.Count + queryWorkers;

    /// <summary>Runs until <paramref name="stop"/> is cancelled; <paramref name="fault"/> runs beside it and its end stops the load.</summary>
    public async Task RunAsync(Func<Task> fault)
    {
        Clock.Restart();
        using var stop = new CancellationTokenSource();
        var workers = applicants.Select(a => FileLoopAsync(a, stop.Token))
            .Concat(Enumerable.Range(0, queryWorkers).Select(i => QueryLoopAsync(i, stop.Token))).ToList();
        try
        {
            await fault();
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(workers);
        }
    }

    private async Task FileLoopAsync(Browser applicant, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var domain = $"drill{Guid.NewGuid():N}"[..17] + ".cn";
            try
            {
                var id = await Flows.FileWebsiteAsync(applicant, domain);
                Acknowledged.Add(new Acknowledged(id, domain, Clock.Elapsed));
            }
            catch (Exception e) when (e is DrillException or HttpRequestException or TaskCanceledException)
            {
                var status = e is DrillException ? (int)applicant.LastStatus : 0;
                Failures.Add(new Failure(Clock.Elapsed, "filing", status, e.Message));
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    private async Task QueryLoopAsync(int worker, CancellationToken stop)
    {
        var random = new Random(worker);
        while (!stop.IsCancellationRequested)
        {
            var url = $"/api/public/websites?name={Uri.EscapeDataString(Names[random.Next(Names.Length)])}";
            try
            {
                using var response = await visitor.Http.GetAsync(url, CancellationToken.None);
                Queries.Add((Clock.Elapsed, response.StatusCode == HttpStatusCode.OK));
                if (response.StatusCode != HttpStatusCode.OK)
                    Failures.Add(new Failure(Clock.Elapsed, "query", (int)response.StatusCode, url));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Queries.Add((Clock.Elapsed, false));
                Failures.Add(new Failure(Clock.Elapsed, "query", 0, e.Message));
            }
        }
    }
}
