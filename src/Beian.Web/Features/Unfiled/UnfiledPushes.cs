using Beian.Core.Subjects;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Calendar;
using Beian.Web.Features.Messages;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Unfiled;

/// <summary>A domain a 服务商 reported that has no filing.</summary>
public sealed record ReportedUnfiledSite(string Domain, string Ips, string UnitCode, string? CertificateNumber);

/// <summary>An APP an 应用市场 lists that has no filing.</summary>
public sealed record ReportedUnfiledApp(string PackageName, string AppName, string Developer, string? DownloadUrl, string UnitCode, string? CertificateNumber);

/// <summary>
/// Pushes 未备案 records to the police unit of their jurisdiction and to the subject whose certificate number they
/// carry (matched by keyed hash, now or when such a subject is submitted later): for the police's import and for
/// the reports of 服务商 and 应用市场. One site message and SMS per owner and push. Adds to the caller's context and
/// never saves, so the records and their messages commit with the caller's work.
/// </summary>
public sealed class UnfiledPushes(BeianDbContext db, PersonalDataProtector protector, Notifier notifier, AccountLookup accounts,
    HolidayCalendars calendars, TimeProvider clock)
{
    /// <summary>整改期限 of what a report finds: this many working days from the day it was found.</summary>
    public const int ReportedDeadlineWorkingDays = 15;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string HashOf(string? certificateNumber) =>
        string.IsNullOrWhiteSpace(certificateNumber) ? string.Empty : protector.Hash(certificateNumber.Trim().ToUpperInvariant());

    /// <summary>The reported domains not already waiting as 未备案网站, as new records of the report; returns them.</summary>
    public async Task<IReadOnlyList<UnfiledSite>> PushReportedSitesAsync(IReadOnlyList<ReportedUnfiledSite> reported, string reporterName,
        Guid reporterId, Guid reportId, CancellationToken cancellationToken)
    {
        if (reported.Count == 0) return [];
        var domains = reported.Select(r => r.Domain).Distinct().ToList();
        var waiting = (await db.Set<UnfiledSite>().Where(s => domains.Contains(s.Domain) && s.Status == UnfiledSiteStatus.Pending)
            .Select(s => s.Domain).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var (today, deadline) = Deadline();
        var sites = reported.Where(r => waiting.Add(r.Domain)).Select(r => new UnfiledSite
        {
            Id = Guid.CreateVersion7(), Domain = r.Domain, Ip = Shorten(r.Ips, 1000), Provider = Shorten(reporterName, 200), FirstSeenOn = today,
            Deadline = deadline, CertificateHash = HashOf(r.CertificateNumber), ImportedByUnitCode = r.UnitCode, ImportedAt = Now,
            BatchId = reportId, ReporterId = reporterId, Status = UnfiledSiteStatus.Pending,
        }).ToList();
        await PushSitesAsync(sites, cancellationToken);
        return sites;
    }

    /// <summary>The listed APPs not already waiting as 未备案APP, as new records of the report; returns them.</summary>
    public async Task<IReadOnlyList<UnfiledApp>> PushReportedAppsAsync(IReadOnlyList<ReportedUnfiledApp> reported, string storeName,
        Guid reporterId, Guid reportId, CancellationToken cancellationToken)
    {
        if (reported.Count == 0) return [];
        var packages = reported.Select(r => r.PackageName).Distinct().ToList();
        var waiting = (await db.Set<UnfiledApp>().Where(a => packages.Contains(a.PackageName) && a.Status == UnfiledSiteStatus.Pending)
            .Select(a => a.PackageName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var (today, deadline) = Deadline();
        var apps = reported.Where(r => waiting.Add(r.PackageName)).Select(r => new UnfiledApp
        {
            Id = Guid.CreateVersion7(), PackageName = r.PackageName, AppName = Shorten(r.AppName, 100), Developer = Shorten(r.Developer, 100),
            StoreName = Shorten(storeName, 200), DownloadUrl = r.DownloadUrl, FirstSeenOn = today, Deadline = deadline,
            CertificateHash = HashOf(r.CertificateNumber), UnitCode = r.UnitCode, FoundAt = Now, ReporterId = reporterId, ReportId = reportId,
            Status = UnfiledSiteStatus.Pending,
        }).ToList();
        await PushAsync(apps, UnfiledNotices.UnfiledApps, cancellationToken);
        return apps;
    }

    /// <summary>New 未备案网站 records: matched to their subjects, added, and their owners told.</summary>
    public Task PushSitesAsync(IReadOnlyList<UnfiledSite> sites, CancellationToken cancellationToken) =>
        PushAsync(sites, UnfiledNotices.UnfiledSites, cancellationToken);

    /// <summary>New records matched to the newest current subject of their hash, added, and their owners told.</summary>
    private async Task PushAsync<T>(IReadOnlyList<T> records, Func<IReadOnlyList<string>, DateOnly?, UnfiledNotice> compose,
        CancellationToken cancellationToken) where T : class, IPushedUnfiled
    {
        var owners = await MatchAsync(records.Select(r => r.CertificateHash), cancellationToken);
        foreach (var record in records)
            if (owners.TryGetValue(record.CertificateHash, out var subjects)) record.SubjectId = subjects[0].Id;
        db.AddRange(records);
        await NotifyOwnersAsync(owners, records.Select(r => (r.CertificateHash, r.NoticeName, (DateOnly?)r.Deadline)), compose, cancellationToken);
    }

    public sealed record MatchedSubject(Guid Id, string OwnerUserId, DateTime CreatedAt);

    /// <summary>The current subjects (not 已注销/已撤销) of each hash, newest first.</summary>
    public async Task<Dictionary<string, List<MatchedSubject>>> MatchAsync(IEnumerable<string> hashes, CancellationToken cancellationToken)
    {
        var distinct = hashes.Where(h => h.Length > 0).Distinct().ToList();
        if (distinct.Count == 0) return [];
        var subjects = await db.Subjects.AsNoTracking()
            .Where(s => distinct.Contains(s.CertificateHash) && s.Status != SubjectStatus.Cancelled && s.Status != SubjectStatus.Withdrawn)
            .Select(s => new { s.Id, s.OwnerUserId, s.CreatedAt, s.CertificateHash })
            .ToListAsync(cancellationToken);
        return subjects.GroupBy(s => s.CertificateHash)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.CreatedAt).Select(s => new MatchedSubject(s.Id, s.OwnerUserId, s.CreatedAt)).ToList());
    }

    /// <summary>One site message and SMS per owner, naming the records that reach any of their subjects.</summary>
    public async Task NotifyOwnersAsync(Dictionary<string, List<MatchedSubject>> owners, IEnumerable<(string Hash, string Name, DateOnly? Deadline)> records,
        Func<IReadOnlyList<string>, DateOnly?, UnfiledNotice> compose, CancellationToken cancellationToken)
    {
        var perOwner = new Dictionary<string, (List<string> Names, DateOnly? Earliest)>();
        foreach (var (hash, name, deadline) in records)
        {
            if (!owners.TryGetValue(hash, out var subjects)) continue;
            foreach (var ownerId in subjects.Select(s => s.OwnerUserId).Distinct())
            {
                var (names, earliest) = perOwner.GetValueOrDefault(ownerId, ([], null));
                if (deadline is { } d && (earliest is null || d < earliest)) earliest = d;
                names.Add(name);
                perOwner[ownerId] = (names, earliest);
            }
        }
        if (perOwner.Count == 0) return;
        var ids = perOwner.Keys.ToList();
        foreach (var user in await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken))
        {
            var (names, earliest) = perOwner[user.Id];
            var notice = compose(names, earliest);
            var mobile = accounts.MobileOf(user);
            notifier.Notify(user.Id, notice.Title, notice.Body, mobile.Length > 0 ? mobile : null, notice.Sms);
        }
    }

    private (DateOnly Today, DateOnly Deadline) Deadline()
    {
        var today = BeijingTime.DateOf(clock.GetUtcNow());
        return (today, calendars.Current.AddWorkingDays(today, ReportedDeadlineWorkingDays));
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
