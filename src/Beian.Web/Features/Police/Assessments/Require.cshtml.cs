using Beian.Web.Infrastructure.Input;
using System.ComponentModel.DataAnnotations;
using Beian.Core.Assessments;
using Beian.Core.Rules;
using Beian.Web.Features.Assessments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Police.Assessments;

/// <summary>
/// 要求安全评估 (the regulation's 第三条 第五项: the police require it in writing): a filed website, APP or 小程序 of
/// the officer's jurisdiction named by its 公安备案号, the reason, the case and a deadline in working days. The
/// filer is told by SMS and site message and sees it as 待评估.
/// </summary>
public class RequireModel(Officers officers, AssessmentOversight oversight, AssessmentService assessments, Calendar.HolidayCalendars calendars) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "公安备案号")]
    public string? Number { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public AssessmentTrigger? Trigger { get; set; }

    [BindProperty]
    public int? WorkingDays { get; set; } = AssessmentRequirementRules.DefaultWorkingDays;

    /// <summary>The business the number names, once found in the jurisdiction.</summary>
    public FiledBusiness? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        if (!string.IsNullOrWhiteSpace(Number)) await FindAsync(officer, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        ModelState.ClearBindingErrors(HttpContext);
        var found = await FindAsync(officer, cancellationToken);
        foreach (var finding in AssessmentRequirementRules.Check(Reason, Trigger, WorkingDays))
            ModelState.AddModelError(finding.Field, finding.Message);
        if (found != null && await oversight.HasOpenRequirementAsync(found.Record.Id, cancellationToken))
            ModelState.AddModelError(nameof(Number), "该业务已有尚未完成的安全评估要求，无需重复要求");
        if (!ModelState.IsValid || found == null) return Page();

        var required = await assessments.RequireAsync(officer.UserId, found.Record, Trigger!.Value, Reason!, WorkingDays!.Value, cancellationToken);
        TempData["Notice"] = $"已要求“{found.Record.Name}”开展安全评估，完成期限为{required.Due(calendars.Current)}，已通过短信和站内消息通知开办者。";
        return RedirectToPage("/Police/Assessments/Index");
    }

    /// <summary>The business in force under the typed number within the officer's jurisdiction; an error next to 公安备案号 otherwise.</summary>
    private async Task<FiledBusiness?> FindAsync(Officer officer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Number))
        {
            ModelState.AddModelError(nameof(Number), "请填写公安备案号");
            return null;
        }
        var found = await oversight.FiledByNumberAsync(Number, cancellationToken);
        if (found == null || !officer.Oversees(found.Record.JurisdictionUnitCode))
        {
            ModelState.AddModelError(nameof(Number), "本单位辖区内未找到该公安备案号有效的网站、APP或小程序");
            return null;
        }
        return Found = found;
    }
}
