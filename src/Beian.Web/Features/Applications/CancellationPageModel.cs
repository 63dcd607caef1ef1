using System.ComponentModel.DataAnnotations;
using Beian.Core.Uploads;
using Beian.Web.Features.Uploads;
using Beian.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Applications;

/// <summary>
/// 注销 of a subject or of one of its businesses (seed 004 §4.1.3, §4.2.3): the principal's name, the
/// middle four digits of the principal's masked mobile, an SMS code sent to it, the reason and an
/// optional PDF; the code is spent only when everything else is right.
/// </summary>
public abstract class CancellationPageModel(SmsCodeService smsCodes, UploadService uploads) : PrincipalConfirmedPageModel(smsCodes)
{
    public const int MaxReasonLength = 500;

    [BindProperty, Display(Name = "负责人姓名")]
    public string? PrincipalName { get; set; }

    [BindProperty, Display(Name = "注销原因")]
    public string? Reason { get; set; }

    [BindProperty]
    public UploadInput Attachment { get; set; } = new();

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    /// <summary>The principal's name as filed, which the person must type.</summary>
    protected abstract string? FiledPrincipalName { get; }

    /// <summary>"主体信息", "网站负责人信息": where the name the person typed is compared.</summary>
    protected abstract string PrincipalSource { get; }

    /// <summary>Why the cancellation may not be asked for now, and what was found to tell the reviewer.</summary>
    protected virtual Task<(string? Refusal, string Finding)> CheckBeforeAsync() => Task.FromResult<(string?, string)>((null, string.Empty));

    protected abstract Task<Subjects.SubmissionResult> SubmitAsync(CancellationRequest request);

    protected abstract string SubmittedNotice { get; }

    /// <summary>The manuals name the button 【获取验证码】 for a subject and 【发送验证码】 for a website.</summary>
    public virtual string SendCodeLabel => "获取验证码";

    public virtual async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NothingToConfirm();
        SubmissionKey = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NothingToConfirm();
        if (string.IsNullOrWhiteSpace(PrincipalName)) ModelState.AddModelError(nameof(PrincipalName), "请填写负责人姓名");
        else if (PrincipalName.Trim() != FiledPrincipalName?.Trim()) ModelState.AddModelError(nameof(PrincipalName), $"负责人姓名与{PrincipalSource}不一致");
        MobileConfirmed();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "请填写注销原因");
        else if (Reason.Trim().Length > MaxReasonLength) ModelState.AddModelError(nameof(Reason), $"注销原因不能超过{MaxReasonLength}字");
        var attachment = await uploads.ResolveIntoAsync(ModelState, nameof(Attachment), Attachment, UserId, UploadPurpose.CancellationAttachment, required: false);
        RequireSmsCode();
        if (!ModelState.IsValid) return Page();
        var (refusal, finding) = await CheckBeforeAsync();
        if (refusal != null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }
        if (!await SmsCodeAcceptedAsync()) return Page();

        var result = await SubmitAsync(new CancellationRequest
        {
            PrincipalName = PrincipalName!.Trim(), Reason = Reason!.Trim(), AttachmentFileId = attachment?.Id, ProbeResult = finding,
        });
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = SubmittedNotice;
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }
}
