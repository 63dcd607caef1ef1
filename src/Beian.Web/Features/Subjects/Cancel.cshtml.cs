using System.ComponentModel.DataAnnotations;
using Beian.Core.Uploads;
using Beian.Web.Features.Uploads;
using Beian.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 注销主体 (seed 004 §4.1.3): the principal's name, the middle four digits of the principal's
/// masked mobile, an SMS code sent to that mobile, the reason and an optional PDF.
/// </summary>
public class CancelModel(SubjectService subjects, CurrentSubject current, SmsCodeService smsCodes, UploadService uploads)
    : PrincipalConfirmedPageModel(subjects, current, smsCodes)
{
    [BindProperty, Display(Name = "负责人姓名")]
    public string? PrincipalName { get; set; }

    [BindProperty, Display(Name = "注销原因")]
    public string? Reason { get; set; }

    [BindProperty]
    public UploadInput Attachment { get; set; } = new();

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    protected override VerificationPurpose Purpose => VerificationPurpose.CancelSubject;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return RedirectToPage("/My/Subjects");
        SubmissionKey = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return RedirectToPage("/My/Subjects");
        var form = Subjects.Read(Subject);
        if (string.IsNullOrWhiteSpace(PrincipalName)) ModelState.AddModelError(nameof(PrincipalName), "请填写负责人姓名");
        else if (PrincipalName.Trim() != form.Principal.Name?.Trim()) ModelState.AddModelError(nameof(PrincipalName), "负责人姓名与主体信息不一致");
        MobileConfirmed();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "请填写注销原因");
        else if (Reason.Trim().Length > 500) ModelState.AddModelError(nameof(Reason), "注销原因不能超过500字");
        var attachment = await uploads.ResolveIntoAsync(ModelState, "Attachment", Attachment, UserId, UploadPurpose.CancellationAttachment, required: false);
        RequireSmsCode();
        if (!ModelState.IsValid || !await SmsCodeAcceptedAsync()) return Page();

        var request = new CancellationRequest { PrincipalName = PrincipalName!.Trim(), Reason = Reason!.Trim(), AttachmentFileId = attachment?.Id };
        var result = await Subjects.SubmitCancellationAsync(UserId, Subject.Id, request, SubmissionKey);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = "注销主体申请已提交，主体状态为“注销中”。审核通过后，该主体下的网站、APP、小程序等业务将一并注销。";
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }
}
