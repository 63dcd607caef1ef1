using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Beian.Core.Accounts;
using Beian.Web.Features.Captcha;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Accounts;

[EnableRateLimiting("login")]
public class RegisterModel(
    CaptchaService captcha,
    UserManager<ApplicationUser> users,
    AccountLookup accounts,
    TimeProvider clock,
    ILogger<RegisterModel> logger) : CaptchaPageModel(captcha)
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public async Task OnGetAsync() => await NewCaptchaAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        CheckPasswordAndMobile();
        if (ModelState.IsValid && await CaptchaPassedAsync())
        {
            await CheckUniquenessAsync();
            if (ModelState.IsValid && await CreateAccountAsync())
            {
                TempData["Success"] = "注册成功，请登录。";
                return RedirectToPage("/Accounts/Login", new { userName = Input.UserName });
            }
        }
        await NewCaptchaAsync();
        return Page();
    }

    /// <summary>Rules beyond the attributes, checked even when another field is already wrong.</summary>
    private void CheckPasswordAndMobile()
    {
        if (!string.IsNullOrEmpty(Input.Password))
        {
            foreach (var problem in PasswordPolicy.Default.Check(Input.Password, Input.UserName))
                ModelState.AddModelError("Input.Password", problem);
        }
        if (!string.IsNullOrEmpty(Input.ConfirmPassword) && Input.ConfirmPassword != Input.Password)
            ModelState.AddModelError("Input.ConfirmPassword", "两次输入的密码不一致");
        if (!string.IsNullOrEmpty(Input.Mobile) && !MobileNumber.IsValid(Input.Mobile))
            ModelState.AddModelError("Input.Mobile", "请输入11位中国大陆手机号码");
    }

    private async Task CheckUniquenessAsync()
    {
        if (await users.FindByNameAsync(Input.UserName!) != null)
            ModelState.AddModelError("Input.UserName", "该用户名已被注册");
        if (await accounts.MobileTakenAsync(Input.Mobile!))
            ModelState.AddModelError("Input.Mobile", "该手机号码已被注册");
        if (await users.FindByEmailAsync(Input.Email!) != null)
            ModelState.AddModelError("Input.Email", "该电子邮件地址已被注册");
    }

    private async Task<bool> CreateAccountAsync()
    {
        var user = new ApplicationUser
        {
            UserName = Input.UserName!.Trim(),
            Email = Input.Email!.Trim(),
            Kind = AccountKind.Applicant,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        accounts.SetMobile(user, Input.Mobile!);
        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(FieldOf(error), error.Description);
            return false;
        }
        await users.AddToRoleAsync(user, Roles.Applicant);
        logger.LogInformation("Account {UserId} registered", user.Id);
        return true;
    }

    private static string FieldOf(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" or "InvalidUserName" => "Input.UserName",
        "DuplicateEmail" or "InvalidEmail" => "Input.Email",
        _ when error.Code.StartsWith("Password") => "Input.Password",
        _ => string.Empty,
    };
}

public class RegisterInput
{
    [Display(Name = "用户名")]
    [Required(ErrorMessage = "请输入用户名")]
    [RegularExpression(@"^[A-Za-z][A-Za-z0-9_]{3,19}$", ErrorMessage = "用户名为4至20位字母、数字或下划线，以字母开头")]
    public string? UserName { get; set; }

    [Display(Name = "密码")]
    [Required(ErrorMessage = "请输入密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "确认密码")]
    [Required(ErrorMessage = "请再次输入密码")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }

    [Display(Name = "手机号码")]
    [Required(ErrorMessage = "请输入手机号码")]
    public string? Mobile { get; set; }

    [Display(Name = "电子邮件")]
    [Required(ErrorMessage = "请输入电子邮件地址")]
    [EmailAddress(ErrorMessage = "电子邮件地址格式不正确")]
    [StringLength(100, ErrorMessage = "电子邮件地址过长")]
    public string? Email { get; set; }
}
