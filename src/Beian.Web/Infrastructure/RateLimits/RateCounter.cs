using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Infrastructure.RateLimits;

/// <summary>One request counted in the client's current window.</summary>
/// <param name="Count">Requests of this client in the window, this one included.</param>
/// <param name="RetryAfter">Until the window ends.</param>
public readonly record struct RateHit(int Count, TimeSpan RetryAfter, long Window);

/// <summary>
/// Fixed one-minute windows per client, shared by every node through the database without a
/// database round trip per request: each node counts in memory and, every
/// <c>RateLimits:SyncMilliseconds</c> (1000), adds what it counted to the shared window in one
/// batched upsert (INSERT … ON CONFLICT … DO UPDATE SET "Count" = "Count" + excluded."Count"
/// RETURNING, the same SQL on PostgreSQL and SQLite) and learns the totals of all nodes. A client
/// is judged on that total plus what this node has counted since, so the limit holds across nodes
/// within one sync interval. With SyncMilliseconds 0 every request is written through at once
/// (exact, one round trip each). Expired windows are deleted by the housekeeping job.
/// </summary>
public sealed class RateCounter(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<RateCounter> logger)
{
    public static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(1);
    private const int BatchRows = 400;

    private readonly ConcurrentDictionary<(string Key, long Window), Tally> _tallies = new();

    /// <summary>How often the node shares its counts; zero writes every request through.</summary>
    public TimeSpan SyncInterval { get; } = TimeSpan.FromMilliseconds(configuration.GetValue("RateLimits:SyncMilliseconds", 1000));

    /// <summary>A client's counts in one window on this node.</summary>
    private sealed class Tally
    {
        /// <summary>The total of all nodes as last learnt (this node's flushed counts included).</summary>
        public int Shared;
        /// <summary>Counted here, being written.</summary>
        public int InFlight;
        /// <summary>Counted here since the last flush.</summary>
        public int Pending;

        public int Count => Volatile.Read(ref Shared) + Volatile.Read(ref InFlight) + Volatile.Read(ref Pending);
    }

    public async Task<RateHit> HitAsync(string policy, string client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / (long)WindowLength.TotalSeconds;
        var tally = _tallies.GetOrAdd(($"{policy}:{client}", window), _ => new Tally());
        Interlocked.Increment(ref tally.Pending);
        if (SyncInterval == TimeSpan.Zero) await FlushAsync(cancellationToken);
        var ends = DateTimeOffset.FromUnixTimeSeconds((window + 1) * (long)WindowLength.TotalSeconds);
        return new RateHit(tally.Count, ends - now, window);
    }

    /// <summary>
    /// Adds this node's counts since the last flush to the shared windows and takes back the totals.
    /// A failed write keeps the counts for the next flush, so nothing counted is lost.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var batch = new List<(string Key, long Window, int Delta, Tally Tally)>();
        foreach (var ((key, window), tally) in _tallies)
        {
            var delta = Interlocked.Exchange(ref tally.Pending, 0);
            if (delta == 0) continue;
            Interlocked.Add(ref tally.InFlight, delta);
            batch.Add((key, window, delta, tally));
        }
        try
        {
            foreach (var chunk in batch.Chunk(BatchRows)) await WriteAsync(chunk, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var (_, _, delta, tally) in batch)
            {
                Interlocked.Add(ref tally.InFlight, -delta);
                Interlocked.Add(ref tally.Pending, delta);
            }
            logger.LogWarning(e, "Sharing rate-limit counts failed; they are kept for the next sync");
        }
        ForgetEndedWindows();
    }

    private async Task WriteAsync((string Key, long Window, int Delta, Tally Tally)[] rows, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("""INSERT INTO "RateLimitWindows" ("Key", "Window", "Count") VALUES """);
        var parameters = new List<object>(rows.Length * 3);
        for (var i = 0; i < rows.Length; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append($"({{{3 * i}}}, {{{3 * i + 1}}}, {{{3 * i + 2}}})");
            parameters.AddRange([rows[i].Key, rows[i].Window, rows[i].Delta]);
        }
        sql.Append("""
             ON CONFLICT ("Key", "Window") DO UPDATE SET "Count" = "RateLimitWindows"."Count" + excluded."Count"
            RETURNING "Key", "Window", "Count"
            """);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeianDbContext>();
        var totals = await db.Database.SqlQueryRaw<SharedCount>(sql.ToString(), parameters.ToArray()).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => (r.Key, r.Window));
        foreach (var total in totals)
        {
            if (!byId.TryGetValue((total.Key, total.Window), out var row)) continue;
            // Shared first, then the in-flight part it now contains: a reader may over-count for a
            // moment, never under-count.
            Volatile.Write(ref row.Tally.Shared, total.Count);
            Interlocked.Add(ref row.Tally.InFlight, -row.Delta);
        }
    }

    private void ForgetEndedWindows()
    {
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / (long)WindowLength.TotalSeconds;
        foreach (var id in _tallies.Keys.Where(id => id.Window < current))
        {
            if (_tallies.TryGetValue(id, out var tally) && Volatile.Read(ref tally.Pending) == 0) _tallies.TryRemove(id, out _);
        }
    }

    /// <summary>Deletes the windows that ended more than ten minutes ago.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / (long)WindowLength.TotalSeconds;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeianDbContext>();
        return await db.RateLimitWindows.Where(w => w.Window < current - 10).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Who is counted: the connection's IP address (IPv4-mapped addresses as IPv4), an IPv6 client by
    /// its /64, which one subscriber holds whole. Behind a reverse proxy the address is the one the
    /// proxy forwarded, if it is a known one (<see cref="Hosting.ForwardedClients"/>).
    /// </summary>
    public static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address == null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private sealed class SharedCount
    {
        public string Key { get; set; } = string.Empty;
        public long Window { get; set; }
        public int Count { get; set; }
    }
}

/// <summary>Shares the node's rate counts every <see cref="RateCounter.SyncInterval"/>, and once more on shutdown.</summary>
public sealed class RateCounterSync(RateCounter counter) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (counter.SyncInterval == TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(counter.SyncInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await counter.FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        await counter.FlushAsync(CancellationToken.None);
    }
}
