using Beian.Core.Filing;
using Beian.Core.Websites;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>Filed websites: the account's, as 变更网站 and 注销网站 list them, and a police jurisdiction's.</summary>
public static class FiledSites
{
    /// <summary>The statuses of a site whose 公安备案号 is in force: 已备案, and 变更中 / 注销中 until that application is decided.</summary>
    public static readonly IReadOnlyList<FilingStatus> NumberInForceStatuses = [FilingStatus.Filed, FilingStatus.Changing, FilingStatus.Cancelling];

    /// <summary>
    /// The filed websites of a police jurisdiction (the unit codes within it; null for every unit). A filed site always has
    /// its filing time; saying so lets a walk of the filing-time index newest first start after the sites not filed yet
    /// (their time is null, and nulls come first backwards: the open applications' sites, read and dropped one by one).
    /// </summary>
    public static IQueryable<Website> InJurisdiction(BeianDbContext db, IReadOnlyList<string>? scope)
    {
        var query = db.Websites.AsNoTracking()
            .Where(w => NumberInForceStatuses.Contains(w.Status) && w.NumberDigits != null && w.FiledAt != null);
        return scope == null ? query : query.Where(w => scope.Contains(w.JurisdictionUnitCode));
    }

    public static Task<List<Website>> OfAsync(BeianDbContext db, string ownerUserId) =>
        db.Websites.AsNoTracking()
            .Where(w => w.OwnerUserId == ownerUserId && w.Status != FilingStatus.Pending
                && w.Status != FilingStatus.Returned && w.Status != FilingStatus.Withdrawn)
            .OrderByDescending(w => w.FiledAt).ToListAsync();

    public static Task<Website?> OwnedAsync(BeianDbContext db, Guid id, string ownerUserId) =>
        db.Websites.FirstOrDefaultAsync(w => w.Id == id && w.OwnerUserId == ownerUserId);
}
