using Beian.Core.Applications;
using Beian.Web.Features.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Websites;

/// <summary>
/// 修改后重新提交 of a returned 新办网站, 网站认领 or 变更网站: 网站基本信息 and 网站负责人 on one page,
/// each 退回 reason next to its field; 【提交】 sends the same application back to the police.
/// </summary>
public class CorrectModel(BeianDbContext db, UploadService uploads, WebsiteChecks checks, SubjectService subjects, WebsiteCorrection correction)
    : WebsiteFormPageModel(uploads)
{
    [BindProperty(SupportsGet = true, Name = "application")]
    public Guid ApplicationId { get; set; }

    public FilingApplication Application { get; private set; } = null!;

    public IReadOnlyList<ReturnReason> Reasons => Application.ReturnReasons;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Display(correction.Submitted(Application));
        Show(Reasons.Where(r => !string.IsNullOrEmpty(r.Field)).Select(r => r.AsFinding()));
        Warnings = [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var form = correction.Submitted(Application);
        ModelState.Clear();
        await TakeBasicInfoAsync(form);
        await TakePeopleAsync(form);
        var subject = await db.Subjects.FindAsync(Application.SubjectId);
        var findings = (await checks.BasicInfoAsync(form, subject!, subjects.Read(subject!), Application.TargetId)).Concat(checks.People(form)).ToList();
        if (!Show(findings))
        {
            Display(form);
            return Page();
        }
        var result = await correction.ResubmitAsync(ApplicationId, UserId, form, findings);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            Display(form);
            return Page();
        }
        TempData["Notice"] = "申请已重新提交，请等待属地公安机关网安部门审核。";
        return RedirectToPage("/My/ApplicationDetail", new { id = ApplicationId });
    }

    private async Task<bool> LoadAsync()
    {
        var application = await correction.ReturnedAsync(ApplicationId, UserId);
        if (application == null) return false;
        Application = application;
        return true;
    }
}
