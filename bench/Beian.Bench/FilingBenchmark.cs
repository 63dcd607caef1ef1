using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Beian.Core.Applications;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Beian.Bench;

/// <summary>
/// Filing throughput (<c>filing</c>): new-website submissions by subjects of the dataset, then their approval by the
/// reviewers of their counties, each on <c>workers</c> concurrent flows through the platform's own services (the
/// submission with its record, application and transition; the approval with its 公安备案号, public read rows, outbox
/// messages and audit record), beside the baseline: the very write statements one submission and one approval sent
/// (recorded from EF Core), sent again per filing in one transaction each with raw Npgsql, every id made new.
/// </summary>
public static class FilingBenchmark
{
    public static async Task<string> RunAsync(string connectionString, int filings, int workers, int warmup, Action<string> log)
    {
        SqlCapture.Start();
        await using var host = new BenchHost(connectionString);
        var subjects = await SubjectsAsync(connectionString, (filings + warmup) * 2);
        log($"{subjects.Count:N0} subjects drawn uniformly; {warmup:N0} untimed then {filings:N0} timed filings on {workers} workers a side");
        var run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);

        var recorded = await RecordAsync(host.Services, subjects[0], run);
        log($"one submission sent {recorded.Submission.Count} writes, one approval {recorded.Approval.Count}");
        await using var source = NpgsqlDataSource.Create(connectionString);
        _serials = await BaselineSerialsUsedAsync(source, recorded.NumberDigits);
        // First untimed: a freshly started platform runs its code unoptimised for the first several hundred filings (a
        // submission took 16–23 ms at first, 5.7 ms after a thousand, one at a time), which only its side would pay otherwise.
        await RoundAsync(host.Services, source, recorded, subjects.Skip(1 + filings).Take(warmup).ToList(), filings + 1, workers, run);
        log($"warmed up: {warmup:N0} filings a side");

        var timed = await RoundAsync(host.Services, source, recorded, subjects.Skip(1).Take(filings).ToList(), 1, workers, run);
        log($"platform: {filings:N0} submissions in {timed.Submit:F1} s, approvals in {timed.Approve:F1} s");
        log($"baseline: {filings:N0} submissions in {timed.BaselineSubmit:F1} s, approvals in {timed.BaselineApprove:F1} s");

        return Report(filings, workers, warmup, recorded, timed, await Machine.DescribeAsync(connectionString));
    }

    /// <summary>Seconds each side took for one round of filings: submissions, then approvals.</summary>
    private sealed record RoundSeconds(double Submit, double Approve, double BaselineSubmit, double BaselineApprove);

    private sealed record Drawn(Guid Id, string OwnerUserId, string UnitCode);

    /// <summary>
    /// One filing per subject on each side: the platform submits them all, then approves them all, on
    /// <paramref name="workers"/> flows; then the baseline replays as many submissions, then approvals. Filings are
    /// numbered from <paramref name="firstIndex"/> (their domains).
    /// </summary>
    private static async Task<RoundSeconds> RoundAsync(IServiceProvider platform, NpgsqlDataSource source, Recorded recorded, List<Drawn> subjects,
        int firstIndex, int workers, string run)
    {
        var (submitted, submit) = await TimedAsync(subjects.Select((s, i) => (Subject: s, Index: firstIndex + i)), workers,
            item => SubmitAsync(platform, item.Subject, run, item.Index));
        var (_, approve) = await TimedAsync(submitted, workers, id => ApproveAsync(platform, id));
        var ids = subjects.Select(_ => new Dictionary<Guid, Guid>()).ToArray();
        var (_, baselineSubmit) = await TimedAsync(Enumerable.Range(0, ids.Length), workers,
            i => ReplayAsync(source, recorded.Submission, recorded, firstIndex + i, ids[i]));
        var (_, baselineApprove) = await TimedAsync(Enumerable.Range(0, ids.Length), workers,
            i => ReplayAsync(source, recorded.Approval, recorded, firstIndex + i, ids[i]));
        return new RoundSeconds(submit, approve, baselineSubmit, baselineApprove);
    }

    /// <summary>
    /// The writes of one filing, and the unique values in their parameters besides ids: its domain and its number (text),
    /// its public row's place in filing order (an integer, in the row and in each of its name grams' keys).
    /// </summary>
    private sealed record Recorded(IReadOnlyList<CapturedCommand> Submission, IReadOnlyList<CapturedCommand> Approval, Guid SubjectId, string DomainLabel,
        string NumberDigits, int FilingOrder);

    /// <summary>One filing through the platform with its SQL recorded: the writes of the submission and of the approval.</summary>
    private static async Task<Recorded> RecordAsync(IServiceProvider platform, Drawn subject, string run)
    {
        Guid application = Guid.Empty;
        var submission = await SqlCapture.OfAsync(async () => application = await SubmitAsync(platform, subject, run, 0));
        var approval = await SqlCapture.OfAsync(async () => await ApproveAsync(platform, application));
        using var scope = platform.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeianDbContext>();
        var filed = await db.Websites.AsNoTracking().Where(w => db.Applications.Any(a => a.Id == application && a.TargetId == w.Id))
            .Select(w => new { w.NumberDigits, db.PublicWebsites.Single(p => p.WebsiteId == w.Id).FilingOrder }).SingleAsync();
        return new Recorded(submission.Where(c => !c.IsRead).ToList(), approval.Where(c => !c.IsRead).ToList(), subject.Id,
            DomainLabel(run, 0), filed.NumberDigits!, filed.FilingOrder);
    }

    /// <summary>A new website of the subject, submitted as the wizard submits it (its findings already accepted).</summary>
    private static async Task<Guid> SubmitAsync(IServiceProvider platform, Drawn drawn, string run, int index)
    {
        using var scope = platform.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BeianDbContext>();
        var subject = await db.Subjects.AsNoTracking().SingleAsync(s => s.Id == drawn.Id);
        var result = await services.GetRequiredService<WebsiteService>()
            .SubmitNewAsync(drawn.OwnerUserId, subject, FormOf(subject, run, index), [], Guid.NewGuid());
        return result.Application?.Id ?? throw new InvalidOperationException($"Submission refused: {result.Error}");
    }

    /// <summary>The county's reviewer claims and approves it.</summary>
    private static async Task<Guid> ApproveAsync(IServiceProvider platform, Guid applicationId)
    {
        using var scope = platform.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var unit = await scope.ServiceProvider.GetRequiredService<BeianDbContext>().Applications.AsNoTracking()
            .Where(a => a.Id == applicationId).Select(a => a.JurisdictionUnitCode).SingleAsync();
        var reviewer = $"bench-reviewer-{unit}";
        foreach (var decide in new Func<Task<DecisionResult>>[]
                 {
                     () => applications.ClaimAsync(applicationId, reviewer),
                     () => applications.ApproveAsync(applicationId, reviewer),
                 })
        {
            var result = await decide();
            if (!result.Succeeded) throw new InvalidOperationException($"Review of {applicationId} refused: {result.Error}");
        }
        return applicationId;
    }

    private static WebsiteForm FormOf(Subject subject, string run, int index)
    {
        var domain = DomainLabel(run, index) + "com";
        return FullForms.Website(subject.Id, $"基准测试网站{run}{index}", domain, ["m." + domain], index);
    }

    /// <summary>The filing's own part of its domains (bench1206151207n12.), found in its hosts, name grams and messages.</summary>
    private static string DomainLabel(string run, int index) => $"bench{run}n{index}.";

    /// <summary>Runs <paramref name="work"/> over the items on <paramref name="workers"/> flows; what it returned, and the seconds.</summary>
    private static async Task<(List<T> Results, double Seconds)> TimedAsync<TItem, T>(IEnumerable<TItem> items, int workers, Func<TItem, Task<T>> work)
    {
        var results = new ConcurrentBag<T>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (item, _) => results.Add(await work(item)));
        return (results.ToList(), clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The recorded writes again in one transaction, each unique value made new: every uuid but the subject's (the same
    /// new value wherever the old one stood, also in the approval of the same replay, and the application number made from
    /// it), the domain and the 公安备案号, and the public row's place drawn from the sequence as the platform draws it (a read
    /// the platform sends too, left out of the recorded writes); returns the rows written.
    /// </summary>
    private static async Task<int> ReplayAsync(NpgsqlDataSource source, IReadOnlyList<CapturedCommand> writes, Recorded recorded, int replay,
        Dictionary<Guid, Guid> fresh)
    {
        foreach (var id in writes.SelectMany(w => w.Parameters).Select(p => p.Value).OfType<Guid>().Where(id => id != recorded.SubjectId))
            fresh.TryAdd(id, Guid.NewGuid());
        var texts = fresh.Select(pair => (Old: Tail(pair.Key), New: Tail(pair.Value)))
            .Append((Old: recorded.DomainLabel, New: $"bench{replay}x{Guid.NewGuid():N}."))
            .Append((Old: recorded.NumberDigits, New: BaselineNumber(recorded.NumberDigits)))
            .ToList();
        await using var connection = await source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var place = writes.SelectMany(w => w.Parameters).Any(p => IsPlace(p.Value)) ? await NextPlaceAsync(connection, transaction) : 0;
        var rows = 0;
        foreach (var write in writes)
        {
            await using var command = write.On(connection, transaction, value => value switch
            {
                Guid id => fresh.GetValueOrDefault(id, id),
                string text => texts.Aggregate(text, (t, r) => t.Replace(r.Old, r.New, StringComparison.Ordinal)),
                int number when number == recorded.FilingOrder => place,
                int[] numbers => numbers.Select(n => n == recorded.FilingOrder ? place : n).ToArray(),
                var other => other,
            });
            rows += await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return rows;

        static string Tail(Guid id) => id.ToString("N")[^8..].ToUpperInvariant();
        bool IsPlace(object? value) => value is int number && number == recorded.FilingOrder
                                       || value is int[] numbers && numbers.Contains(recorded.FilingOrder);
    }

    private static async Task<int> NextPlaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var next = new NpgsqlCommand($"SELECT nextval('\"{FilingOrders.Sequence}\"')::int", connection, transaction);
        return (int)(await next.ExecuteScalarAsync())!;
    }

    private static int _serials;

    /// <summary>The baseline serials an earlier run left in the recorded filing's county and category (the same subject is drawn first each run).</summary>
    private static async Task<int> BaselineSerialsUsedAsync(NpgsqlDataSource source, string recorded)
    {
        await using var command = source.CreateCommand(
            "SELECT max(right(\"NumberDigits\", 6)::int) FROM \"Websites\" WHERE \"NumberDigits\" LIKE $1 AND right(\"NumberDigits\", 6) >= '900000'");
        command.Parameters.AddWithValue(recorded[..^6] + "%");
        return await command.ExecuteScalarAsync() is int highest ? highest - 900_000 : 0;
    }

    /// <summary>
    /// A valid 公安备案号 of the recorded filing's county and category (the public query reads them as any other), with a
    /// serial from 900000 up that the county's own sequence does not reach: unique, or the replay fails on the unique index.
    /// </summary>
    private static string BaselineNumber(string recorded) =>
        recorded[..^6] + (900_000 + Interlocked.Increment(ref _serials) % 100_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Subjects in force drawn uniformly over the whole table, with their owners and counties.</summary>
    private static async Task<List<Drawn>> SubjectsAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var total = (long)(await new NpgsqlCommand("SELECT count(*) FROM \"Subjects\"", connection).ExecuteScalarAsync())!;
        var percent = Math.Min(100.0, count * 150.0 / Math.Max(1, total));
        await using var command = new NpgsqlCommand(
            $"SELECT \"Id\", \"OwnerUserId\", \"JurisdictionUnitCode\" FROM \"Subjects\" TABLESAMPLE BERNOULLI ({percent.ToString(CultureInfo.InvariantCulture)}) REPEATABLE (11) WHERE \"Status\" = 'Valid'",
            connection) { CommandTimeout = 600 };
        var drawn = new List<Drawn>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) drawn.Add(new Drawn(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        var shuffle = new Random(13);
        return drawn.OrderBy(_ => shuffle.Next()).Take(count).ToList();
    }

    private static string Report(int filings, int workers, int warmup, Recorded recorded, RoundSeconds timed, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine($"Filing throughput: {filings:N0} new websites after {warmup:N0} untimed, {workers} concurrent flows a side ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine($"Machine: {machine}");
        text.AppendLine();
        text.AppendLine("| step | platform /s | baseline /s | platform / baseline | SQL commands (batched) per step |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| submission | {filings / timed.Submit:F0} | {filings / timed.BaselineSubmit:F0} | {timed.BaselineSubmit / timed.Submit:P0} | {recorded.Submission.Count} |"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| approval (claim and approve) | {filings / timed.Approve:F0} | {filings / timed.BaselineApprove:F0} | {timed.BaselineApprove / timed.Approve:P0} | {recorded.Approval.Count} |"));
        return text.ToString();
    }
}
