using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Beian.Web.Features.Captcha;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Accounts;

[EnableRateLimiting("login")]
public class LoginModel(
    CaptchaService captcha,
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    AccountLookup accounts,
    IConfiguration configuration) : CaptchaPageModel(captcha)
{
    [BindProperty]
    [Display(Name = "用户名/手机号")]
    [Required(ErrorMessage = "请输入用户名或手机号")]
    public string? Login { get; set; }

    [BindProperty]
    [Display(Name = "密码")]
    [Required(ErrorMessage = "请输入密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ExternalLoginAvailable => OpenIdConnectLogin.IsConfigured(configuration);

    public async Task OnGetAsync(string? userName)
    {
        Login ??= userName;
        await NewCaptchaAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && await CaptchaPassedAsync())
        {
            var outcome = await SignInAsync();
            if (outcome != null) return outcome;
        }
        await NewCaptchaAsync();
        return Page();
    }

    private async Task<IActionResult?> SignInAsync()
    {
        var user = await accounts.FindByLoginAsync(Login!);
        if (user == null)
        {
            ModelState.AddModelError(nameof(Password), "用户名/手机号或密码错误");
            return null;
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Accounts/SecondFactor", new { ReturnUrl });
        if (result.Succeeded)
        {
            if (user.Kind != AccountKind.Applicant)
            {
                // Police and administrator accounts must never get in on a password alone.
                await signIn.SignOutAsync();
                ModelState.AddModelError(string.Empty, "该账号尚未配置第二重身份认证，请联系管理员。");
                return null;
            }
            return LocalRedirect(SafeReturnUrl(ReturnUrl) ?? HomeFor(user));
        }
        ModelState.AddModelError(nameof(Password), await FailureMessageAsync(user, result));
        return null;
    }

    private async Task<string> FailureMessageAsync(ApplicationUser user, Microsoft.AspNetCore.Identity.SignInResult result)
    {
        if (result.IsLockedOut)
        {
            var end = await users.GetLockoutEndDateAsync(user);
            var minutes = end is { } until ? Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalMinutes)) : 30;
            return $"密码连续输错次数过多，账号已锁定，请{minutes}分钟后再试。";
        }
        if (result.IsNotAllowed)
            return user.DisabledAt != null ? "该账号已停用，不能登录。如有疑问请联系管理员。" : "该账号暂不允许登录，请联系管理员。";
        var left = users.Options.Lockout.MaxFailedAccessAttempts - await users.GetAccessFailedCountAsync(user);
        return $"用户名/手机号或密码错误，再输错{left}次账号将被锁定30分钟。";
    }

    internal static string HomeFor(ApplicationUser user) => user.Kind switch
    {
        AccountKind.Police => "/Police",
        AccountKind.Administrator => "/Admin",
        _ => "/Home/Applicant",
    };

    internal static string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : null;
}
