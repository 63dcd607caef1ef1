using System.ComponentModel.DataAnnotations;
using Beian.Web.Features.Captcha;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Beian.Web.Features.Accounts;

/// <summary>
/// Login through the external OpenID Connect provider (互联网+政务服务平台), when configured. The
/// first time, the person binds the external identity to their platform account by logging in
/// with its password once; afterwards the external login alone signs them in.
/// </summary>
[EnableRateLimiting("login")]
public class ExternalLoginModel(
    CaptchaService captcha,
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    PasswordStep passwords,
    IConfiguration configuration) : CaptchaPageModel(captcha)
{
    [BindProperty, Display(Name = "用户名/手机号")]
    public string? Login { get; set; }

    [BindProperty, Display(Name = "密码"), DataType(DataType.Password)]
    public string? Password { get; set; }

    public string ProviderName => OpenIdConnectLogin.DisplayName;

    public IActionResult OnGet() => RedirectToPage("/Accounts/Login");

    /// <summary>The 【使用…账号登录】 button: off to the provider.</summary>
    public IActionResult OnPost(string? returnUrl)
    {
        if (!OpenIdConnectLogin.IsConfigured(configuration)) return NotFound();
        var callback = Url.Page("/Accounts/ExternalLogin", "Callback", new { returnUrl });
        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectLogin.Scheme, callback);
        return Challenge(properties, OpenIdConnectLogin.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info == null) return RedirectToPage("/Accounts/Login");
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.Succeeded)
        {
            var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
            return LocalRedirect(LoginModel.SafeReturnUrl(returnUrl) ?? LoginModel.HomeFor(user!));
        }
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/SecondFactor", new { ReturnUrl = returnUrl });
        if (result.IsLockedOut) ModelState.AddModelError(string.Empty, "账号已锁定，请30分钟后再试。");
        await NewCaptchaAsync();
        return Page();
    }

    /// <summary>First time: prove the platform account with its password, then bind and sign in.</summary>
    public async Task<IActionResult> OnPostBindAsync()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info == null) return RedirectToPage("/Accounts/Login");
        if (string.IsNullOrWhiteSpace(Login)) ModelState.AddModelError(nameof(Login), "请输入用户名或手机号");
        if (string.IsNullOrWhiteSpace(Password)) ModelState.AddModelError(nameof(Password), "请输入密码");
        if (ModelState.IsValid && await CaptchaPassedAsync())
        {
            var outcome = await passwords.TryAsync(Login!, Password!, HttpContext,
                user => signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: false));
            if (outcome.Passed) return await BindAndSignInAsync(outcome.User!, info);
            ModelState.AddModelError(nameof(Password), outcome.Refusal!);
        }
        await NewCaptchaAsync();
        return Page();
    }

    private async Task<IActionResult> BindAndSignInAsync(ApplicationUser user, ExternalLoginInfo info)
    {
        await users.AddLoginAsync(user, info);
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, false, bypassTwoFactor: false);
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/SecondFactor");
        return LocalRedirect(LoginModel.HomeFor(user));
    }
}
