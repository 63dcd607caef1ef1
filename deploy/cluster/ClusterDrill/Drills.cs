using System.Globalization;
using System.Net;
using Beian.Bench;
using Beian.Web.Infrastructure.Storage;

namespace Beian.ClusterDrill;

/// <summary>One line of the drill's table.</summary>
public sealed record Check(string Name, bool Passed, string Measurement);

/// <summary>
/// The fault drills of issue 15 against the running cluster, in an order where each leaves what the
/// next needs: a node killed (filings to approve), parallel approvals, the object store stopped,
/// public-query throughput, the primary stopped and the standby promoted, and a point-in-time restore.
/// </summary>
public sealed class Drills(Cluster cluster, Action<string> log)
{
    private const string UnavailablePage = "服务暂时不可用";
    private readonly List<Browser> _applicants = [];
    private Browser _visitor = null!;
    private readonly List<Guid> _toApprove = [];
    private List<int> _watchRunsAtStart = [];
    private readonly System.Diagnostics.Stopwatch _sinceStart = new();

    public List<Check> Checks { get; } = [];

    public async Task SetUpAsync(int applicants)
    {
        _watchRunsAtStart = WatchRuns();
        _sinceStart.Restart();
        _visitor = cluster.BrowserOn(Cluster.Proxy);
        using var reviewer = cluster.BrowserOn(Cluster.Proxy, cluster.Cookies);
        await Flows.LoginReviewerAsync(reviewer);
        // A subject is reviewed with its first business: each applicant's subject and first website together.
        var firstFilings = await Task.WhenAll(Enumerable.Range(0, applicants).Select(async i =>
        {
            var applicant = cluster.BrowserOn(Cluster.Proxy);
            lock (_applicants) _applicants.Add(applicant);
            await Flows.RegisterAndLoginAsync(applicant);
            await Flows.SubmitSubjectAsync(applicant);
            return await Flows.FileWebsiteAsync(applicant, $"setup{Guid.NewGuid():N}"[..17] + ".cn");
        }));
        foreach (var filing in firstFilings) await Flows.ApproveAsync(reviewer, filing);
        log($"{applicants} applicants registered, their subjects and first websites approved by {Flows.Reviewer}");
    }

    public async Task RunAsync(string name, Func<Task<Check>> drill)
    {
        log($"drill: {name}");
        Check check;
        try
        {
            check = await drill();
        }
        catch (Exception e)
        {
            check = new Check(name, false, $"{e.GetType().Name}: {e.Message}");
        }
        Checks.Add(check with { Name = name });
        log($"  {(check.Passed ? "PASS" : "FAIL")} {check.Measurement}");
    }

    /// <summary>(a) Node 2 killed with SIGKILL under load, then restarted.</summary>
    public async Task<Check> KillNodeAsync()
    {
        var load = new Load(_applicants, _visitor, queryWorkers: 2);
        TimeSpan killedAt = default, readyAfter = default, upAfter = default;
        await load.RunAsync(async () =>
        {
            await Task.Delay(3000);
            killedAt = load.Clock.Elapsed;
            await cluster.CtlAsync("kill-node", "2");
            await Task.Delay(3000);
            await cluster.CtlAsync("start-node", "2");
            readyAfter = load.Clock.Elapsed - killedAt;
            upAfter = await UntilHaproxyUpAsync("web2") + load.Clock.Elapsed - killedAt;
            await Task.Delay(2000);
        });
        _toApprove.AddRange(load.Acknowledged.Select(a => a.ApplicationId));
        var (stored, duplicates) = await StoredOnceAsync(load.Acknowledged);
        var failed = load.Failures.Count;
        var passed = failed <= load.Concurrency && stored == load.Acknowledged.Count && duplicates == 0 && load.Acknowledged.Count > 0;
        return new Check("", passed,
            $"{load.Acknowledged.Count} filings acknowledged, {stored} in DB once, {duplicates} duplicated; {failed} requests failed "
            + $"(≤ {load.Concurrency} in flight allowed){FirstFailure(load)}; node ready {readyAfter.TotalSeconds:0.0} s after the kill, "
            + $"haproxy UP {upAfter.TotalSeconds:0.0} s after");
    }

    /// <summary>(c) The filings of (a) approved in parallel, a third on each node.</summary>
    public async Task<Check> ParallelApprovalsAsync()
    {
        await using var db = await cluster.PrimaryAsync();
        var since = await Cluster.ScalarAsync<DateTime>(db, "SELECT now() AT TIME ZONE 'UTC'");
        var ids = _toApprove.Take(15).ToList();
        if (ids.Count < 3) return new Check("", false, $"only {ids.Count} filings to approve");
        var reviewers = Cluster.Nodes.Select(node => cluster.BrowserOn(node, cluster.Cookies)).ToList();
        await Task.WhenAll(reviewers.Select((reviewer, i) => Task.Run(async () =>
        {
            foreach (var id in ids.Where((_, k) => k % reviewers.Count == i)) await Flows.ApproveAsync(reviewer, id);
        })));
        reviewers.ForEach(r => r.Dispose());

        var numbers = await Cluster.ColumnAsync<string>(db, """
            SELECT coalesce(w."NumberDisplay", '') FROM "Applications" a JOIN "Websites" w ON w."Id" = a."TargetId" WHERE a."Id" = ANY($1)
            """, ids.ToArray());
        var distinctNumbers = numbers.Where(n => n != "").Distinct().Count();

        // Every message of the approvals (SMS and email to the applicants) delivered, each by one node once.
        await UntilAsync(async () => await Cluster.ScalarAsync<long>(db,
            """SELECT count(*) FROM "OutboxMessages" WHERE "CreatedAt" >= $1 AND "Status" <> 'Sent'""", since) == 0, TimeSpan.FromSeconds(20));
        var messages = await Cluster.ColumnAsync<Guid>(db, """SELECT "Id" FROM "OutboxMessages" WHERE "CreatedAt" >= $1""", since);
        var logs = Enumerable.Range(1, 3).Select(cluster.NodeLog).ToArray();
        var deliveries = messages.Select(m => logs.Sum(l => Occurrences(l, $"Outbox message {m} delivered"))).ToList();
        var byNode = logs.Select(l => messages.Count(m => l.Contains($"Outbox message {m} delivered", StringComparison.Ordinal))).ToList();

        // The audit sealer (one node at a time by its lease): every record sealed once, the chain without gaps.
        await UntilAsync(async () => await Cluster.ScalarAsync<long>(db, """SELECT count(*) FROM "AuditRecords" WHERE "Sequence" IS NULL""") == 0,
            TimeSpan.FromSeconds(20));
        var records = await Cluster.ScalarAsync<long>(db, """SELECT count(*) FROM "AuditRecords" """);
        var sequences = await Cluster.ScalarAsync<long>(db, """SELECT count(DISTINCT "Sequence") FROM "AuditRecords" """);
        var last = await Cluster.ScalarAsync<long>(db, """SELECT coalesce(max("Sequence"), 0) FROM "AuditRecords" """);
        var sealRuns = logs.Select(l => Occurrences(l, "Audit chain sealed up to")).ToList();

        // The deadline watch (Deadlines__CheckMinutes=0.1: every 6 s on each node's timer) ran once per interval across the
        // nodes since the set-up began (node 2's restart in (a) included), not once per node.
        var watchRuns = WatchRuns().Zip(_watchRunsAtStart, (after, before) => after - before).ToList();
        var intervals = _sinceStart.Elapsed.TotalSeconds / DeadlineWatchSeconds;
        var watchOnce = watchRuns.Sum() >= 1 && watchRuns.Sum() <= Math.Floor(intervals) + 2;

        var passed = numbers.Count == ids.Count && distinctNumbers == ids.Count && messages.Count > 0 && deliveries.All(d => d == 1)
                     && records == sequences && sequences == last && watchOnce;
        return new Check("", passed,
            $"{ids.Count} approvals on 3 nodes: {distinctNumbers} distinct 公安备案号; {messages.Count} outbox messages, "
            + $"{deliveries.Count(d => d == 1)} delivered exactly once (by node {string.Join('/', byNode)}); audit chain {records} records, "
            + $"sequence 1..{last} without gap or repeat, sealing batches by node {string.Join('/', sealRuns)}; "
            + $"deadline watch ran {watchRuns.Sum()} times in {_sinceStart.Elapsed.TotalSeconds:0} s ({intervals:0.0} intervals of {DeadlineWatchSeconds} s; by node {string.Join('/', watchRuns)})");
    }

    private const int DeadlineWatchSeconds = 6;

    private List<int> WatchRuns() => Enumerable.Range(1, 3).Select(node => Occurrences(cluster.NodeLog(node), "Deadline watch ran")).ToList();

    /// <summary>(d) The object store stopped: uploads refused beside their field, the rest works; back when it returns.</summary>
    public async Task<Check> ObjectStoreAsync()
    {
        var applicant = _applicants[0];
        await cluster.CtlAsync("stop-s3");
        string? refused;
        var others = new List<HttpStatusCode>();
        try
        {
            refused = await Flows.UploadAsync(applicant);
            foreach (var url in new[] { "/", "/Home/Applicant", "/api/public/websites?name=%E5%AE%81%E6%B3%A2" })
            {
                using var response = await applicant.Http.GetAsync(url);
                others.Add(response.StatusCode);
            }
        }
        finally
        {
            await cluster.CtlAsync("start-s3");
        }
        var after = await Flows.UploadAsync(applicant);
        var passed = refused == "文件存储暂时不可用，请稍后重试" && others.All(s => s == HttpStatusCode.OK) && after == null;
        return new Check("", passed,
            $"upload while stopped: “{refused ?? "accepted"}”; other pages {string.Join(' ', others.Select(s => (int)s))}; "
            + $"upload after restart: {after ?? "saved"}");
    }

    /// <summary>(e) Public queries through haproxy with 1, 2 and 3 nodes in rotation.</summary>
    public async Task<(Check Check, List<string> Table)> ThroughputAsync(int connections, TimeSpan duration)
    {
        var table = new List<string>();
        var rates = new List<double>();
        var failures = 0L;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = Cluster.Proxy };
        var names = new[] { "宁波", "海曙", "演练", "网站", "科技" };
        var scenario = new Scenario("public query", k => $"/api/public/websites?name={Uri.EscapeDataString(names[k % names.Length])}");
        try
        {
            foreach (var nodes in new[] { 1, 2, 3 })
            {
                for (var n = 1; n <= 3; n++)
                    foreach (var backend in new[] { "ready", "alive" })
                        await cluster.CtlAsync("haproxy", $"{(n <= nodes ? "enable" : "disable")} server {backend}/web{n}");
                var runner = new LoadRunner(http, connections, TimeSpan.FromSeconds(1), duration);
                var (result, cpu) = await Cluster.WithCpuAsync(() => runner.RunAsync(scenario));
                rates.Add(result.RequestsPerSecond);
                failures += result.Failures;
                table.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {nodes} | {result.RequestsPerSecond,8:0} | {result.P50Ms,7:0.0} | {result.P99Ms,7:0.0} | {result.Failures,8} | {cpu,6:P0} |"));
            }
        }
        finally
        {
            for (var n = 1; n <= 3; n++)
                foreach (var backend in new[] { "ready", "alive" })
                    await cluster.CtlAsync("haproxy", $"enable server {backend}/web{n}");
        }
        var measurement = string.Create(CultureInfo.InvariantCulture,
            $"{rates[0]:0} / {rates[1]:0} / {rates[2]:0} req/s with 1 / 2 / 3 nodes, {failures} failed; limited by CPU: "
            + $"{Environment.ProcessorCount} cores shared by the nodes, PostgreSQL, haproxy and this load generator");
        return (new Check("", failures == 0 && rates.All(r => r > 0), measurement), table);
    }

    /// <summary>(b) The primary stopped and, 3 s later, the standby promoted, under load.</summary>
    public async Task<Check> FailoverAsync()
    {
        var load = new Load(_applicants, _visitor, queryWorkers: 2);
        TimeSpan stoppedAt = default, promotedAt = default;
        var acknowledgedBefore = new List<Acknowledged>();
        await load.RunAsync(async () =>
        {
            await Task.Delay(3000);
            stoppedAt = load.Clock.Elapsed;
            await cluster.CtlAsync("stop-primary");
            acknowledgedBefore.AddRange(load.Acknowledged.Where(a => a.At <= stoppedAt));
            await Task.Delay(3000);
            await cluster.CtlAsync("promote-standby");
            promotedAt = load.Clock.Elapsed;
            await UntilAsync(() => Task.FromResult(load.Acknowledged.Any(a => a.At > promotedAt)), TimeSpan.FromSeconds(30));
            await Task.Delay(2000);
        });
        var firstWrite = load.Acknowledged.Where(a => a.At > promotedAt).Select(a => a.At).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var during = load.Failures.Where(f => f.At >= stoppedAt && f.Kind == "filing").ToList();
        var clearPages = during.Count(f => f.Status == 503 && f.Detail.Contains(UnavailablePage, StringComparison.Ordinal));
        var errors = load.Failures.Count(f => f.Status == 500);
        var queriesDuring = load.Queries.Where(q => q.At >= stoppedAt && q.At <= promotedAt).ToList();
        var (stored, duplicates) = await StoredOnceAsync(load.Acknowledged);
        var (storedBefore, _) = await StoredOnceAsync(acknowledgedBefore);
        _toApprove.Clear();
        var reconnected = firstWrite != TimeSpan.MaxValue;
        var passed = reconnected && clearPages > 0 && errors == 0 && stored == load.Acknowledged.Count && duplicates == 0
                     && storedBefore == acknowledgedBefore.Count;
        return new Check("", passed,
            $"writes refused with the 503 page ({UnavailablePage}…请稍后再试) {clearPages} times, 500s {errors}; "
            + (reconnected ? $"first write acknowledged {(firstWrite - promotedAt).TotalSeconds:0.0} s after the promotion" : "no write after the promotion")
            + $"; {storedBefore}/{acknowledgedBefore.Count} acknowledged before the stop and {stored}/{load.Acknowledged.Count} in all in DB, "
            + $"{duplicates} duplicated; public queries while no primary: {queriesDuring.Count(q => q.Ok)}/{queriesDuring.Count} answered (standby)");
    }

    /// <summary>(f) Base backup, more filings, a point in time, more filings; restored to that point.</summary>
    public async Task<Check> BackupRestoreAsync()
    {
        var backup = Path.Combine(cluster.StateDir, "backup");
        await cluster.CtlAsync("backup", backup);
        var before = await FileAsync(3);
        DateTime target;
        await using (var db = await cluster.PrimaryAsync())
            target = await Cluster.ScalarAsync<DateTime>(db, "SELECT now() AT TIME ZONE 'UTC'");
        await Task.Delay(1500);
        var afterTarget = await FileAsync(3);
        await cluster.CtlAsync("switch-wal");
        await cluster.CtlAsync("restore", backup, target.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00");

        await using var restored = await Cluster.OpenAsync(55434);
        var kept = await Cluster.ScalarAsync<long>(restored, """SELECT count(*) FROM "Applications" WHERE "Id" = ANY($1)""", before.ToArray());
        var dropped = await Cluster.ScalarAsync<long>(restored, """SELECT count(*) FROM "Applications" WHERE "Id" = ANY($1)""", afterTarget.ToArray());
        string verify;
        var intact = true;
        try
        {
            verify = await cluster.CtlAsync("audit-verify", "55434");
        }
        catch (DrillException e)
        {
            (verify, intact) = (e.Message, false);
        }
        var keys = await Cluster.ColumnAsync<string>(restored, """SELECT "StorageKey" FROM "StoredFiles" """);
        using var bucket = new S3FileStorage(new S3StorageOptions
        {
            ServiceUrl = "http://127.0.0.1:5190", Bucket = "beian-files", AccessKey = "S3RVER", SecretKey = "S3RVER", ConnectTimeoutSeconds = 2,
        });
        var missing = 0;
        foreach (var key in keys)
            if (!await bucket.ExistsAsync(key)) missing++;
        var passed = kept == before.Count && dropped == 0 && intact && keys.Count > 0 && missing == 0;
        return new Check("", passed,
            $"restored to {target:HH:mm:ss.fff} UTC: {kept}/{before.Count} filings before it, {dropped}/{afterTarget.Count} after it; "
            + $"audit verify: {(intact ? "intact" : "FAILED")} ({FirstLine(verify)}); {keys.Count - missing}/{keys.Count} referenced files in the bucket");
    }

    private async Task<List<Guid>> FileAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add(await Flows.FileWebsiteAsync(_applicants[i % _applicants.Count], $"pitr{Guid.NewGuid():N}"[..16] + ".cn"));
        return ids;
    }

    /// <summary>How many acknowledged filings are in the database, and how many domains were stored more than once.</summary>
    private async Task<(long Stored, long Duplicates)> StoredOnceAsync(IReadOnlyCollection<Acknowledged> acknowledged)
    {
        await using var db = await cluster.PrimaryAsync();
        var stored = await Cluster.ScalarAsync<long>(db, """SELECT count(*) FROM "Applications" WHERE "Id" = ANY($1)""",
            acknowledged.Select(a => a.ApplicationId).ToArray());
        var duplicates = await Cluster.ScalarAsync<long>(db, """
            SELECT count(*) FROM (SELECT "MainDomain" FROM "Websites" WHERE "MainDomain" = ANY($1) GROUP BY 1 HAVING count(*) > 1) d
            """, (object)acknowledged.Select(a => a.Domain).ToArray());
        return (stored, duplicates);
    }

    private async Task<TimeSpan> UntilHaproxyUpAsync(string server)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await UntilAsync(async () => (await cluster.CtlAsync("haproxy", "show servers state ready")).Split('\n')
            .Any(line => line.Split(' ') is [_, "ready", _, var name, _, "2", ..] && name == server), TimeSpan.FromSeconds(20));
        return started.Elapsed;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new DrillException($"not reached within {limit.TotalSeconds:0} s");
            await Task.Delay(250);
        }
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string FirstFailure(Load load) =>
        load.Failures.OrderBy(f => f.At).FirstOrDefault() is { } f ? $" [first: {f.Kind} {f.Status} {Shorten(f.Detail)}]" : "";

    private static string Shorten(string text) => text.Length > 90 ? text[..90] + "…" : text;

    private static string FirstLine(string text) => Shorten(text.Split('\n')[0].Trim());
}
