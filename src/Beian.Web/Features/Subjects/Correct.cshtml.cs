using Beian.Core.Applications;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.Input;
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

    public async Task<IActionResult> OnGetAsync()
    {
        if (await correction.ReturnedAsync(ApplicationId, UserId) is not var (application, form)) return NotFound();
        Application = application;
        Form = form;
        ShowUploadsOf(Form);
        Show(Corrections.ReasonsAsFindings(application));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await correction.ReturnedAsync(ApplicationId, UserId) is not var (application, _)) return NotFound();
        Application = application;
        ModelState.ClearBindingErrors(HttpContext);
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
        TempData["Notice"] = Corrections.ResubmittedNotice;
        return RedirectToPage("/My/ApplicationDetail", new { id = ApplicationId });
    }
}
