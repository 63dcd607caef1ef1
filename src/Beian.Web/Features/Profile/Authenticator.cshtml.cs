using System.ComponentModel.DataAnnotations;
using Beian.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Profile;

/// <summary>动态口令设置: binds a TOTP authenticator app as the second factor (besides SMS).</summary>
public class AuthenticatorModel(UserManager<ApplicationUser> users, TimeProvider clock) : AccountPageModel(users)
{
    public string SharedKey { get; private set; } = string.Empty;
    public string AuthenticatorUri { get; private set; } = string.Empty;

    [BindProperty, Display(Name = "动态口令")]
    public string? Code { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var code = (Code ?? string.Empty).Replace(" ", string.Empty);
        if (!await Users.VerifyTwoFactorTokenAsync(Account, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "动态口令错误，请确认手机时间准确后重新输入");
            return Page();
        }
        Account.AuthenticatorConfirmedAt = clock.GetUtcNow().UtcDateTime;
        Account.TwoFactorEnabled = true;
        await Users.UpdateAsync(Account);
        Notice = "动态口令已绑定，下次登录可选择使用动态口令。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        await LoadAccountAsync();
        await Users.ResetAuthenticatorKeyAsync(Account);
        Account.AuthenticatorConfirmedAt = null;
        await Users.UpdateAsync(Account);
        Notice = "已生成新的密钥，请在身份验证器应用中重新添加。";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        await LoadAccountAsync();
        var key = await Users.GetAuthenticatorKeyAsync(Account);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(Account);
            key = await Users.GetAuthenticatorKeyAsync(Account);
        }
        SharedKey = string.Join(' ', key!.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("全国互联网安全管理服务平台")}:{Uri.EscapeDataString(Account.UserName!)}?secret={key}&issuer={Uri.EscapeDataString("全国互联网安全管理服务平台")}&digits=6";
    }
}
