using Beian.Web.Data;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Unfiled;

/// <summary>
/// The records that the units of a jurisdiction imported or the providers there reported, as 未备案网站导入 lists them:
/// newest import first, in keyset orders that an index led by the importing unit (a county) or by the import time (a
/// wider jurisdiction) gives as they are read.
/// </summary>
public static class ImportedRecords
{
    /// <summary>Newest import first; within one import by domain, the id breaking a tie of the same domain imported twice.</summary>
    public static readonly KeysetOrder<UnfiledSite> SiteOrder =
        KeysetOrder<UnfiledSite>.By(s => s.ImportedAt, descending: true).ThenBy(s => s.Domain).ThenBy(s => s.Id);

    /// <summary>Newest import first; within one import by 公安备案号, which is unique.</summary>
    public static readonly KeysetOrder<OfflineFiling> FilingOrder =
        KeysetOrder<OfflineFiling>.By(f => f.ImportedAt, descending: true).ThenBy(f => f.NumberDigits);

    public static IQueryable<UnfiledSite> UnfiledSites(BeianDbContext db, string officerUnitCode) =>
        db.Set<UnfiledSite>().AsNoTracking().WithinUnit(officerUnitCode, s => s.ImportedByUnitCode);

    public static IQueryable<OfflineFiling> OfflineFilings(BeianDbContext db, string officerUnitCode) =>
        db.Set<OfflineFiling>().AsNoTracking().WithinUnit(officerUnitCode, f => f.ImportedByUnitCode);
}
