using Beian.Core.Applications;
using Beian.Core.Websites;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Unfiled;

/// <summary>
/// What a filing does to the police's 未备案 records: a claimed offline filing becomes the subject's
/// (its number stays the site's), a pushed 未备案网站 is completed. Tracked on the caller's context, inside
/// the approval's transaction; the website capability asks here instead of writing these tables.
/// </summary>
public sealed class UnfiledOutcomes(BeianDbContext db)
{
    /// <summary>网站认领 approved: the offline filing is claimed by the subject's website; its number, to keep.</summary>
    public async Task<(string Digits, string Display)> ClaimAsync(Guid filingId, Guid subjectId, Guid websiteId, CancellationToken cancellationToken)
    {
        var filing = await db.Set<OfflineFiling>().FirstAsync(f => f.Id == filingId, cancellationToken);
        if (filing.Status == OfflineFilingStatus.Claimed)
            throw new IllegalTransitionException($"{filing.NumberDisplay}已被认领，不能再次认领");
        filing.Status = OfflineFilingStatus.Claimed;
        filing.SubjectId = subjectId;
        filing.ClaimedWebsiteId = websiteId;
        return (filing.NumberDigits, filing.NumberDisplay);
    }

    /// <summary>The pushed 未备案网站 the filing completes, once the site is filed.</summary>
    public async Task CompleteAsync(Guid unfiledSiteId, Guid websiteId, CancellationToken cancellationToken)
    {
        var record = await db.Set<UnfiledSite>().FirstOrDefaultAsync(u => u.Id == unfiledSiteId, cancellationToken);
        if (record == null) return;
        record.Status = UnfiledSiteStatus.Completed;
        record.CompletedWebsiteId = websiteId;
    }

    /// <summary>
    /// A website filed or changed, by whatever route: the pending 未备案网站 it answers are 已备案 — those under its
    /// registrable domains (its domains, www. or not, among them), as a report's domain is matched against the filings.
    /// So a site filed without opening the pushed record is never flagged 关停风险 afterwards.
    /// </summary>
    public async Task SiteFiledAsync(Guid websiteId, IReadOnlyCollection<DomainName> domains, CancellationToken cancellationToken)
    {
        foreach (var registrable in domains.Select(d => d.RegistrableDomain.Ascii).Distinct())
        {
            foreach (var record in await db.Set<UnfiledSite>()
                         .Where(u => u.Status == UnfiledSiteStatus.Pending && (u.Domain == registrable || u.Domain.EndsWith("." + registrable)))
                         .ToListAsync(cancellationToken))
            {
                record.Status = UnfiledSiteStatus.Completed;
                record.CompletedWebsiteId = websiteId;
            }
        }
    }

    /// <summary>An APP filed or changed: the pending 未备案APP of its package names are 已备案.</summary>
    public async Task AppFiledAsync(Guid appId, IReadOnlyCollection<string> packages, CancellationToken cancellationToken)
    {
        if (packages.Count == 0) return;
        foreach (var record in await db.Set<UnfiledApp>().Where(a => a.Status == UnfiledSiteStatus.Pending && packages.Contains(a.PackageName))
                     .ToListAsync(cancellationToken))
        {
            record.Status = UnfiledSiteStatus.Completed;
            record.CompletedAppId = appId;
        }
    }

    /// <summary>An offline filing as imported (its holder's keyed certificate hash, its number), read only.</summary>
    public Task<OfflineFiling?> FilingAsync(Guid filingId, CancellationToken cancellationToken) =>
        db.Set<OfflineFiling>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == filingId, cancellationToken);
}
