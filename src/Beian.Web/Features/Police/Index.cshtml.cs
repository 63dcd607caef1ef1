using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Features.Profile;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>工作台 of a reviewer or supervisor: their unit, its contact phone and review limit.</summary>
public class IndexModel(UserManager<ApplicationUser> users, BeianDbContext db) : AccountPageModel(users)
{
    public PoliceUnit? Unit { get; private set; }
    public int SubordinateCount { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAccountAsync();
        if (Account.PoliceUnitCode == null) return;
        Unit = await db.PoliceUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == Account.PoliceUnitCode);
        SubordinateCount = await db.PoliceUnits.CountAsync(u => u.ParentCode == Account.PoliceUnitCode);
    }
}
