using Beian.Core.Accounts;
using Beian.Core.PoliceUnits;
using Beian.Core.PublicQuery;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// Keeps <see cref="PublicWebsite"/> (and its hosts and name grams) in step with the
/// decisions that change what the public sees: a website filed or changed, a website or its whole
/// subject cancelled, a holder renamed by 变更主体. Every change is tracked on the caller's context,
/// so it commits with the decision or not at all.
/// </summary>
public sealed class PublicWebsiteProjection(BeianDbContext db, TimeProvider clock)
{
    /// <summary>
    /// A site whose number has just come into force (新办网站 or 网站认领 approved) or that has none
    /// yet (the backfill): added without looking for a row, since it cannot have one.
    /// </summary>
    public async Task AddAsync(Website website, WebsiteForm form, CancellationToken cancellationToken) =>
        await FillAsync(await AddedAsync(website, cancellationToken), [], website, form, cancellationToken);

    /// <summary>After 变更网站 is approved: the site as it is filed now.</summary>
    public async Task ChangedAsync(Website website, WebsiteForm form, CancellationToken cancellationToken)
    {
        var row = await RowAsync(website.Id, cancellationToken);
        await FillAsync(row ?? await AddedAsync(website, cancellationToken), row == null ? [] : GramsOf(row), website, form, cancellationToken);
    }

    private async Task<PublicWebsite> AddedAsync(Website website, CancellationToken cancellationToken)
    {
        var row = new PublicWebsite { WebsiteId = website.Id, FilingOrder = await FilingOrders.NextAsync<PublicWebsite>(db, cancellationToken) };
        db.PublicWebsites.Add(row);
        if (website.FiledAt is { } filedAt && clock.GetUtcNow().UtcDateTime - filedAt > FilingOrders.OnTime)
            db.Add(new PublicWebsiteLatePlace { FilingOrder = row.FilingOrder, FiledAt = filedAt });
        return row;
    }

    /// <param name="gramsBefore">The grams the row holds as stored (none for a new row).</param>
    private async Task FillAsync(PublicWebsite row, List<PublicWebsiteGram> gramsBefore, Website website, WebsiteForm form,
        CancellationToken cancellationToken)
    {
        await db.FillAsync(row, website, cancellationToken);
        row.MainDomain = website.MainDomain;
        row.SubDomains = string.Join('\n', AsciiDomains(form.BasicInfo.SubDomains));
        SyncDomains(row, DomainLookup.HostsOf(website.MainDomain, form.BasicInfo.SubDomains));
        SyncGrams(gramsBefore, GramsOf(row));
    }

    /// <summary>After 注销网站 or 注销主体 is approved: the number is no longer in force (hosts go by cascade).</summary>
    public async Task RemoveAsync(Guid websiteId, CancellationToken cancellationToken)
    {
        var row = await db.PublicWebsites.FirstOrDefaultAsync(p => p.WebsiteId == websiteId, cancellationToken);
        if (row != null) Remove(row);
    }

    private void Remove(PublicWebsite row)
    {
        SyncGrams(GramsOf(row), []);
        db.PublicWebsites.Remove(row);
    }

    /// <summary>The grams a row holds as stored: known from its name and place, so each is one primary key.</summary>
    private static List<PublicWebsiteGram> GramsOf(PublicWebsite row) => NameGrams.CodesOf(row.NameKey)
        .Select(gram => new PublicWebsiteGram { Gram = gram, FilingOrder = row.FilingOrder })
        .ToList();

    private void SyncGrams(List<PublicWebsiteGram> before, List<PublicWebsiteGram> after) =>
        NameIndexRows.Sync(db.PublicWebsiteGrams, before, after, g => [g.Gram, g.FilingOrder]);

    /// <summary>An approved 变更主体: the holder's name (and nature) as the public sees it.</summary>
    public async Task HolderChangedAsync(Subject subject, CancellationToken cancellationToken)
    {
        foreach (var row in await db.PublicWebsites.Where(p => p.SubjectId == subject.Id).ToListAsync(cancellationToken))
            row.HeldBy(subject);
    }

    private Task<PublicWebsite?> RowAsync(Guid websiteId, CancellationToken cancellationToken) =>
        db.PublicWebsites.Include(p => p.Domains).FirstOrDefaultAsync(p => p.WebsiteId == websiteId, cancellationToken);

    private static void SyncDomains(PublicWebsite row, IReadOnlyList<string> hosts)
    {
        row.Domains.RemoveAll(d => !hosts.Contains(d.Host));
        foreach (var host in hosts.Where(h => row.Domains.All(d => d.Host != h)))
            row.Domains.Add(new PublicWebsiteDomain { Host = host, WebsiteId = row.WebsiteId });
    }

    private static IEnumerable<string> AsciiDomains(IEnumerable<string> typed) =>
        typed.Select(t => DomainName.TryParse(t, out var domain) ? domain.Ascii : null).OfType<string>().Distinct();
}
