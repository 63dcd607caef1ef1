using Beian.Core.Accounts;
using Beian.Core.PoliceUnits;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Audit;
using Beian.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Admin.PoliceUsers;

/// <summary>
/// 民警账号管理: an administrator creates and maintains police accounts (never applicants' or
/// administrators'). Police accounts always log in with a second factor; their mobile counts as
/// verified because the administrator vouches for it. A password is never chosen by the
/// administrator: a generated one goes to the officer's mobile by SMS, in the same transaction as
/// the change, and must be replaced at the next login.
/// </summary>
public sealed class PoliceAccounts(
    UserManager<ApplicationUser> users,
    AccountLookup accounts,
    BeianDbContext db,
    Outbox outbox,
    PasswordPolicy passwordPolicy,
    SignInThrottle throttle,
    AuditLog audit,
    TimeProvider clock,
    ILogger<PoliceAccounts> logger)
{
    private static PoliceUnitCatalog Units => PoliceUnitCatalog.Default;

    public Task<ApplicationUser?> FindAsync(string id) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id && u.Kind == AccountKind.Police);

    public async Task<string?> RoleOfAsync(ApplicationUser officer) =>
        (await users.GetRolesAsync(officer)).FirstOrDefault(PoliceRoles.IsPoliceRole);

    /// <summary>
    /// Checks what needs more than the attributes (the unit, the role at that unit, uniqueness) and
    /// puts each problem under its field; returns the chosen unit when everything is right.
    /// </summary>
    public async Task<PoliceUnit?> ValidateAsync(PoliceUserInput input, ModelStateDictionary modelState, string prefix, ApplicationUser? existing)
    {
        var resolution = input.Unit.Resolve(Units);
        if (resolution.Error != null) modelState.AddModelError($"{prefix}.Unit.{resolution.Field}", resolution.Error);

        if (!string.IsNullOrEmpty(input.Role) && !PoliceRoles.IsPoliceRole(input.Role))
            modelState.AddModelError($"{prefix}.Role", "请选择角色");
        else if (input.Role == Roles.Supervisor && resolution.Unit is { } unit && Units.ChildrenOf(unit.Code).Count == 0)
            modelState.AddModelError($"{prefix}.Role", "所选单位没有下级单位，不能设为上级单位，请选择审核民警");

        if (!string.IsNullOrWhiteSpace(input.Mobile))
        {
            if (!MobileNumber.IsValid(input.Mobile))
                modelState.AddModelError($"{prefix}.Mobile", "请输入11位中国大陆手机号码");
            else if (await accounts.MobileTakenAsync(input.Mobile, existing?.Id))
                modelState.AddModelError($"{prefix}.Mobile", "该手机号码已被其他账号使用");
        }
        if (!string.IsNullOrWhiteSpace(input.Email) && await users.FindByEmailAsync(input.Email.Trim()) is { } holder && holder.Id != existing?.Id)
            modelState.AddModelError($"{prefix}.Email", "该电子邮件地址已被其他账号使用");
        if (input is NewPoliceUserInput { UserName: { Length: > 0 } userName } && await users.FindByNameAsync(userName.Trim()) != null)
            modelState.AddModelError($"{prefix}.UserName", "该用户名已被使用");

        return modelState.IsValid ? resolution.Unit : null;
    }

    /// <summary>新增民警: the account, its role and the SMS with the initial password commit together.</summary>
    public async Task<(IdentityResult Result, ApplicationUser Officer)> CreateAsync(NewPoliceUserInput input, PoliceUnit unit, string administratorId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var officer = new ApplicationUser
        {
            UserName = input.UserName!.Trim(),
            Email = input.Email!.Trim(),
            Kind = AccountKind.Police,
            DisplayName = input.DisplayName!.Trim(),
            PoliceUnitCode = unit.Code,
            TwoFactorEnabled = true,
            MobileVerifiedAt = now,
            MustChangePassword = true,
            CreatedAt = now,
        };
        accounts.SetMobile(officer, input.Mobile!);
        var password = PasswordGenerator.Generate(passwordPolicy, officer.UserName);

        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            var created = await users.CreateAsync(officer, password);
            if (!created.Succeeded) return (created, officer);
            await users.AddToRoleAsync(officer, input.Role!);
            outbox.QueueSms(accounts.MobileOf(officer),
                $"您的民警账号已开通，用户名：{officer.UserName}，初始密码：{password}，请登录全国互联网安全管理服务平台，首次登录须修改密码。请勿将密码告知他人。");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException)
        {
            // Another administrator took the same username or mobile a moment earlier (unique index).
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return (IdentityResult.Failed(new IdentityError { Code = "Duplicate", Description = "用户名或手机号码已被其他账号使用，请检查后重试" }), officer);
        }
        logger.LogInformation("Administrator {AdministratorId} created police account {UserId} at unit {UnitCode}", administratorId, officer.Id, unit.Code);
        return (IdentityResult.Success, officer);
    }

    /// <summary>
    /// 编辑: name, unit, role, mobile and email. <paramref name="version"/> is the one the form was
    /// read at, so two administrators cannot overwrite each other. A new role or mobile ends the
    /// officer's open sessions (new security stamp); a new unit takes effect on their next page.
    /// </summary>
    public async Task<IdentityResult> UpdateAsync(ApplicationUser officer, PoliceUserInput input, PoliceUnit unit, int version, string administratorId)
    {
        // The account was loaded in this request: a different version means someone saved after the
        // form was read. A save between the load and here fails on the version column itself.
        if (officer.Version != version) return IdentityResult.Failed(users.ErrorDescriber.ConcurrencyFailure());
        var role = await RoleOfAsync(officer);
        var roleChanged = role != input.Role;
        var mobileChanged = MobileNumber.Normalize(input.Mobile) != accounts.MobileOf(officer);
        officer.DisplayName = input.DisplayName!.Trim();
        officer.PoliceUnitCode = unit.Code;
        officer.TwoFactorEnabled = true;
        if (mobileChanged)
        {
            accounts.SetMobile(officer, input.Mobile!);
            officer.MobileVerifiedAt = clock.GetUtcNow().UtcDateTime;
        }
        if (!string.Equals(officer.Email, input.Email!.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            officer.Email = input.Email.Trim();
            officer.EmailConfirmed = false;
            officer.EmailVerifiedAt = null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            var result = roleChanged || mobileChanged ? await users.UpdateSecurityStampAsync(officer) : await users.UpdateAsync(officer);
            if (!result.Succeeded) return result;
            if (roleChanged)
            {
                if (role != null) await users.RemoveFromRoleAsync(officer, role);
                await users.AddToRoleAsync(officer, input.Role!);
            }
            await transaction.CommitAsync();
        }
        catch (DbUpdateException)
        {
            // The mobile was taken by another account a moment earlier (unique index).
            await transaction.RollbackAsync();
            return IdentityResult.Failed(new IdentityError { Code = "Duplicate", Description = "该手机号码已被其他账号使用，请检查后重试" });
        }
        logger.LogInformation("Administrator {AdministratorId} updated police account {UserId}: unit {UnitCode}, role {Role}", administratorId, officer.Id, unit.Code, input.Role);
        return IdentityResult.Success;
    }

    /// <summary>重置密码: a new generated password by SMS; the old one stops working at once, a lockout is lifted.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(ApplicationUser officer, string administratorId)
    {
        var password = PasswordGenerator.Generate(passwordPolicy, officer.UserName);
        officer.MustChangePassword = true;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var token = await users.GeneratePasswordResetTokenAsync(officer);
        var result = await InOrderAsync(
            () => users.ResetPasswordAsync(officer, token, password),
            () => LiftLockoutAsync(officer));
        if (!result.Succeeded) return result;
        outbox.QueueSms(accounts.MobileOf(officer),
            $"您的民警账号密码已由管理员重置，用户名：{officer.UserName}，新密码：{password}，登录后须修改密码。如非本人申请，请立即联系管理员。");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Administrator {AdministratorId} reset the password of police account {UserId}", administratorId, officer.Id);
        return result;
    }

    /// <summary>停用: no more logins, and open sessions end at the next security-stamp check.</summary>
    public async Task<IdentityResult> DisableAsync(ApplicationUser officer, string administratorId)
    {
        if (officer.DisabledAt != null) return IdentityResult.Success;
        officer.DisabledAt = clock.GetUtcNow().UtcDateTime;
        var result = await users.UpdateSecurityStampAsync(officer);
        logger.LogInformation("Administrator {AdministratorId} disabled police account {UserId}: {Succeeded}", administratorId, officer.Id, result.Succeeded);
        return result;
    }

    /// <summary>启用.</summary>
    public async Task<IdentityResult> EnableAsync(ApplicationUser officer, string administratorId)
    {
        if (officer.DisabledAt == null) return IdentityResult.Success;
        officer.DisabledAt = null;
        var result = await users.UpdateAsync(officer);
        logger.LogInformation("Administrator {AdministratorId} enabled police account {UserId}: {Succeeded}", administratorId, officer.Id, result.Succeeded);
        return result;
    }

    /// <summary>解除锁定 after too many wrong passwords or codes, from every client address at once.</summary>
    public async Task<IdentityResult> UnlockAsync(ApplicationUser officer, string administratorId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await LiftLockoutAsync(officer);
        if (result.Succeeded)
        {
            // Deleting the failures is no change the state-change auditor sees.
            audit.Record(AuditActions.ChangeSettings, AuditObjectTypes.Account, officer.Id, detail: $"{officer.UserName}：解除锁定");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        logger.LogInformation("Administrator {AdministratorId} unlocked police account {UserId}: {Succeeded}", administratorId, officer.Id, result.Succeeded);
        return result;
    }

    /// <summary>
    /// 重置动态口令 (a lost or replaced phone): the authenticator binding is removed, so the officer
    /// logs in by SMS and may bind an app again under 动态口令设置.
    /// </summary>
    public async Task<IdentityResult> ResetAuthenticatorAsync(ApplicationUser officer, string administratorId)
    {
        officer.AuthenticatorConfirmedAt = null;
        var result = await users.ResetAuthenticatorKeyAsync(officer);
        logger.LogInformation("Administrator {AdministratorId} reset the authenticator of police account {UserId}: {Succeeded}", administratorId, officer.Id, result.Succeeded);
        return result;
    }

    /// <summary>When the officer's lock ends (the last, when several client addresses are locked out), or null.</summary>
    public Task<DateTime?> LockedUntilAsync(ApplicationUser officer) => throttle.LockedUntilAsync(officer.Id);

    /// <summary>Forgets what a failed save left on the tracked account, so the page shows what is stored.</summary>
    public Task ReloadAsync(ApplicationUser officer) => db.Entry(officer).ReloadAsync();

    private async Task<IdentityResult> LiftLockoutAsync(ApplicationUser officer)
    {
        await throttle.UnlockAsync(officer.Id);
        // A lockout of Identity's own count, from before failures were counted per client address.
        return officer.LockoutEnd == null ? IdentityResult.Success : await users.SetLockoutEndDateAsync(officer, null);
    }

    private static async Task<IdentityResult> InOrderAsync(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded) return result;
        }
        return IdentityResult.Success;
    }
}
