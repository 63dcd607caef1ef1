using Beian.Core.Numbering;
using Beian.Core.PoliceUnits;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Unfiled;

/// <summary>
/// What applicants see of the police imports: the records whose certificate hash equals the hash of
/// one of their current subjects (looked up at query time, so a subject created after the import
/// sees it), and the 认领 search by domain, 公安备案号 or 工信部备案号.
/// </summary>
public sealed class UnfiledQueries(BeianDbContext db)
{
    public const int SearchLimit = 20;

    /// <summary>The certificate hashes of the account's current subjects (not 已注销/已撤销).</summary>
    public async Task<List<string>> SubjectHashesAsync(string userId, CancellationToken ct = default) =>
        await db.Subjects.AsNoTracking()
            .Where(s => s.OwnerUserId == userId && s.CertificateHash != ""
                        && s.Status != SubjectStatus.Cancelled && s.Status != SubjectStatus.Withdrawn)
            .Select(s => s.CertificateHash).Distinct().ToListAsync(ct);

    /// <summary>未备案网站 of the account, pending first, nearest deadline first.</summary>
    public async Task<IReadOnlyList<UnfiledSite>> UnfiledSitesOfAsync(string userId, CancellationToken ct = default)
    {
        var hashes = await SubjectHashesAsync(userId, ct);
        if (hashes.Count == 0) return [];
        return await db.Set<UnfiledSite>().AsNoTracking()
            .Where(s => hashes.Contains(s.CertificateHash))
            .OrderByDescending(s => s.Status).ThenBy(s => s.Deadline).ThenBy(s => s.Domain)
            .Take(500).ToListAsync(ct);
    }

    /// <summary>未备案APP of the account, pending first, nearest deadline first.</summary>
    public async Task<IReadOnlyList<UnfiledApp>> UnfiledAppsOfAsync(string userId, CancellationToken ct = default)
    {
        var hashes = await SubjectHashesAsync(userId, ct);
        if (hashes.Count == 0) return [];
        return await db.Set<UnfiledApp>().AsNoTracking()
            .Where(a => hashes.Contains(a.CertificateHash))
            .OrderByDescending(a => a.Status).ThenBy(a => a.Deadline).ThenBy(a => a.PackageName)
            .Take(500).ToListAsync(ct);
    }

    /// <summary>One 未备案网站 of the account (for /Websites/New?unfiled=…), or null.</summary>
    public async Task<UnfiledSite?> UnfiledSiteOfAsync(string userId, Guid id, CancellationToken ct = default)
    {
        var hashes = await SubjectHashesAsync(userId, ct);
        return await db.Set<UnfiledSite>().FirstOrDefaultAsync(s => s.Id == id && hashes.Contains(s.CertificateHash), ct);
    }

    /// <summary>Offline filings matched to the account's subjects, waiting to be claimed.</summary>
    public async Task<IReadOnlyList<OfflineFiling>> ClaimableOfAsync(string userId, CancellationToken ct = default)
    {
        var hashes = await SubjectHashesAsync(userId, ct);
        if (hashes.Count == 0) return [];
        return await db.Set<OfflineFiling>().AsNoTracking()
            .Where(f => hashes.Contains(f.CertificateHash) && f.Status == OfflineFilingStatus.Pending)
            .OrderBy(f => f.FiledOn).ThenBy(f => f.NumberDigits)
            .Take(500).ToListAsync(ct);
    }

    /// <summary>One offline filing still to be claimed (for /Websites/New?claim=…), or null.</summary>
    public Task<OfflineFiling?> ClaimableAsync(Guid id, CancellationToken ct = default) =>
        db.Set<OfflineFiling>().Include(f => f.Domains)
            .FirstOrDefaultAsync(f => f.Id == id && f.Status == OfflineFilingStatus.Pending, ct);

    /// <summary>
    /// Unclaimed offline filings found by a domain (www. ignored), a 公安备案号 (12 or 14 digits,
    /// with or without prefix) or a 工信部备案号. Null when the text is none of these.
    /// </summary>
    public async Task<IReadOnlyList<OfflineFiling>?> SearchClaimableAsync(string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        var pending = db.Set<OfflineFiling>().AsNoTracking().Where(f => f.Status == OfflineFilingStatus.Pending);
        IQueryable<OfflineFiling> query;
        if (PublicSecurityNumber.TryParse(text, out var number, out _))
        {
            var digits = number.Digits;
            query = pending.Where(f => f.NumberDigits == digits);
        }
        else if (IcpNumber.TryParse(text, out var icp))
        {
            var value = icp.Value;
            var main = icp.MainNumber;
            query = pending.Where(f => f.IcpNumber == value || f.IcpNumber == main);
        }
        else if (DomainName.TryParse(text, out var domain))
        {
            var bare = domain.WithoutWww.Ascii;
            var www = "www." + bare;
            var ids = db.Set<OfflineFilingDomain>().Where(d => d.Domain == bare || d.Domain == www).Select(d => d.OfflineFilingId);
            query = pending.Where(f => ids.Contains(f.Id));
        }
        else
        {
            return null;
        }
        return await query.OrderBy(f => f.NumberDigits).Take(SearchLimit).ToListAsync(ct);
    }
}
