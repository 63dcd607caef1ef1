using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Beian.Web.Data;

/// <summary>A record that two people can edit: its Version is an optimistic-concurrency token.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

internal static class Versioning
{
    /// <summary>
    /// Every save of a modified versioned record increments its Version, so an update made from a
    /// stale copy matches no row and EF raises <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static void BumpVersions(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
                entry.Entity.Version++;
        }
    }
}
