using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Infrastructure.Jobs;

/// <summary>
/// A lease per job name in the shared database, so that a job runs on one node at a time however
/// many nodes start it. Acquiring is one conditional UPDATE (free, expired, or already ours) and,
/// for a name never leased, one INSERT … ON CONFLICT DO NOTHING; of two nodes racing, exactly one
/// gets a row. A holder renews while it works and releases when done; a holder that dies loses
/// the lease when it expires. Expiry uses each node's clock, so keep node clocks in sync (NTP)
/// and durations well above the skew.
/// </summary>
public sealed class JobLeases(BeianDbContext db, TimeProvider clock)
{
    private const string InsertSql = """
        INSERT INTO "JobLeases" ("Name", "Holder", "ExpiresAt") VALUES ({0}, {1}, {2})
        ON CONFLICT ("Name") DO NOTHING
        """;

    /// <summary>A holder name unique to this process and call site, e.g. "web-2:4711:3f0c…".</summary>
    public static string NewHolder() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>True when <paramref name="holder"/> now holds <paramref name="name"/> for <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var expires = now + duration;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        if (taken == 1) return true;
        return await db.Database.ExecuteSqlRawAsync(InsertSql, [name, holder, expires], cancellationToken) == 1;
    }

    /// <summary>Extends a lease still held; false when it was lost (expired and taken by another holder).</summary>
    public async Task<bool> RenewAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var expires = Now + duration;
        return await db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), cancellationToken) == 1;
    }

    /// <summary>
    /// Runs <paramref name="work"/> while <paramref name="holder"/> holds <paramref name="name"/>, and
    /// gives the lease up afterwards whatever happened; <paramref name="notHeld"/> when another holds
    /// it. A long work renews with <see cref="RenewAsync"/> as it goes.
    /// </summary>
    public async Task<T> WhileHoldingAsync<T>(string name, string holder, TimeSpan duration, T notHeld, Func<Task<T>> work,
        CancellationToken cancellationToken)
    {
        if (!await TryAcquireAsync(name, holder, duration, cancellationToken)) return notHeld;
        try
        {
            return await work();
        }
        finally
        {
            await ReleaseAsync(name, holder, CancellationToken.None);
        }
    }

    /// <summary>
    /// True for the first holder to ask in each <paramref name="interval"/>, across the nodes: the claim is a lease on
    /// "<paramref name="name"/>:interval" that is never given up, so the other nodes find it held until the interval has
    /// passed. A scheduled job whose timer runs on every node (the deadline watch, the common name grams) thus runs once
    /// per interval, not once per node.
    /// </summary>
    public Task<bool> TryClaimIntervalAsync(string name, string holder, TimeSpan interval, CancellationToken cancellationToken = default) =>
        TryAcquireAsync($"{name}:interval", holder, interval, cancellationToken);

    /// <summary>Gives the lease up at once, so another node need not wait for it to expire.</summary>
    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default) =>
        db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteDeleteAsync(cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
