using Beian.Core.Websites;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>A website whose 公安备案号 is in force, as a provider's report is checked against it.</summary>
public sealed record FiledSite(Guid WebsiteId, string NumberDisplay, string JurisdictionUnitCode, IReadOnlyList<IpRange> Ips, IReadOnlyList<string> ProviderNames);

/// <summary>
/// Which reported domains are filed (for 服务商业务): a domain is filed when it is a filed site's 主域名 or 从域名
/// (www. or not), or when its registrable domain is a filed site's. Reads this capability's tables for the
/// reporting capability, which never touches them.
/// </summary>
public sealed class FiledSiteLookup(BeianDbContext db, WebsiteService websites)
{
    /// <summary>Values a query looks up at most: a report's chunk is one query each for hosts, registrable domains and sites.</summary>
    private const int QueryBatch = 10_000;

    /// <summary>The filed site of each domain that has one (keyed by the domain's ASCII form).</summary>
    public async Task<Dictionary<string, FiledSite>> ByDomainAsync(IReadOnlyCollection<DomainName> domains, bool withContent,
        CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var hosts = domains.SelectMany(d => new[] { d.Ascii, d.WithoutWww.Ascii }).Distinct().ToList();
        var byHost = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in hosts.Chunk(QueryBatch))
        {
            foreach (var row in await db.Set<PublicQuery.PublicWebsiteDomain>().AsNoTracking().Where(d => chunk.Contains(d.Host))
                         .Select(d => new { d.Host, d.WebsiteId }).ToListAsync(cancellationToken))
                byHost.TryAdd(row.Host, row.WebsiteId);
        }
        var rest = new List<DomainName>();
        foreach (var domain in domains)
        {
            if (byHost.TryGetValue(domain.Ascii, out var id) || byHost.TryGetValue(domain.WithoutWww.Ascii, out id)) found[domain.Ascii] = id;
            else rest.Add(domain);
        }
        await ByRegistrableDomainAsync(rest, found, cancellationToken);
        return await DescribeAsync(found, withContent, cancellationToken);
    }

    private async Task ByRegistrableDomainAsync(List<DomainName> domains, Dictionary<string, Guid> found, CancellationToken cancellationToken)
    {
        var registrables = domains.Select(d => d.RegistrableDomain.Ascii).Distinct().ToList();
        var inForce = FiledSites.NumberInForceStatuses.ToArray();
        var byRegistrable = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in registrables.Chunk(QueryBatch))
        {
            foreach (var row in await db.Websites.AsNoTracking()
                         .Where(w => chunk.Contains(w.RegistrableDomain) && inForce.Contains(w.Status) && w.NumberDigits != null)
                         .OrderBy(w => w.FiledAt).Select(w => new { w.RegistrableDomain, w.Id }).ToListAsync(cancellationToken))
                byRegistrable.TryAdd(row.RegistrableDomain!, row.Id);
        }
        foreach (var domain in domains)
        {
            if (byRegistrable.TryGetValue(domain.RegistrableDomain.Ascii, out var id)) found[domain.Ascii] = id;
        }
    }

    /// <summary>
    /// Each found site with its filed IPs and access provider from their columns; a record stored before those
    /// columns existed, not yet reached by <see cref="WebsiteColumnsBackfill"/>, is read from its content.
    /// </summary>
    private async Task<Dictionary<string, FiledSite>> DescribeAsync(Dictionary<string, Guid> found, bool withContent, CancellationToken cancellationToken)
    {
        var ids = found.Values.Distinct().ToList();
        var sites = new Dictionary<Guid, FiledSite>();
        foreach (var chunk in ids.Chunk(QueryBatch))
        {
            var rows = await db.Websites.AsNoTracking().Where(w => chunk.Contains(w.Id))
                .Select(w => new
                {
                    w.Id, w.NumberDisplay, w.JurisdictionUnitCode,
                    Ips = withContent ? w.Ips : null,
                    Provider = withContent ? w.AccessProviderName : null,
                    DataCipher = withContent && w.Ips == null ? w.DataCipher : null,
                })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var (ips, providers) = row switch
                {
                    { Ips: { } column } => (Website.ParseIps(column), Names(row.Provider)),
                    { DataCipher: { } cipher } => Content(cipher),
                    _ => ([], []),
                };
                sites[row.Id] = new FiledSite(row.Id, row.NumberDisplay ?? string.Empty, row.JurisdictionUnitCode, ips, providers);
            }
        }
        return found.Where(f => sites.ContainsKey(f.Value)).ToDictionary(f => f.Key, f => sites[f.Value], StringComparer.Ordinal);
    }

    private (IReadOnlyList<IpRange> Ips, IReadOnlyList<string> Providers) Content(string cipher)
    {
        var website = new Website();
        website.Project(websites.ReadCipher(cipher));
        return (Website.ParseIps(website.Ips!), Names(website.AccessProviderName));
    }

    private static IReadOnlyList<string> Names(string? provider) => string.IsNullOrEmpty(provider) ? [] : [provider];
}
