using Beian.Web.Data;
using Beian.Web.Features.Websites;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// Projects every website whose number is in force but has no <see cref="PublicWebsite"/> yet — the
/// sites filed before the public read tables existed. Idempotent: it only ever adds what is
/// missing, in batches, under the lease <see cref="LeaseName"/> so one node does it. The 从域名 are
/// only in the encrypted content, so this is the one place that decrypts for the public query.
/// Once a run finds nothing missing, later starts read only the sites filed since
/// (<see cref="BackfillCheckpoints"/>): an approval projects its site in its own transaction, so what
/// a start still has to look for is a site filed by a node of an older version meanwhile.
/// </summary>
public sealed class PublicWebsiteBackfill(BeianDbContext db, WebsiteService websites, PublicWebsiteProjection projection, JobLeases leases,
    BackfillCheckpoints checkpoints, TimeProvider clock) : IStartupBackfill
{
    public const string LeaseName = "public-query-backfill";
    private const int BatchSize = 200;
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    public string Filled => "filed websites added to the public read tables";

    public Task<int> RunAsync(string holder, CancellationToken cancellationToken) =>
        leases.WhileHoldingAsync(LeaseName, holder, LeaseTime, notHeld: 0, async () =>
        {
            var startedAt = clock.GetUtcNow().UtcDateTime;
            var filedFrom = await checkpoints.ReadFromAsync(LeaseName, cancellationToken);
            var total = 0;
            while (await MissingAsync(filedFrom, cancellationToken) is { Count: > 0 } batch)
            {
                await PreloadAsync(batch, cancellationToken);
                foreach (var website in batch) await projection.AddAsync(website, websites.Read(website), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                total += batch.Count;
                if (!await leases.RenewAsync(LeaseName, holder, LeaseTime, cancellationToken)) return total;
            }
            await checkpoints.MoveAsync(LeaseName, startedAt, cancellationToken);
            return total;
        }, cancellationToken);

    /// <summary>In force without a public row, filed from <paramref name="filedFrom"/> (on the in-force sites' index by filing time) or ever.</summary>
    private Task<List<Website>> MissingAsync(DateTime? filedFrom, CancellationToken cancellationToken)
    {
        var inForce = FiledSites.NumberInForceStatuses.ToArray();
        var sites = db.Websites.AsNoTracking().Where(w => inForce.Contains(w.Status) && w.NumberDigits != null && w.FiledAt != null);
        if (filedFrom is { } from) sites = sites.Where(w => w.FiledAt >= from);
        return sites.Where(w => !db.PublicWebsites.Any(p => p.WebsiteId == w.Id))
            .OrderBy(w => w.Id).Take(BatchSize).ToListAsync(cancellationToken);
    }

    /// <summary>The batch's subjects, tracked, so that the projection finds each without a query.</summary>
    private async Task PreloadAsync(List<Website> batch, CancellationToken cancellationToken)
    {
        var subjectIds = batch.Select(w => w.SubjectId).Distinct().ToList();
        await db.Subjects.Where(s => subjectIds.Contains(s.Id)).LoadAsync(cancellationToken);
    }
}
