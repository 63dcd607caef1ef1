using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Content;

internal static class VersionedSave
{
    /// <summary>
    /// Saves the changes made to <paramref name="entity"/> only if its row still has the version the
    /// form was opened with. A lost race clears the tracker, taking the change's audit record with it.
    /// </summary>
    public static async Task<ContentOutcome> SaveAsync(BeianDbContext db, IVersioned entity, int version, CancellationToken cancellationToken)
    {
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ContentOutcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ContentOutcome.Conflict;
        }
    }
}
