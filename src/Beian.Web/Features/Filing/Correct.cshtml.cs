using Beian.Web.Features.Applications;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Filing;

/// <summary>
/// 修改后重新提交 of a returned 新办 or 变更 of any business: its steps ② and ③ on one page, each 退回
/// reason next to its field; 【提交】 sends the same application back to the police.
/// </summary>
[PackageUploadLimits]
public class CorrectModel(BusinessPages pages, ApplicationService applications) : BusinessPageModel(pages)
{
    [BindProperty(SupportsGet = true, Name = "application")]
    public Guid ApplicationId { get; set; }

    public FilingApplication Application { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ReturnedAsync() is not { } form) return NotFound();
        Display(form);
        Show(Corrections.ReasonsAsFindings(Application));
        Warnings = [];
        return Page();
    }

    public override string StayUrl => $"{Business.PagePath("Correct")}?application={ApplicationId}&handler=Stay";

    public Task<IActionResult> OnPostStayAsync() => PostAsync(submit: false);

    public Task<IActionResult> OnPostAsync() => PostAsync(submit: true);

    private async Task<IActionResult> PostAsync(bool submit)
    {
        if (await ReturnedAsync() is not { } form) return NotFound();
        await TakeWholeFormAsync(form);
        Display(form);
        var subject = await Pages.Subjects.OwnedAsync(Application.SubjectId, UserId);
        if (subject == null) return NotFound();
        if (!submit || InputRefused) return Page();
        var findings = await CheckAsync(form, subject, Application.TargetId);
        if (!Show(findings)) return Page();
        var result = await applications.ResubmitAsync(ApplicationId, UserId, form, findings, form.BasicInfoSection.Name?.Trim(),
            application => Filing.ApplyCorrectionAsync(application, UserId, form, HttpContext.RequestAborted));
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = Corrections.ResubmittedNotice;
        return RedirectToPage("/My/ApplicationDetail", new { id = ApplicationId });
    }

    /// <summary>The owner's returned 新办 or 变更 of this business, with its submitted form.</summary>
    private async Task<IBusinessForm?> ReturnedAsync()
    {
        var types = Business.Types.Where(t => Business.PhaseOf(t) != FilingPhase.Cancel).ToList();
        var application = await applications.ReturnedForOwnerAsync(ApplicationId, UserId, types);
        if (application == null) return null;
        Application = application;
        return (IBusinessForm)applications.SnapshotOf(application, Business.FormType);
    }
}
