using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Beian.Core.Accounts;
using Beian.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// A subject action that the principal confirms (注销主体, 移交主体): the principal's mobile is shown
/// masked, the person types its middle four digits, and an SMS code is sent to it.
/// </summary>
public abstract class PrincipalConfirmedPageModel(SubjectService subjects, CurrentSubject current, SmsCodeService smsCodes) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "subject")]
    public Guid? SubjectId { get; set; }

    [BindProperty, Display(Name = "手机号码中间四位")]
    public string? MobileMiddle { get; set; }

    [BindProperty, Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    public Subject Subject { get; private set; } = null!;
    public string MaskedMobile { get; private set; } = string.Empty;
    public string? Notice { get; protected set; }

    protected SubjectService Subjects => subjects;
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    protected abstract VerificationPurpose Purpose { get; }
    private string PrincipalMobile { get; set; } = string.Empty;

    /// <summary>【获取验证码】: only once the typed middle digits match the principal's mobile.</summary>
    public async Task<IActionResult> OnPostSendCodeAsync()
    {
        if (!await LoadAsync()) return RedirectToPage("/My/Subjects");
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

    protected virtual async Task<bool> LoadAsync()
    {
        var subject = SubjectId is { } id ? await subjects.OwnedAsync(id, UserId) : await current.GetAsync();
        if (subject == null) return false;
        Subject = subject;
        SubjectId = subject.Id;
        PrincipalMobile = MobileNumber.Normalize(subjects.Read(subject).Principal.Mobile);
        MaskedMobile = MobileNumber.Mask(PrincipalMobile);
        return true;
    }
}
