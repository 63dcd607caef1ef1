using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Features.Profile;
using Beian.Web.Features.Unfiled;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>
/// 工作台 of a reviewer or supervisor: their unit, its contact phone and review limit, and what waits
/// for them in the jurisdiction — open applications, those claimed by the officer, overdue ones,
/// and 未备案网站 or claims at 关停风险; and a year of holidays that due dates reach before it is entered.
/// </summary>
public class IndexModel(UserManager<ApplicationUser> users, BeianDbContext db, ReviewDeadlines deadlines, Calendar.HolidayYears holidayYears)
    : AccountPageModel(users)
{
    public PoliceUnit? Unit { get; private set; }
    public int SubordinateCount { get; private set; }
    public int OpenCount { get; private set; }
    public int MineCount { get; private set; }
    public int OverdueCount { get; private set; }
    public int ShutdownRiskCount { get; private set; }
    /// <summary>Years without holidays that due dates set now reach: their due dates are 预计.</summary>
    public IReadOnlyList<int> MissingHolidayYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAccountAsync();
        MissingHolidayYears = holidayYears.MissingYears();
        if (Account.PoliceUnitCode is not { } unit) return;
        Unit = await db.PoliceUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unit, ct);
        SubordinateCount = await db.PoliceUnits.CountAsync(u => u.ParentCode == unit, ct);
        var scope = PoliceJurisdiction.CodesWithin(unit);
        var applications = db.Applications.AsNoTracking().Where(a => a.BusinessType != BusinessType.NewSubject);
        if (scope != null) applications = applications.Where(a => scope.Contains(a.JurisdictionUnitCode));
        OpenCount = await applications.CountAsync(a => OpenStatuses.All.Contains(a.Status), ct);
        MineCount = await applications.CountAsync(a => OpenStatuses.All.Contains(a.Status) && a.AssignedReviewerUserId == Account.Id, ct);
        OverdueCount = await applications.Where(await deadlines.OverdueFilterAsync(scope, ct)).CountAsync(ct);
        ShutdownRiskCount = await ShutdownRiskAsync(scope, ct);
    }

    private async Task<int> ShutdownRiskAsync(IReadOnlyList<string>? scope, CancellationToken ct)
    {
        var sites = db.Set<UnfiledSite>().AsNoTracking().Where(s => s.Status == UnfiledSiteStatus.Pending && s.ShutdownRiskSince != null);
        var filings = db.Set<OfflineFiling>().AsNoTracking().Where(f => f.Status == OfflineFilingStatus.Pending && f.ShutdownRiskSince != null);
        if (scope != null)
        {
            sites = sites.Where(s => scope.Contains(s.ImportedByUnitCode));
            filings = filings.Where(f => scope.Contains(f.ImportedByUnitCode));
        }
        return await sites.CountAsync(ct) + await filings.CountAsync(ct);
    }
}
