using System.Security.Claims;
using Beian.Core.PoliceUnits;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>
/// The police user behind a request: their unit, and whether they are a supervisor (上级单位).
/// Every police handler asks this first and refuses what lies outside the unit's jurisdiction.
/// </summary>
public sealed record Officer(string UserId, string Name, string UnitCode, bool IsSupervisor)
{
    /// <summary>True when <paramref name="unitCode"/> is the officer's unit or a unit below it.</summary>
    public bool Oversees(string unitCode) => PoliceUnitCatalog.Default.IsWithin(unitCode, UnitCode);
}

public sealed class Officers(BeianDbContext db)
{
    /// <summary>The officer signed in, or null for anyone who is not a police user with a unit.</summary>
    public async Task<Officer?> CurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id == null || !(principal.IsInRole(Roles.Reviewer) || principal.IsInRole(Roles.Supervisor))) return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id && u.Kind == AccountKind.Police)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.PoliceUnitCode }).FirstOrDefaultAsync(cancellationToken);
        if (user?.PoliceUnitCode is not { Length: > 0 } unit) return null;
        return new Officer(user.Id, user.DisplayName ?? user.UserName ?? user.Id, unit, principal.IsInRole(Roles.Supervisor));
    }

    /// <summary>The application when the officer's jurisdiction covers it; null (as for one that does not exist) otherwise.</summary>
    public async Task<FilingApplication?> ApplicationInScopeAsync(Officer officer, Guid id, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Transitions).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return application != null && officer.Oversees(application.JurisdictionUnitCode) ? application : null;
    }

    /// <summary>Display names of police users (history, 审核民警), by id.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Where(i => !string.IsNullOrEmpty(i)).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Kind != AccountKind.Applicant)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? u.Id, cancellationToken);
    }

    /// <summary>Display names of every police and administrator account, by id: an export's 审核民警, read once before its rows.</summary>
    public Task<Dictionary<string, string>> AllNamesAsync(CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => u.Kind != AccountKind.Applicant)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? u.Id, cancellationToken);

    /// <summary>
    /// The officer of an account named by id, as <see cref="CurrentAsync"/> would find them signed in now
    /// (a background export runs for the officer who asked it, within their unit of the moment); null when
    /// the account is no longer a police user with a unit.
    /// </summary>
    public async Task<Officer?> ByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.Kind == AccountKind.Police)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.PoliceUnitCode }).FirstOrDefaultAsync(cancellationToken);
        if (user?.PoliceUnitCode is not { Length: > 0 } unit) return null;
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).ToListAsync(cancellationToken);
        if (!roles.Contains(Roles.Reviewer) && !roles.Contains(Roles.Supervisor)) return null;
        return new Officer(user.Id, user.DisplayName ?? user.UserName ?? user.Id, unit, roles.Contains(Roles.Supervisor));
    }

    /// <summary>The reviewers and supervisors of one unit (for 改派 to a named reviewer).</summary>
    public Task<List<ApplicationUser>> OfUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => u.Kind == AccountKind.Police && u.PoliceUnitCode == unitCode)
            .OrderBy(u => u.UserName).ToListAsync(cancellationToken);
}
