using System.Net;
using System.Net.Sockets;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Infrastructure.RateLimits;

/// <summary>One request counted in the client's current window.</summary>
/// <param name="Count">Requests of this client in the window, this one included.</param>
/// <param name="RetryAfter">Until the window ends.</param>
public readonly record struct RateHit(int Count, TimeSpan RetryAfter, long Window);

/// <summary>
/// Fixed one-minute windows counted in the database: one atomic upsert per request
/// (INSERT … ON CONFLICT … DO UPDATE SET "Count" = "Count" + 1 RETURNING, the same SQL on
/// PostgreSQL and SQLite), so several nodes share each client's count and a request costs one
/// round trip. Expired windows are deleted by the housekeeping job.
/// </summary>
public sealed class RateCounter(BeianDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(1);

    private const string HitSql = """
        INSERT INTO "RateLimitWindows" ("Key", "Window", "Count") VALUES ({0}, {1}, 1)
        ON CONFLICT ("Key", "Window") DO UPDATE SET "Count" = "RateLimitWindows"."Count" + 1
        RETURNING "Count" AS "Value"
        """;

    public async Task<RateHit> HitAsync(string policy, string client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / (long)WindowLength.TotalSeconds;
        var counts = await db.Database.SqlQueryRaw<int>(HitSql, $"{policy}:{client}", window).ToListAsync(cancellationToken);
        var ends = DateTimeOffset.FromUnixTimeSeconds((window + 1) * (long)WindowLength.TotalSeconds);
        return new RateHit(counts.Single(), ends - now, window);
    }

    /// <summary>Deletes the windows that ended more than ten minutes ago.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / (long)WindowLength.TotalSeconds;
        return db.RateLimitWindows.Where(w => w.Window < current - 10).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Who is counted: the connection's IP address (IPv4-mapped addresses as IPv4), an IPv6 client by
    /// its /64, which one subscriber holds whole. Behind a reverse proxy, the forwarded-headers
    /// middleware must set the address first, or every client counts as the proxy.
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
}
