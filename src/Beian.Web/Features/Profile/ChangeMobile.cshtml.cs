using System.ComponentModel.DataAnnotations;
using Beian.Core.Accounts;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Verification;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Profile;

/// <summary>修改手机: the new number is re-verified by an SMS code sent to it.</summary>
public class ChangeMobileModel(
    UserManager<ApplicationUser> users,
    AccountLookup accounts,
    SmsCodeService smsCodes,
    SignInManager<ApplicationUser> signIn,
    TimeProvider clock) : AccountPageModel(users)
{
    [BindProperty, Display(Name = "新手机号码")]
    public string? NewMobile { get; set; }

    [BindProperty, Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    public string MaskedMobile { get; private set; } = string.Empty;
    public string? Notice { get; private set; }

    [TempData]
    public string? Success { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSendSmsAsync()
    {
        await LoadAsync();
        if (!await NewMobileIsAcceptableAsync()) return Page();
        var result = await smsCodes.SendAsync(VerificationPurpose.ChangeMobile, NewMobile!, Account.Id);
        if (!result.Succeeded)
            ModelState.AddModelError(nameof(SmsCode), result.Error!);
        else
            Notice = $"短信验证码已发送至 {MobileNumber.Mask(NewMobile)}，5分钟内有效。";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!await NewMobileIsAcceptableAsync()) return Page();
        if (string.IsNullOrWhiteSpace(SmsCode))
        {
            ModelState.AddModelError(nameof(SmsCode), "请输入短信验证码");
            return Page();
        }
        if (!await smsCodes.VerifyAsync(VerificationPurpose.ChangeMobile, NewMobile!, SmsCode))
        {
            ModelState.AddModelError(nameof(SmsCode), "短信验证码错误或已过期");
            return Page();
        }
        accounts.SetMobile(Account, NewMobile!);
        Account.MobileVerifiedAt = clock.GetUtcNow().UtcDateTime;
        await Users.UpdateAsync(Account);
        await Users.UpdateSecurityStampAsync(Account);
        await signIn.RefreshSignInAsync(Account);
        Success = "手机号码修改成功。";
        return RedirectToPage("/Profile/Index");
    }

    private async Task<bool> NewMobileIsAcceptableAsync()
    {
        if (string.IsNullOrWhiteSpace(NewMobile))
            ModelState.AddModelError(nameof(NewMobile), "请输入新手机号码");
        else if (!MobileNumber.IsValid(NewMobile))
            ModelState.AddModelError(nameof(NewMobile), "请输入11位中国大陆手机号码");
        else if (MobileNumber.Normalize(NewMobile) == accounts.MobileOf(Account))
            ModelState.AddModelError(nameof(NewMobile), "新手机号码与当前手机号码相同");
        else if (await accounts.MobileTakenAsync(NewMobile, Account.Id))
            ModelState.AddModelError(nameof(NewMobile), "该手机号码已被其他账号使用");
        return ModelState.IsValid;
    }

    private async Task LoadAsync()
    {
        await LoadAccountAsync();
        MaskedMobile = MobileNumber.Mask(accounts.MobileOf(Account));
    }
}
