using Beian.Core.Accounts;
using Beian.Core.PoliceUnits;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Admin.PoliceUsers;

/// <summary>
/// 编辑 one police account and its account actions (停用/启用, 重置密码, 重置动态口令, 解除锁定).
/// Only police accounts are found here: an applicant's or administrator's id gives 404.
/// </summary>
[Authorize(Policy = "Administrator")]
public class EditModel(PoliceAccounts police, UserManager<ApplicationUser> users, AccountLookup accounts) : PageModel, IAddressRefreshPage
{
    public const string ConcurrencyMessage = "该民警账号在您打开本页后已被修改（例如其他管理员已保存），请刷新页面后重新填写。";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public PoliceUserInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public ApplicationUser Officer { get; private set; } = null!;
    public string UnitName { get; private set; } = string.Empty;
    public PoliceAccountStatus Status { get; private set; }
    public DateTime? LockedUntil { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Input = new PoliceUserInput
        {
            DisplayName = Officer.DisplayName,
            Unit = UnitChoice.Of(Officer.PoliceUnitCode, PoliceUnitCatalog.Default),
            Role = await police.RoleOfAsync(Officer),
            Mobile = accounts.MobileOf(Officer),
            Email = Officer.Email,
        };
        Version = Officer.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var unit = await police.ValidateAsync(Input, ModelState, nameof(Input), Officer);
        if (unit == null) return Page();

        var result = await police.UpdateAsync(Officer, Input, unit, Version, AdministratorId);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(NewModel.FieldOf(error), error.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure) ? ConcurrencyMessage : error.Description);
            await police.ReloadAsync(Officer);
            return Page();
        }
        Notice = $"民警{Officer.DisplayName}（{Officer.UserName}）的信息已保存。";
        return RedirectToPage(new { id = Officer.Id });
    }

    public Task<IActionResult> OnPostDisableAsync() =>
        ActAsync(officer => police.DisableAsync(officer, AdministratorId), _ => "账号已停用，该民警不能再登录。");

    public Task<IActionResult> OnPostEnableAsync() =>
        ActAsync(officer => police.EnableAsync(officer, AdministratorId), _ => "账号已启用，该民警可以正常登录。");

    public Task<IActionResult> OnPostResetPasswordAsync() =>
        ActAsync(officer => police.ResetPasswordAsync(officer, AdministratorId),
            officer => $"密码已重置，新密码已通过短信发送至 {MobileNumber.Mask(accounts.MobileOf(officer))}，原密码已失效；民警登录后须修改密码。");

    public Task<IActionResult> OnPostResetAuthenticatorAsync() =>
        ActAsync(officer => police.ResetAuthenticatorAsync(officer, AdministratorId),
            _ => "动态口令绑定已解除，该民警现在使用短信验证码登录，可在个人中心重新绑定。");

    public Task<IActionResult> OnPostUnlockAsync() =>
        ActAsync(officer => police.UnlockAsync(officer, AdministratorId), _ => "账号已解除锁定。");

    /// <summary>The form was posted by 【更新下级选项】 (no JavaScript): show it again with the typed values.</summary>
    public async Task<IActionResult> OnAddressRefreshAsync() => await LoadAsync() ? Page() : NotFound();

    private string AdministratorId => users.GetUserId(User)!;

    private async Task<IActionResult> ActAsync(Func<ApplicationUser, Task<IdentityResult>> action, Func<ApplicationUser, string> notice)
    {
        if (!await LoadAsync()) return NotFound();
        var result = await action(Officer);
        if (result.Succeeded) Notice = notice(Officer);
        else Problem = "操作未完成：" + ConcurrencyMessage;
        return RedirectToPage(new { id = Officer.Id });
    }

    private async Task<bool> LoadAsync()
    {
        var officer = await police.FindAsync(Id);
        if (officer == null) return false;
        Officer = officer;
        UnitName = PoliceUnitCatalog.Default.Find(officer.PoliceUnitCode)?.Name ?? officer.PoliceUnitCode ?? "未设置";
        LockedUntil = await police.LockedUntilAsync(officer);
        Status = PoliceAccountStatuses.Of(officer, LockedUntil != null);
        return true;
    }
}
