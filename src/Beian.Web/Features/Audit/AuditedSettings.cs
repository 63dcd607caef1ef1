using System.Globalization;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Calendar;
using Beian.Web.Features.PoliceUnits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Beian.Web.Features.Audit;

/// <summary>
/// The administrators' changes that are state changes too: a police unit's contact phone or review
/// limit, a police or administrator account (created, moved, disabled, unlocked, its password or
/// authenticator reset, its name or mobile changed), any role granted or removed, and a year of the
/// holiday calendar entered or changed (its dates in the detail). The detail
/// names what changed, never a password or a phone.
/// </summary>
internal static class AuditedSettings
{
    private static readonly (string Property, string Label)[] UnitFields =
        [(nameof(PoliceUnit.ContactPhone), "联系电话"), (nameof(PoliceUnit.ReviewLimitWorkingDays), "审核时限")];

    /// <summary>Account properties an administrator changes; a login's own bookkeeping is left out.</summary>
    private static readonly (string Property, string Label)[] AccountFields =
    [
        (nameof(ApplicationUser.PoliceUnitCode), "所属单位"),
        (nameof(ApplicationUser.DisplayName), "姓名"),
        (nameof(ApplicationUser.MobileHash), "手机号码"),
        (nameof(ApplicationUser.Email), "电子邮件地址"),
        (nameof(ApplicationUser.DisabledAt), "停用/启用"),
        (nameof(ApplicationUser.PasswordHash), "密码"),
        (nameof(ApplicationUser.AuthenticatorConfirmedAt), "动态口令"),
        (nameof(ApplicationUser.LockoutEnd), "锁定"),
    ];

    public static async Task<AuditRecord?> RecordForAsync(BeianDbContext db, EntityEntry entry, DateTime now, CancellationToken cancellationToken) =>
        entry.Entity is IdentityUserRole<string> role && entry.State is EntityState.Added or EntityState.Deleted
            ? AuditRecord.New(AuditActions.ChangeSettings, AuditObjectTypes.Account, role.UserId, AuditOutcomes.Succeeded,
                $"{(entry.State == EntityState.Added ? "授予" : "取消")}角色 {await RoleNameAsync(db, role.RoleId, cancellationToken)}", now)
            : RecordFor(entry, now);

    private static AuditRecord? RecordFor(EntityEntry entry, DateTime now) => entry.Entity switch
    {
        PoliceUnit unit when entry.State == EntityState.Modified => Changed(entry, UnitFields, AuditObjectTypes.PoliceUnit, unit.Code, now, showValues: true),
        ApplicationUser { Kind: not AccountKind.Applicant } user when entry.State == EntityState.Added =>
            AuditRecord.New(AuditActions.Create, AuditObjectTypes.Account, user.Id, AuditOutcomes.Succeeded, $"新建{KindLabel(user)}账号 {user.UserName}（单位 {user.PoliceUnitCode ?? "—"}）", now),
        HolidayYearEntry year when entry.State is EntityState.Added or EntityState.Modified =>
            AuditRecord.New(AuditActions.ChangeSettings, AuditObjectTypes.HolidayYear, year.Year.ToString(CultureInfo.InvariantCulture),
                AuditOutcomes.Succeeded, HolidayYearDetail(year, entry.State == EntityState.Added), now),
        ApplicationUser { Kind: not AccountKind.Applicant } user when entry.State == EntityState.Modified =>
            Changed(entry, AccountFields, AuditObjectTypes.Account, user.Id, now, showValues: false, prefix: $"{user.UserName}："),
        _ => null,
    };

    private static AuditRecord? Changed(EntityEntry entry, (string Property, string Label)[] fields, string objectType, string id, DateTime now,
        bool showValues, string prefix = "")
    {
        var changes = fields
            .Select(f => (f.Label, Property: entry.Property(f.Property)))
            .Where(f => f.Property.IsModified && !Equals(f.Property.OriginalValue, f.Property.CurrentValue))
            .Select(f => showValues ? $"{f.Label} {f.Property.OriginalValue} → {f.Property.CurrentValue}" : f.Label)
            .ToList();
        return changes.Count == 0 ? null
            : AuditRecord.New(AuditActions.ChangeSettings, objectType, id, AuditOutcomes.Succeeded, prefix + string.Join("；", changes), now);
    }

    private static async Task<string> RoleNameAsync(BeianDbContext db, string roleId, CancellationToken cancellationToken) =>
        await db.Roles.AsNoTracking().Where(r => r.Id == roleId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? roleId;

    private static string HolidayYearDetail(HolidayYearEntry year, bool added) =>
        $"{(added ? "录入" : "修改")}{year.Year}年节假日安排（{HolidayYears.SourceLabel(year.Source)}）：法定节假日 {year.Holidays.Replace('\n', '、')}；" +
        $"调休上班日 {(year.AdjustedWorkdays.Length == 0 ? "无" : year.AdjustedWorkdays.Replace('\n', '、'))}";

    private static string KindLabel(ApplicationUser user) => user.Kind == AccountKind.Administrator ? "管理员" : "民警";
}
