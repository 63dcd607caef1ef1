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
/// Keeps <see cref="PublicWebsite"/> (and its hosts and, on SQLite, its grams) in step with the
/// decisions that change what the public sees: a website filed or changed, a website or its whole
/// subject cancelled, a holder renamed by 变更主体. Every change is tracked on the caller's context,
/// so it commits with the decision or not at all.
/// </summary>
public sealed class PublicWebsiteProjection(BeianDbContext db) : ISubjectDependents
{
    /// <summary>
    /// A site whose number has just come into force (新办网站 or 网站认领 approved) or that has none
    /// yet (the backfill): added without looking for a row, since it cannot have one.
    /// </summary>
    public Task AddAsync(Website website, WebsiteForm form, CancellationToken cancellationToken) =>
        FillAsync(Added(website.Id), website, form, cancellationToken);

    /// <summary>After 变更网站 is approved: the site as it is filed now.</summary>
    public async Task ChangedAsync(Website website, WebsiteForm form, CancellationToken cancellationToken) =>
        await FillAsync(await RowAsync(website.Id, cancellationToken) ?? Added(website.Id), website, form, cancellationToken);

    private PublicWebsite Added(Guid websiteId)
    {
        var row = new PublicWebsite { WebsiteId = websiteId };
        db.PublicWebsites.Add(row);
        return row;
    }

    private async Task FillAsync(PublicWebsite row, Website website, WebsiteForm form, CancellationToken cancellationToken)
    {
        var subject = await db.Subjects.FindAsync([website.SubjectId], cancellationToken)
            ?? throw new InvalidOperationException($"Subject {website.SubjectId} of website {website.Id} does not exist.");
        row.SubjectId = website.SubjectId;
        row.NumberDigits = website.NumberDigits ?? throw new InvalidOperationException("A website is public only once it has a number.");
        row.NumberDisplay = website.NumberDisplay ?? string.Empty;
        row.Name = website.Name;
        row.NameKey = NameGrams.Normalize(website.Name);
        row.MainDomain = website.MainDomain;
        row.SubDomains = string.Join('\n', AsciiDomains(form.BasicInfo.SubDomains));
        row.Interactive = website.Interactive;
        row.UnitCode = website.JurisdictionUnitCode;
        row.UnitName = await UnitNameAsync(website.JurisdictionUnitCode, cancellationToken);
        row.FiledAt = website.FiledAt ?? throw new InvalidOperationException("A website is public only once it is filed.");
        Hold(row, subject);
        SyncDomains(row, DomainLookup.HostsOf(website.MainDomain, form.BasicInfo.SubDomains));
        SyncGrams(row, NameGrams.Of(row.NameKey));
    }

    /// <summary>After 注销网站 is approved: the number is no longer in force.</summary>
    public async Task RemoveAsync(Guid websiteId, CancellationToken cancellationToken)
    {
        var row = await db.PublicWebsites.FirstOrDefaultAsync(p => p.WebsiteId == websiteId, cancellationToken);
        if (row != null) db.PublicWebsites.Remove(row);
    }

    /// <summary>An approved 注销主体 cancels every website of the subject (hosts and grams go by cascade).</summary>
    public async Task CancelAllOfAsync(Guid subjectId, DateTime nowUtc, CancellationToken cancellationToken) =>
        db.PublicWebsites.RemoveRange(await db.PublicWebsites.Where(p => p.SubjectId == subjectId).ToListAsync(cancellationToken));

    /// <summary>An approved 变更主体: the holder's name (and nature) as the public sees it.</summary>
    public async Task OnSubjectChangedAsync(Subject subject, CancellationToken cancellationToken)
    {
        foreach (var row in await db.PublicWebsites.Where(p => p.SubjectId == subject.Id).ToListAsync(cancellationToken))
            Hold(row, subject);
    }

    private static void Hold(PublicWebsite row, Subject subject)
    {
        row.SubjectNature = subject.Nature;
        row.HolderName = Public.PublicHolder.NameOf(subject.Nature, subject.Name);
    }

    /// <summary>From the reference catalog the units are seeded from (no query inside the approval's lock), else from the table.</summary>
    private async Task<string> UnitNameAsync(string code, CancellationToken cancellationToken) =>
        PoliceUnitCatalog.Default.Find(code)?.Name
        ?? (await db.PoliceUnits.FindAsync([code], cancellationToken))?.Name
        ?? code;

    private bool GramsInArray => db.Database.IsNpgsql();

    private Task<PublicWebsite?> RowAsync(Guid websiteId, CancellationToken cancellationToken)
    {
        IQueryable<PublicWebsite> rows = db.PublicWebsites.Include(p => p.Domains);
        if (!GramsInArray) rows = rows.Include(p => p.Grams);
        return rows.FirstOrDefaultAsync(p => p.WebsiteId == websiteId, cancellationToken);
    }

    private static void SyncDomains(PublicWebsite row, IReadOnlyList<string> hosts)
    {
        row.Domains.RemoveAll(d => !hosts.Contains(d.Host));
        foreach (var host in hosts.Where(h => row.Domains.All(d => d.Host != h)))
            row.Domains.Add(new PublicWebsiteDomain { Host = host, WebsiteId = row.WebsiteId });
    }

    private void SyncGrams(PublicWebsite row, IReadOnlyList<string> grams)
    {
        if (GramsInArray)
        {
            row.NameGrams = grams.ToArray();
            return;
        }
        row.Grams.RemoveAll(g => !grams.Contains(g.Gram));
        foreach (var gram in row.Grams) gram.FiledAt = row.FiledAt;
        foreach (var gram in grams.Where(g => row.Grams.All(x => x.Gram != g)))
            row.Grams.Add(new PublicWebsiteGram { Gram = gram, WebsiteId = row.WebsiteId, FiledAt = row.FiledAt });
    }

    private static IEnumerable<string> AsciiDomains(IEnumerable<string> typed) =>
        typed.Select(t => DomainName.TryParse(t, out var domain) ? domain.Ascii : null).OfType<string>().Distinct();
}
