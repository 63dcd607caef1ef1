using Beian.Core.Applications;
using Beian.Core.Rules;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Subjects;

/// <summary>新增主体 (seed 004 §4.1.1).</summary>
public class NewModel(
    UploadService uploads,
    DraftService drafts,
    SubjectChecks checks,
    SubjectService subjects) : SubjectFormPageModel(uploads)
{
    public const string SubmittedNotice = "主体信息已提交审核。公安机关不会单独审核主体：请继续办理新办网站、APP或小程序等业务，属地网安民警将与您的首个业务一并审核。";

    /// <summary>"您有一条草稿，是否使用": the saved draft, offered when the page opens fresh.</summary>
    public Draft? OfferedDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? draft, bool fresh = false)
    {
        SubmissionKey = Guid.NewGuid();
        if (draft is { } draftId)
        {
            var saved = await drafts.LoadAsync<SubjectForm>(draftId, UserId, BusinessType.NewSubject);
            if (saved == null) return NotFound();
            Form = saved;
            ShowUploadsOf(Form);
        }
        else if (!fresh)
        {
            OfferedDraft = await drafts.FindAsync(UserId, BusinessType.NewSubject, null);
        }
        return Page();
    }

    /// <summary>【保存草稿】: whatever is filled in, even incomplete; a broken upload is still refused.</summary>
    public async Task<IActionResult> OnPostSaveDraftAsync()
    {
        ModelState.ClearBindingErrors(HttpContext);
        await ResolveUploadsAsync();
        if (!ModelState.IsValid) return Page();
        var title = string.IsNullOrWhiteSpace(Form.DisplayName) ? "新增主体（未填写名称）" : Form.DisplayName;
        await drafts.SaveAsync(UserId, BusinessType.NewSubject, null, title, Form, SubjectService.FileIds(Form));
        TempData["Notice"] = "草稿已保存。点击【详情】可继续填写；草稿保存30天。";
        return RedirectToPage("/My/Drafts");
    }

    /// <summary>【提交审核】.</summary>
    public async Task<IActionResult> OnPostSubmitAsync()
    {
        ModelState.ClearBindingErrors(HttpContext);
        await ResolveUploadsAsync();
        var findings = checks.Check(Form);
        Show(findings);
        if (!ModelState.IsValid) return Page();

        var result = await subjects.SubmitNewAsync(UserId, Form, findings, SubmissionKey);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = SubmittedNotice;
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }
}
