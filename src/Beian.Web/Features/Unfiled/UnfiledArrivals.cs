using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Messages;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Unfiled;

/// <summary>
/// A 新增主体 submitted after the police imported 未备案网站 or offline filings (or a report found 未备案APP) with its certificate number:
/// the records held for it are matched to it and its owner is told (site message and SMS), as the import
/// tells an owner whose subject came first. Inside the submission's transaction, never saving.
/// </summary>
public sealed class UnfiledArrivals(BeianDbContext db, Notifier notifier, Accounts.AccountLookup accounts) : ISubjectArrivals
{
    public async Task OnSubjectSubmittedAsync(Subject subject, CancellationToken cancellationToken)
    {
        var hash = subject.CertificateHash;
        if (string.IsNullOrEmpty(hash)) return;
        var current = db.Subjects.Where(s => s.Status != SubjectStatus.Cancelled && s.Status != SubjectStatus.Withdrawn);
        var sites = await db.Set<UnfiledSite>()
            .Where(s => s.CertificateHash == hash && s.Status == UnfiledSiteStatus.Pending
                        && (s.SubjectId == null || !current.Any(c => c.Id == s.SubjectId)))
            .OrderBy(s => s.Deadline).ToListAsync(cancellationToken);
        var filings = await db.Set<OfflineFiling>()
            .Where(f => f.CertificateHash == hash && f.Status == OfflineFilingStatus.Pending
                        && (f.SubjectId == null || !current.Any(c => c.Id == f.SubjectId)))
            .OrderBy(f => f.FiledOn).ToListAsync(cancellationToken);
        var apps = await db.Set<UnfiledApp>()
            .Where(a => a.CertificateHash == hash && a.Status == UnfiledSiteStatus.Pending
                        && (a.SubjectId == null || !current.Any(c => c.Id == a.SubjectId)))
            .OrderBy(a => a.Deadline).ToListAsync(cancellationToken);
        foreach (var site in sites) site.SubjectId = subject.Id;
        foreach (var app in apps) app.SubjectId = subject.Id;
        foreach (var filing in filings) filing.SubjectId = subject.Id;
        if (sites.Count > 0)
            await TellOwnerAsync(subject, UnfiledNotices.UnfiledSites(sites.Select(s => s.Domain).ToList(), sites[0].Deadline), cancellationToken);
        if (apps.Count > 0)
            await TellOwnerAsync(subject, UnfiledNotices.UnfiledApps(apps.Select(a => $"{a.AppName}（{a.PackageName}）").ToList(), apps[0].Deadline), cancellationToken);
        if (filings.Count > 0)
            await TellOwnerAsync(subject, UnfiledNotices.OfflineFilings(filings.Select(f => f.DomainsText).ToList()), cancellationToken);
    }

    private async Task TellOwnerAsync(Subject subject, UnfiledNotice notice, CancellationToken cancellationToken)
    {
        var owner = await db.Users.AsNoTracking().FirstAsync(u => u.Id == subject.OwnerUserId, cancellationToken);
        notifier.Notify(owner.Id, notice.Title, notice.Body, accounts.MobileOf(owner) is { Length: > 0 } mobile ? mobile : null, notice.Sms);
    }
}
