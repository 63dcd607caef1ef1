using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Beian.Core.Accounts;
using Beian.Core.Uploads;
using Beian.Web.Features.Uploads;
using Beian.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 注销主体 (seed 004 §4.1.3): the principal's name, the middle four digits of the principal's
/// masked mobile, an SMS code sent to that mobile, the reason and an optional PDF.
/// </summary>
public class CancelModel(
    SubjectService subjects,
    CurrentSubject current,
    SmsCodeService smsCodes,
    UploadService uploads) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "subject")]
    public Guid? SubjectId { get; set; }

    [BindProperty, Display(Name = "负责人姓名")]
    public string? PrincipalName { get; set; }

    [BindProperty, Display(Name = "手机号码中间四位")]
    public string? MobileMiddle { get; set; }

    [BindProperty, Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    [BindProperty, Display(Name = "注销原因")]
    public string? Reason { get; set; }

    [BindProperty]
    public UploadInput Attachment { get; set; } = new();

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    public Subject Subject { get; private set; } = null!;
    public string MaskedMobile { get; private set; } = string.Empty;
    public string? Notice { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private string PrincipalMobile { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return RedirectToPage("/My/Subjects");
        SubmissionKey = Guid.NewGuid();
        return Page();
    }

    /// <summary>【获取验证码】: only once the typed middle digits match the principal's mobile.</summary>
    public async Task<IActionResult> OnPostSendCodeAsync()
    {
        if (!await LoadAsync()) return RedirectToPage("/My/Subjects");
        if (!MobileConfirmed()) return Page();
        var sent = await smsCodes.SendAsync(VerificationPurpose.CancelSubject, PrincipalMobile, UserId);
        if (sent.Succeeded) Notice = $"验证码已发送至 {MaskedMobile}，5分钟内有效。";
        else ModelState.AddModelError(nameof(SmsCode), sent.Error!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return RedirectToPage("/My/Subjects");
        var form = subjects.Read(Subject);
        if (string.IsNullOrWhiteSpace(PrincipalName)) ModelState.AddModelError(nameof(PrincipalName), "请填写负责人姓名");
        else if (PrincipalName.Trim() != form.Principal.Name?.Trim()) ModelState.AddModelError(nameof(PrincipalName), "负责人姓名与主体信息不一致");
        MobileConfirmed();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "请填写注销原因");
        else if (Reason.Trim().Length > 500) ModelState.AddModelError(nameof(Reason), "注销原因不能超过500字");
        var attachment = await uploads.ResolveIntoAsync(ModelState, "Attachment", Attachment, UserId, UploadPurpose.CancellationAttachment, required: false);
        if (string.IsNullOrWhiteSpace(SmsCode)) ModelState.AddModelError(nameof(SmsCode), "请输入短信验证码");
        if (!ModelState.IsValid) return Page();
        if (!await smsCodes.VerifyAsync(VerificationPurpose.CancelSubject, PrincipalMobile, SmsCode))
        {
            ModelState.AddModelError(nameof(SmsCode), "短信验证码错误或已过期");
            return Page();
        }

        var request = new CancellationRequest { PrincipalName = PrincipalName!.Trim(), Reason = Reason!.Trim(), AttachmentFileId = attachment?.Id };
        var result = await subjects.SubmitCancellationAsync(UserId, Subject.Id, request, SubmissionKey);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = "注销主体申请已提交，主体状态为“注销中”。审核通过后，该主体下的网站、APP、小程序等业务将一并注销。";
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
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
        return true;
    }
}
