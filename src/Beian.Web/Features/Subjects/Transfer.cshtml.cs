using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Beian.Core.Accounts;
using Beian.Core.IdentityNumbers;
using Beian.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 移交主体 (seed 004 §4.1.4): the principal's masked mobile (middle four typed), the receiver's
/// mobile and 居民身份证 number, an SMS code → 移交中; 【撤回】 until the receiver acts.
/// </summary>
public class TransferModel(
    SubjectService subjects,
    SubjectTransferService transfers,
    CurrentSubject current,
    SmsCodeService smsCodes,
    TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "subject")]
    public Guid? SubjectId { get; set; }

    [BindProperty, Display(Name = "手机号码中间四位")]
    public string? MobileMiddle { get; set; }

    [BindProperty, Display(Name = "接收人手机号")]
    public string? ReceiverMobile { get; set; }

    [BindProperty, Display(Name = "接收人身份证号")]
    public string? ReceiverIdNumber { get; set; }

    [BindProperty, Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    public Subject Subject { get; private set; } = null!;
    public SubjectTransfer? OpenTransfer { get; private set; }
    public string MaskedMobile { get; private set; } = string.Empty;
    public string? Notice { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private string PrincipalMobile { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : RedirectToPage("/My/Subjects");

    public async Task<IActionResult> OnPostSendCodeAsync()
    {
        if (!await LoadAsync()) return RedirectToPage("/My/Subjects");
        if (!MobileConfirmed()) return Page();
        var sent = await smsCodes.SendAsync(VerificationPurpose.TransferSubject, PrincipalMobile, UserId);
        if (sent.Succeeded) Notice = $"验证码已发送至 {MaskedMobile}，5分钟内有效。";
        else ModelState.AddModelError(nameof(SmsCode), sent.Error!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return RedirectToPage("/My/Subjects");
        MobileConfirmed();
        if (string.IsNullOrWhiteSpace(ReceiverMobile)) ModelState.AddModelError(nameof(ReceiverMobile), "请填写接收人手机号");
        else if (!MobileNumber.IsValid(ReceiverMobile)) ModelState.AddModelError(nameof(ReceiverMobile), "请输入11位中国大陆手机号码");
        var id = ResidentIdCard.Check(ReceiverIdNumber, Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow()));
        if (!id.IsValid) ModelState.AddModelError(nameof(ReceiverIdNumber), id.Message!);
        if (string.IsNullOrWhiteSpace(SmsCode)) ModelState.AddModelError(nameof(SmsCode), "请输入短信验证码");
        if (!ModelState.IsValid) return Page();
        if (!await smsCodes.VerifyAsync(VerificationPurpose.TransferSubject, PrincipalMobile, SmsCode))
        {
            ModelState.AddModelError(nameof(SmsCode), "短信验证码错误或已过期");
            return Page();
        }
        var refusal = await transfers.OfferAsync(Subject, ReceiverMobile!, id.Normalized);
        if (refusal != null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }
        TempData["Notice"] = "主体已移交，等待接收人接收。接收前您可以撤回。";
        return RedirectToPage(new { subject = Subject.Id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid transfer)
    {
        if (!await LoadAsync()) return RedirectToPage("/My/Subjects");
        var refusal = await transfers.WithdrawAsync(transfer, UserId);
        if (refusal != null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }
        TempData["Notice"] = "移交已撤回，主体恢复为“有效”。";
        return RedirectToPage(new { subject = Subject.Id });
    }

    private bool MobileConfirmed()
    {
        var middle = (MobileMiddle ?? string.Empty).Trim();
        if (middle.Length == 0) ModelState.AddModelError(nameof(MobileMiddle), "请输入手机号码中间四位");
        else if (PrincipalMobile.Length != 11 || middle != PrincipalMobile.Substring(3, 4))
            ModelState.AddModelError(nameof(MobileMiddle), "手机号码中间四位不正确");
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync()
    {
        var subject = SubjectId is { } id ? await subjects.OwnedAsync(id, UserId) : await current.GetAsync();
        if (subject == null) return false;
        Subject = subject;
        SubjectId = subject.Id;
        PrincipalMobile = MobileNumber.Normalize(subjects.Read(subject).Principal.Mobile);
        MaskedMobile = MobileNumber.Mask(PrincipalMobile);
        OpenTransfer = await transfers.OpenTransferOfAsync(subject.Id);
        return true;
    }
}
