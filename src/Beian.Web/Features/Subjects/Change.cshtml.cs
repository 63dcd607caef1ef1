using Beian.Core.Applications;
using Beian.Core.Subjects;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 变更主体 (seed 004 §4.1.2): prefilled from a draft or the current data; 【提交审核】 first shows
/// the changed fields, 【确认】 submits; a second pending change is refused.
/// </summary>
public class ChangeModel(
    UploadService uploads,
    DraftService drafts,
    SubjectChecks checks,
    SubjectService subjects,
    CurrentSubject current) : SubjectFormPageModel(uploads)
{
    [BindProperty(SupportsGet = true, Name = "subject")]
    public Guid? SubjectId { get; set; }

    public Subject Subject { get; private set; } = null!;
    public Draft? OfferedDraft { get; private set; }

    /// <summary>The 变更前/变更后 table shown after 【提交审核】, before 【确认】.</summary>
    public IReadOnlyList<FieldChange>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? draft, bool fresh = false)
    {
        if (!await LoadSubjectAsync()) return NoSubject();
        SubmissionKey = Guid.NewGuid();
        Form = subjects.Read(Subject);
        if (draft is { } draftId)
        {
            var saved = await drafts.LoadAsync<SubjectForm>(draftId, UserId, BusinessType.ChangeSubject);
            if (saved == null) return NotFound();
            Form = saved;
        }
        else if (!fresh)
        {
            OfferedDraft = await drafts.FindAsync(UserId, BusinessType.ChangeSubject, Subject.Id);
        }
        ShowUploadsOf(Form);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveDraftAsync()
    {
        if (!await LoadSubjectAsync()) return NoSubject();
        ModelState.ClearBindingErrors(HttpContext);
        await ResolveUploadsAsync();
        if (!ModelState.IsValid) return Page();
        await drafts.SaveAsync(UserId, BusinessType.ChangeSubject, Subject.Id, $"变更：{Subject.Name}", Form, SubjectService.FileIds(Form));
        TempData["Notice"] = "变更主体草稿已保存。";
        return RedirectToPage("/My/Drafts");
    }

    /// <summary>【提交审核】: checks the form and shows what changes.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await LoadSubjectAsync()) return NoSubject();
        if (!await ValidateAsync()) return Page();
        Changes = SubjectFields.Diff(subjects.Read(Subject), Form);
        if (Changes.Count == 0) ModelState.AddModelError(string.Empty, "您没有修改任何信息");
        return Page();
    }

    /// <summary>【确认】 in the diff: submits the change.</summary>
    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (!await LoadSubjectAsync()) return NoSubject();
        if (!await ValidateAsync()) return Page();
        var findings = checks.Check(Form);
        var result = await subjects.SubmitChangeAsync(UserId, Subject.Id, Form, findings, SubmissionKey);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = "变更主体申请已提交，主体状态为“变更中”。";
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }

    /// <summary>The posted form of the loaded subject, checked; false when it has errors.</summary>
    private async Task<bool> ValidateAsync()
    {
        ModelState.ClearBindingErrors(HttpContext);
        await ResolveUploadsAsync();
        Show(checks.Check(Form));
        return ModelState.IsValid;
    }

    private async Task<bool> LoadSubjectAsync()
    {
        var subject = SubjectId is { } id ? await subjects.OwnedAsync(id, UserId) : await current.GetAsync();
        if (subject == null) return false;
        Subject = subject;
        SubjectId = subject.Id;
        return true;
    }

    private IActionResult NoSubject()
    {
        TempData["Notice"] = "您当前尚无有效主体，请先申请主体。";
        return RedirectToPage("/My/Subjects");
    }
}
