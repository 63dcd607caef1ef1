using Beian.Core.Applications;
using Beian.Core.PoliceUnits;
using Beian.Core.Statistics;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>
/// Keeps the counts of 统计分析 with every save that adds, changes or removes an application, whichever code made it:
/// the application's counts as it was loaded lose one and its counts as it is saved gain one, appended as
/// <see cref="ReviewCountChange"/>s to the same save, hence its transaction. A save that failed and is tried again
/// records its changes afresh, not twice. (SQL that writes applications directly bypasses this: there is none.)
/// </summary>
public sealed class ReviewCountRecorder : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is BeianDbContext db) Record(db);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is BeianDbContext db) Record(db);
        return result;
    }

    private static void Record(BeianDbContext db)
    {
        foreach (var unsaved in db.ChangeTracker.Entries<ReviewCountChange>().Where(e => e.State == EntityState.Added).ToList())
            unsaved.State = EntityState.Detached;
        var deltas = new Dictionary<ReviewCountKey, int>();
        foreach (var entry in db.ChangeTracker.Entries<FilingApplication>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted) Add(deltas, entry.OriginalValues, -1);
            if (entry.State is EntityState.Added or EntityState.Modified) Add(deltas, entry.CurrentValues, +1);
        }
        db.ReviewCountChanges.AddRange(deltas.Where(d => d.Value != 0).Select(d => ReviewCountChange.For(d.Key, d.Value)));
    }

    private static void Add(Dictionary<ReviewCountKey, int> deltas, PropertyValues application, int delta)
    {
        var keys = ReviewCountKey.Of(
            application.GetValue<string>(nameof(FilingApplication.JurisdictionUnitCode)),
            application.GetValue<DateTime>(nameof(FilingApplication.SubmittedAt)),
            application.GetValue<BusinessType>(nameof(FilingApplication.BusinessType)),
            application.GetValue<ApplicationStatus>(nameof(FilingApplication.Status)),
            application.GetValue<DateTime?>(nameof(FilingApplication.DecidedAt)),
            PoliceUnitCatalog.Default);
        foreach (var key in keys) deltas[key] = deltas.GetValueOrDefault(key) + delta;
    }
}
