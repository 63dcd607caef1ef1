using Beian.Core.Accounts;
using Beian.Core.PoliceUnits;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Admin.PoliceUsers;

/// <summary>民警账号管理: the police accounts, filtered by unit (with the units below it), role, status and name.</summary>
[Authorize(Policy = "Administrator")]
public class IndexModel(BeianDbContext db, AccountLookup accounts, PersonalDataProtector protector, SignInThrottle throttle) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public UnitChoice Unit { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool OwnUnitOnly { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public PoliceAccountStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PoliceUserRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var query = await FilteredAsync(db.Users.AsNoTracking().Where(u => u.Kind == AccountKind.Police));
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var officers = await query.OrderBy(u => u.PoliceUnitCode).ThenBy(u => u.UserName)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        var ids = officers.Select(o => o.Id).ToList();
        var roles = await RolesOfAsync(ids);
        var locked = await throttle.LockedAccountsAsync(ids);
        Rows = officers.Select(o => new PoliceUserRow(
            o,
            PoliceUnitCatalog.Default.Find(o.PoliceUnitCode)?.Name ?? o.PoliceUnitCode ?? "未设置",
            PoliceRoles.Label(roles.GetValueOrDefault(o.Id)),
            MobileNumber.Mask(accounts.MobileOf(o)),
            PoliceAccountStatuses.Of(o, locked.Contains(o.Id)))).ToList();
    }

    private async Task<IQueryable<ApplicationUser>> FilteredAsync(IQueryable<ApplicationUser> query)
    {
        if (Unit.Resolve(PoliceUnitCatalog.Default).Unit is { } unit)
        {
            IReadOnlyList<string>? codes = OwnUnitOnly ? [unit.Code] : PoliceJurisdiction.CodesWithin(unit.Code);
            if (codes != null) query = query.Where(u => codes.Contains(u.PoliceUnitCode!));
        }
        if (PoliceRoles.IsPoliceRole(Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == Role).Select(r => r.Id).FirstOrDefaultAsync();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        if (!string.IsNullOrWhiteSpace(Keyword))
        {
            var keyword = Keyword.Trim();
            var upper = keyword.ToUpperInvariant();
            var mobileHash = MobileNumber.IsValid(keyword) ? protector.Hash(MobileNumber.Normalize(keyword)) : null;
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName!.Contains(keyword) || u.MobileHash == mobileHash);
        }
        return Status switch
        {
            PoliceAccountStatus.Disabled => query.Where(u => u.DisabledAt != null),
            PoliceAccountStatus.Locked => await LockedAsync(query),
            PoliceAccountStatus.Normal => await NotLockedAsync(query.Where(u => u.DisabledAt == null)),
            _ => query,
        };
    }

    private async Task<IQueryable<ApplicationUser>> LockedAsync(IQueryable<ApplicationUser> query)
    {
        var locked = await throttle.LockedAccountsAsync();
        return query.Where(u => u.DisabledAt == null && locked.Contains(u.Id));
    }

    private async Task<IQueryable<ApplicationUser>> NotLockedAsync(IQueryable<ApplicationUser> query)
    {
        var locked = await throttle.LockedAccountsAsync();
        return query.Where(u => !locked.Contains(u.Id));
    }

    private async Task<Dictionary<string, string>> RolesOfAsync(List<string> userIds)
    {
        var pairs = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userIds.Contains(userRole.UserId) && (role.Name == Roles.Reviewer || role.Name == Roles.Supervisor)
                           select new { userRole.UserId, role.Name }).ToListAsync();
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.First().Name!);
    }
}

public sealed record PoliceUserRow(ApplicationUser Officer, string UnitName, string RoleLabel, string MaskedMobile, PoliceAccountStatus Status);
