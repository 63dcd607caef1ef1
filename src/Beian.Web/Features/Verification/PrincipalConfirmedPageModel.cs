using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Beian.Core.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Verification;

/// <summary>
/// An action that a record's principal confirms (注销主体, 移交主体, 注销网站, 注销APP …): the principal's
/// mobile is shown masked, the person types its middle four digits, and an SMS code is sent to it.
/// A page says what it is about in <see cref="LoadAsync"/> and names the principal with <see cref="ConfirmBy"/>.
/// </summary>
public abstract class PrincipalConfirmedPageModel(SmsCodeService smsCodes) : PageModel
{
    [BindProperty, Display(Name = "手机号码中间四位")]
    public string? MobileMiddle { get; set; }

    [BindProperty, Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    public string MaskedMobile { get; private set; } = string.Empty;
    public string? Notice { get; protected set; }

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    protected abstract VerificationPurpose Purpose { get; }
    private string PrincipalMobile { get; set; } = string.Empty;

    /// <summary>Loads the record the page acts on; false when the user has none (the page answers <see cref="NothingToConfirm"/>).</summary>
    protected abstract Task<bool> LoadAsync();

    /// <summary>The answer when there is nothing of the user's to act on.</summary>
    protected abstract IActionResult NothingToConfirm();

    protected void ConfirmBy(string? principalMobile)
    {
        PrincipalMobile = MobileNumber.Normalize(principalMobile);
        MaskedMobile = MobileNumber.Mask(PrincipalMobile);
    }

    /// <summary>【获取验证码】: only once the typed middle digits match the principal's mobile.</summary>
    public async Task<IActionResult> OnPostSendCodeAsync()
    {
        if (!await LoadAsync()) return NothingToConfirm();
        if (!MobileConfirmed()) return Page();
        var sent = await smsCodes.SendAsync(Purpose, PrincipalMobile, UserId);
        if (sent.Succeeded) Notice = $"验证码已发送至 {MaskedMobile}，5分钟内有效。";
        else ModelState.AddModelError(nameof(SmsCode), sent.Error!);
        return Page();
    }

    protected bool MobileConfirmed() => MobileMiddleDigits.Check(ModelState, nameof(MobileMiddle), PrincipalMobile, MobileMiddle);

    protected void RequireSmsCode()
    {
        if (string.IsNullOrWhiteSpace(SmsCode)) ModelState.AddModelError(nameof(SmsCode), "请输入短信验证码");
    }

    /// <summary>The code is checked last, after every other field is right, so it is not spent in vain.</summary>
    protected async Task<bool> SmsCodeAcceptedAsync()
    {
        if (await smsCodes.VerifyAsync(Purpose, PrincipalMobile, SmsCode)) return true;
        ModelState.AddModelError(nameof(SmsCode), "短信验证码错误或已过期");
        return false;
    }
}
