using Beian.Web.Data;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>
/// Fills <see cref="Website.Ips"/> and <see cref="Website.AccessProviderName"/> of the websites stored before those
/// columns existed, from their content, under the lease <see cref="LeaseName"/>. Each row is written by a conditional
/// UPDATE of those two columns only, so a record changed meanwhile (which projects them itself) is neither overwritten
/// nor given a new version.
/// </summary>
public sealed class WebsiteColumnsBackfill(BeianDbContext db, WebsiteService websites, JobLeases leases) : IStartupBackfill
{
    public const string LeaseName = "website-columns-backfill";
    private const int BatchSize = 500;
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    public string Filled => "websites given their filed IPs and access provider columns";

    public Task<int> RunAsync(string holder, CancellationToken cancellationToken) =>
        leases.WhileHoldingAsync(LeaseName, holder, LeaseTime, notHeld: 0, async () =>
        {
            var total = 0;
            while (await MissingAsync(cancellationToken) is { Count: > 0 } batch)
            {
                foreach (var row in batch)
                {
                    var website = new Website();
                    website.Project(websites.ReadCipher(row.DataCipher));
                    total += await db.Websites.Where(w => w.Id == row.Id && w.Ips == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(w => w.Ips, website.Ips).SetProperty(w => w.AccessProviderName, website.AccessProviderName),
                            cancellationToken);
                }
                if (!await leases.RenewAsync(LeaseName, holder, LeaseTime, cancellationToken)) break;
            }
            return total;
        }, cancellationToken);

    private Task<List<Stored>> MissingAsync(CancellationToken cancellationToken) =>
        db.Websites.AsNoTracking().Where(w => w.Ips == null).OrderBy(w => w.Id).Take(BatchSize)
            .Select(w => new Stored(w.Id, w.DataCipher)).ToListAsync(cancellationToken);

    private sealed record Stored(Guid Id, string DataCipher);
}
