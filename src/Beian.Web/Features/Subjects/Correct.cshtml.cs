using Beian.Core.Applications;
using Beian.Web.Features.Applications;
using Beian.Core.Rules;
using Beian.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 修改后重新提交 of a returned 新增主体 or 变更主体: the submitted form with each 退回 reason next to
/// its field; 【提交审核】 sends the same application back to the police.
/// </summary>
public class CorrectModel(UploadService uploads, SubjectChecks checks, SubjectCorrection correction) : SubjectFormPageModel(uploads)
{
    [BindProperty(SupportsGet = true, Name = "application")]
    public Guid ApplicationId { get; set; }

    public FilingApplication Application { get; private set; } = null!;

    public IReadOnlyList<ReturnReason> Reasons => Application.ReturnReasons;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Form = correction.Submitted(Application);
        ShowUploadsOf(Form);
        Show(Reasons.Where(r => !string.IsNullOrEmpty(r.Field)).Select(r => r.AsFinding()).ToList());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        ModelState.Clear();
        await ResolveUploadsAsync();
        var findings = checks.Check(Form);
        Show(findings);
        if (!ModelState.IsValid) return Page();
        var result = await correction.ResubmitAsync(ApplicationId, UserId, Form, findings);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
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
