using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Messages;

public sealed class SiteMessageQueries(BeianDbContext db)
{
    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default) =>
        db.SiteMessages.CountAsync(m => m.UserId == userId && m.ReadAt == null, cancellationToken);

    public Task<SiteMessage?> NewestUnreadAsync(string userId, CancellationToken cancellationToken = default) =>
        db.SiteMessages.AsNoTracking()
            .Where(m => m.UserId == userId && m.ReadAt == null)
            .OrderByDescending(m => m.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
}
