using Beian.Core.Websites;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>The account's filed websites, as 变更网站 and 注销网站 list them.</summary>
public static class FiledSites
{
    public static Task<List<Website>> OfAsync(BeianDbContext db, string ownerUserId) =>
        db.Websites.AsNoTracking()
            .Where(w => w.OwnerUserId == ownerUserId && w.Status != WebsiteStatus.Pending
                && w.Status != WebsiteStatus.Returned && w.Status != WebsiteStatus.Withdrawn)
            .OrderByDescending(w => w.FiledAt).ToListAsync();

    public static Task<Website?> OwnedAsync(BeianDbContext db, Guid id, string ownerUserId) =>
        db.Websites.FirstOrDefaultAsync(w => w.Id == id && w.OwnerUserId == ownerUserId);
}
