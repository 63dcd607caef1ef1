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
    PasswordStep passwords,
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
        var outcome = await passwords.TryAsync(Login!, Password!, HttpContext,
            user => signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: false));
        if (!outcome.Passed)
        {
            ModelState.AddModelError(nameof(Password), outcome.Refusal!);
            return null;
        }
        if (outcome.Result.RequiresTwoFactor) return RedirectToPage("/Accounts/SecondFactor", new { ReturnUrl });
        var user = outcome.User!;
        if (user.Kind != AccountKind.Applicant)
        {
            // Police and administrator accounts must never get in on a password alone.
            await signIn.SignOutAsync();
            ModelState.AddModelError(string.Empty, "该账号尚未配置第二重身份认证，请联系管理员。");
            return null;
        }
        return LocalRedirect(SafeReturnUrl(ReturnUrl) ?? HomeFor(user));
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
