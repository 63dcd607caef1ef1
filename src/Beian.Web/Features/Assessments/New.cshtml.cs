using Beian.Web.Infrastructure.Input;
using Beian.Core.Applications;
using Beian.Core.Assessments;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Assessments;

/// <summary>
/// 【发起安全评估】 (SPEC §5): the current subject's filed websites, APPs and 小程序 to pick, the nine parts and
/// the report on one page; 【保存草稿】 keeps whatever is typed, 【提交】 sends it to the subject's jurisdiction.
/// Opened with <c>?requirement=</c> it answers the police's 待评估; with <c>?record=&amp;trigger=</c> a business
/// and a case come picked (the prompt after a change that added interactive services or a version).
/// </summary>
public class NewModel(AssessmentTargets targets, UploadService uploads, CurrentSubject current, DraftService drafts, AssessmentService assessments)
    : AssessmentPageModel(targets, uploads)
{
    public const string SubmittedNotice = "安全评估已提交，属地公安机关将进行审核，结果将以短信和站内消息通知您。";

    public override bool OffersDraft => true;

    public Subjects.Subject? Subject { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? draft, Guid? requirement, Guid? record, AssessmentTrigger? trigger)
    {
        Subject = await current.GetAsync(Aborted);
        if (Subject == null) return Page();
        SubmissionKey = Guid.NewGuid();
        if (draft is { } draftId)
        {
            if (await drafts.LoadAsync<AssessmentForm>(draftId, UserId, BusinessType.Assessment, Aborted) is not { } saved) return NotFound();
            Form = saved;
        }
        else if (await drafts.FindAsync(UserId, BusinessType.Assessment, Subject.Id, Aborted) is { } existing && requirement == null && record == null)
        {
            Form = (await drafts.LoadAsync<AssessmentForm>(existing.Id, UserId, BusinessType.Assessment, Aborted))!;
        }
        Form.RequirementId = requirement ?? Form.RequirementId;
        if (!await LoadRequirementAsync()) return NotFound();
        await OfferTargetsAsync(Subject.Id);
        Prefill(record ?? Requirement?.RequiredRecordId, trigger ?? Requirement?.RequiredTrigger);
        await ShowReportAsync();
        return Page();
    }

    /// <summary>【保存草稿】: whatever is filled in, even incomplete; a broken upload is still refused.</summary>
    public async Task<IActionResult> OnPostSaveDraftAsync()
    {
        if (await PrepareAsync() is { } missing) return missing;
        if (!ModelState.IsValid) return Page();
        await drafts.SaveAsync(UserId, BusinessType.Assessment, Subject!.Id, DraftTitle(), Form, AssessmentService.FileIds(Form), Aborted);
        TempData["Notice"] = "草稿已保存。点击【详情】可继续填写；草稿保存30天。";
        return RedirectToPage("/My/Drafts");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is { } missing) return missing;
        var findings = Check();
        if (!Show(findings)) return Page();
        var result = await assessments.SubmitAsync(UserId, Subject!, Form, findings, SubmissionKey, Aborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = SubmittedNotice;
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }

    /// <summary>The posted form against the current subject and its filed businesses; NotFound for a requirement not the user's.</summary>
    private async Task<IActionResult?> PrepareAsync()
    {
        ModelState.ClearBindingErrors(HttpContext);
        Subject = await current.GetAsync(Aborted);
        if (Subject == null) return Page();
        if (!await LoadRequirementAsync()) return NotFound();
        await ResolveReportAsync();
        await OfferTargetsAsync(Subject.Id);
        return null;
    }

    private async Task<bool> LoadRequirementAsync()
    {
        if (Form.RequirementId is not { } id) return true;
        Requirement = await assessments.RequirementAsync(id, UserId, Subject!.Id, Aborted);
        return Requirement != null;
    }

    private void Prefill(Guid? recordId, AssessmentTrigger? trigger)
    {
        if (recordId is { } id) AssessmentTargets.Pick(Form, id);
        if (trigger is { } named && !Form.Triggers.Contains(named)) Form.Triggers.Add(named);
    }

    private string DraftTitle() =>
        Form.Picked.Any() ? $"安全评估：{string.Join("、", Form.Picked.Select(t => t.Name))}" : "安全评估（未选择评估对象）";
}
