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
/// </summary>
public sealed class PublicWebsiteBackfill(BeianDbContext db, WebsiteService websites, PublicWebsiteProjection projection, JobLeases leases) : IStartupBackfill
{
    public const string LeaseName = "public-query-backfill";
    private const int BatchSize = 200;
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    public string Filled => "filed websites added to the public read tables";

    public Task<int> RunAsync(string holder, CancellationToken cancellationToken) =>
        leases.WhileHoldingAsync(LeaseName, holder, LeaseTime, notHeld: 0, async () =>
        {
            var total = 0;
            while (await MissingAsync(cancellationToken) is { Count: > 0 } batch)
            {
                await PreloadAsync(batch, cancellationToken);
                foreach (var website in batch) await projection.AddAsync(website, websites.Read(website), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                total += batch.Count;
                if (!await leases.RenewAsync(LeaseName, holder, LeaseTime, cancellationToken)) break;
            }
            return total;
        }, cancellationToken);

    private Task<List<Website>> MissingAsync(CancellationToken cancellationToken)
    {
        var inForce = FiledSites.NumberInForceStatuses.ToArray();
        return db.Websites.AsNoTracking()
            .Where(w => inForce.Contains(w.Status) && w.NumberDigits != null && w.FiledAt != null
                && !db.PublicWebsites.Any(p => p.WebsiteId == w.Id))
            .OrderBy(w => w.Id).Take(BatchSize).ToListAsync(cancellationToken);
    }

    /// <summary>The batch's subjects, tracked, so that the projection finds each without a query.</summary>
    private async Task PreloadAsync(List<Website> batch, CancellationToken cancellationToken)
    {
        var subjectIds = batch.Select(w => w.SubjectId).Distinct().ToList();
        await db.Subjects.Where(s => subjectIds.Contains(s.Id)).LoadAsync(cancellationToken);
    }
}
