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
    SignInThrottle throttle,
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
        if ((await LockRefusalAsync(user) ?? await smsQuota.TakeAsync(mobile)) is { } refusal)
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
        var refusal = code.Length == 0 ? "请输入验证码" : await LockRefusalAsync(user);
        if (refusal != null)
        {
            ModelState.AddModelError(nameof(Code), refusal);
            return Page();
        }
        var result = Method == AuthenticatorMethod
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorSignInAsync(SmsTwoFactorTokenProvider.ProviderName, code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return await SignedInAsync(user);
        ModelState.AddModelError(nameof(Code), await RefusalAsync(user, result));
        return Page();
    }

    private async Task<IActionResult> SignedInAsync(ApplicationUser user)
    {
        await throttle.SucceededAsync(AttemptOf(user));
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        if (user.MustChangePassword) return RedirectToPage("/Profile/ChangePassword");
        return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl) ?? LoginModel.HomeFor(user));
    }

    private async Task<string> RefusalAsync(ApplicationUser user, Microsoft.AspNetCore.Identity.SignInResult result)
    {
        var policy = throttle.Policy;
        if (result.IsNotAllowed) return "该账号已停用，不能登录。如有疑问请联系管理员。";
        if (result.IsLockedOut) return LockedMessage(policy.LockMinutes);
        var triesLeft = policy.TriesLeft(await throttle.FailedAsync(AttemptOf(user)));
        return triesLeft == 0 ? LockedMessage(policy.LockMinutes) : $"验证码错误或已过期，再输错{triesLeft}次将被锁定{policy.LockMinutes}分钟。";
    }

    /// <summary>While this client's wrong codes lock the account here, neither a code is checked nor one sent.</summary>
    private async Task<string?> LockRefusalAsync(ApplicationUser user) =>
        await throttle.MinutesLockedAsync(AttemptOf(user)) is > 0 and var minutes ? LockedMessage(minutes) : null;

    private SignInAttempt AttemptOf(ApplicationUser user) => throttle.AttemptOf(SignInStep.SecondFactor, user, user.UserName!, HttpContext);

    private static string LockedMessage(int minutes) => $"验证码连续输错次数过多，已暂停从当前网络登录该账号，请{minutes}分钟后再试。";

    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user == null) return null;
        MaskedMobile = MobileNumber.Mask(accounts.MobileOf(user));
        HasAuthenticator = user.AuthenticatorConfirmedAt != null;
        return user;
    }
}
