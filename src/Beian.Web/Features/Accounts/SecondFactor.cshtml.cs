using System.ComponentModel.DataAnnotations;
using Beian.Core.Accounts;
using Beian.Web.Data;
using Beian.Web.Features.Verification;
using Beian.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Beian.Web.Features.Accounts;

/// <summary>The second step of a police or administrator login: an SMS code or a TOTP code.</summary>
[EnableRateLimiting("sms")]
public class SecondFactorModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    AccountLookup accounts,
    Outbox outbox,
    SmsSendQuota smsQuota,
    BeianDbContext db,
    TimeProvider clock) : PageModel
{
    public const string AuthenticatorMethod = "Authenticator";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Method { get; set; } = SmsTwoFactorTokenProvider.ProviderName;

    [BindProperty]
    [Display(Name = "验证码")]
    public string? Code { get; set; }

    public string MaskedMobile { get; private set; } = string.Empty;
    public bool HasAuthenticator { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() == null ? RedirectToPage("/Accounts/Login") : Page();

    public async Task<IActionResult> OnPostSendAsync()
    {
        var user = await LoadAsync();
        if (user == null) return RedirectToPage("/Accounts/Login");
        Method = SmsTwoFactorTokenProvider.ProviderName;
        var mobile = accounts.MobileOf(user);
        if (await smsQuota.TakeAsync(mobile) is { } refusal)
        {
            ModelState.AddModelError(nameof(Code), refusal);
            return Page();
        }
        var code = await users.GenerateTwoFactorTokenAsync(user, SmsTwoFactorTokenProvider.ProviderName);
        outbox.QueueSms(mobile, $"您正在登录全国互联网安全管理服务平台，登录验证码为{code}，5分钟内有效。如非本人操作，请立即修改密码。");
        await db.SaveChangesAsync();
        Notice = $"验证码已发送至 {MaskedMobile}。";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LoadAsync();
        if (user == null) return RedirectToPage("/Accounts/Login");
        var code = (Code ?? string.Empty).Replace(" ", string.Empty);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "请输入验证码");
            return Page();
        }
        var result = Method == AuthenticatorMethod
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorSignInAsync(SmsTwoFactorTokenProvider.ProviderName, code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
            if (user.MustChangePassword) return RedirectToPage("/Profile/ChangePassword");
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl) ?? LoginModel.HomeFor(user));
        }
        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? "验证码连续输错次数过多，账号已锁定30分钟。"
            : result.IsNotAllowed ? "该账号已停用，不能登录。如有疑问请联系管理员。"
            : "验证码错误或已过期，请重新输入。");
        return Page();
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user == null) return null;
        MaskedMobile = MobileNumber.Mask(accounts.MobileOf(user));
        HasAuthenticator = user.AuthenticatorConfirmedAt != null;
        return user;
    }
}
