using Beian.Core.PoliceUnits;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.PoliceUnits;

/// <summary>
/// Loads the police-unit tree from the reference catalog. Only missing units are added, so an
/// administrator's edits (contact phone, review limit) survive every restart.
/// </summary>
public static class PoliceUnitSeeder
{
    public static async Task SeedAsync(BeianDbContext db, CancellationToken cancellationToken = default)
    {
        var catalog = PoliceUnitCatalog.Default;
        var existing = (await db.PoliceUnits.Select(u => u.Code).ToListAsync(cancellationToken)).ToHashSet();
        var missing = catalog.All.Where(u => !existing.Contains(u.Code)).ToList();
        if (missing.Count == 0) return;
        db.PoliceUnits.AddRange(missing.Select(u => new Features.PoliceUnits.PoliceUnit
        {
            Code = u.Code,
            Name = u.Name,
            Level = u.Level,
            ParentCode = u.ParentCode,
            ContactPhone = u.ContactPhone,
            ReviewLimitWorkingDays = u.ReviewLimitWorkingDays,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded at the same moment; its rows are the same reference data.
            db.ChangeTracker.Clear();
        }
    }
}
