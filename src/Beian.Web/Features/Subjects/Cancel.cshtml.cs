using Beian.Web.Features.Applications;
using Beian.Web.Features.Uploads;
using Beian.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Subjects;

/// <summary>注销主体 (seed 004 §4.1.3): on approval every business of the subject is cancelled with it.</summary>
public class CancelModel(SubjectService subjects, CurrentSubject current, SmsCodeService smsCodes, UploadService uploads)
    : CancellationPageModel(smsCodes, uploads)
{
    [BindProperty(SupportsGet = true, Name = "subject")]
    public Guid? SubjectId { get; set; }

    public Subject Subject { get; private set; } = null!;

    protected override VerificationPurpose Purpose => VerificationPurpose.CancelSubject;
    protected override string? FiledPrincipalName => subjects.Read(Subject).Principal.Name;
    protected override string PrincipalSource => "主体信息";
    protected override string SubmittedNotice => "注销主体申请已提交，主体状态为“注销中”。审核通过后，该主体下的网站、APP、小程序等业务将一并注销。";

    protected override Task<SubmissionResult> SubmitAsync(CancellationRequest request) =>
        subjects.SubmitCancellationAsync(UserId, Subject.Id, request, SubmissionKey);

    protected override async Task<bool> LoadAsync()
    {
        if (await current.OwnedOrCurrentAsync(SubjectId) is not { } subject) return false;
        (Subject, SubjectId) = (subject, subject.Id);
        ConfirmBy(subjects.Read(subject).Principal.Mobile);
        return true;
    }

    protected override IActionResult NothingToConfirm() => RedirectToPage("/My/Subjects");
}
