using Beian.Web.Infrastructure.Input;
using Beian.Core.Applications;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Assessments;

/// <summary>
/// 修改后重新提交 of a returned 安全评估: the submitted form with each 退回 reason next to its part;
/// 【提交】 sends the same assessment back to the police.
/// </summary>
public class CorrectModel(AssessmentTargets targets, UploadService uploads, ApplicationService applications, AssessmentService assessments)
    : AssessmentPageModel(targets, uploads)
{
    [BindProperty(SupportsGet = true, Name = "application")]
    public Guid ApplicationId { get; set; }

    public FilingApplication Application { get; private set; } = null!;

    public override bool OffersDraft => false;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await applications.ReturnedFormAsync<AssessmentForm>(ApplicationId, UserId, [BusinessType.Assessment], Aborted) is not var (application, form))
            return NotFound();
        Application = application;
        Form = form;
        await OfferTargetsAsync(application.SubjectId);
        await ShowReportAsync();
        Show(Corrections.ReasonsAsFindings(application));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await applications.ReturnedForOwnerAsync(ApplicationId, UserId, [BusinessType.Assessment], Aborted) is not { } application) return NotFound();
        Application = application;
        ModelState.ClearBindingErrors(HttpContext);
        await ResolveReportAsync();
        await OfferTargetsAsync(application.SubjectId);
        var findings = Check();
        if (!Show(findings)) return Page();
        Form.SubjectId = application.SubjectId;
        Form.RequirementId = ((AssessmentForm)applications.SnapshotOf(application, typeof(AssessmentForm))).RequirementId;
        var result = await applications.ResubmitAsync(ApplicationId, UserId, Form, findings, Form.TargetsText,
            resubmitted => assessments.ApplyCorrectionAsync(resubmitted, UserId, Form, Aborted));
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = Corrections.ResubmittedNotice;
        return RedirectToPage("/My/ApplicationDetail", new { id = ApplicationId });
    }
}
