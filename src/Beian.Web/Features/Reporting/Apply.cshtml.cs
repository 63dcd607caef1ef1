using System.Security.Claims;
using Beian.Core.Applications;
using Beian.Core.Regions;
using Beian.Core.Reporting;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Subjects;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Reporting;

/// <summary>
/// 申请服务商 / 申请应用市场 for the current subject (a 单位, 有效), and 修改后重新提交 of a returned application
/// (<c>?application=</c>) with each 退回 reason beside its field. 【提交】 sends it to the subject's jurisdiction.
/// </summary>
public class ApplyModel(CurrentSubject current, ReporterService reporters, ApplicationService applications) : PageModel
{
    public const string SubmittedNotice = "申请已提交，属地公安机关将进行审核，结果将以短信和站内消息通知您。";

    [BindProperty]
    public ReporterForm Form { get; set; } = new();

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "application")]
    public Guid? ApplicationId { get; set; }

    public ReporterRole Role { get; private set; }
    public Subject? Subject { get; private set; }
    /// <summary>Why the current subject may not apply (个人, not yet 有效), or null.</summary>
    public string? SubjectProblem { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private CancellationToken Aborted => HttpContext.RequestAborted;

    public async Task<IActionResult> OnGetAsync(string role)
    {
        if (ReporterRoutes.RoleOf(role) is not { } known) return NotFound();
        Role = known;
        if (ApplicationId is { } id)
        {
            if (await applications.ReturnedFormAsync<ReporterForm>(id, UserId, ReporterService.Types, Aborted) is not var (application, form)
                || form.Role != Role) return NotFound();
            Form = form;
            Subject = await current.OwnedOrCurrentAsync(application.SubjectId, Aborted);
            foreach (var reason in Corrections.ReasonsAsFindings(application)) ModelState.AddModelError($"{nameof(Form)}.{reason.Field}", reason.Message);
            return Page();
        }
        await LoadSubjectAsync();
        SubmissionKey = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string role)
    {
        if (ReporterRoutes.RoleOf(role) is not { } known) return NotFound();
        Role = known;
        Form.Role = known;
        // Once, before the checks and before either path seals it (a correction's snapshot is sealed by ResubmitAsync).
        Form.Normalize();
        ModelState.ClearBindingErrors(HttpContext);
        if (ApplicationId is { } id) return await ResubmitAsync(id);
        await LoadSubjectAsync();
        if (Subject == null || SubjectProblem != null) return Page();
        var findings = Check(Subject);
        if (!ModelState.IsValid) return Page();
        var result = await reporters.ApplyAsync(UserId, Subject, Form, findings, SubmissionKey, Aborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = SubmittedNotice;
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }

    private async Task<IActionResult> ResubmitAsync(Guid id)
    {
        if (await applications.ReturnedForOwnerAsync(id, UserId, ReporterService.Types, Aborted) is not { } application) return NotFound();
        var submitted = (ReporterForm)applications.SnapshotOf(application, typeof(ReporterForm));
        if (submitted.Role != Role) return NotFound();
        Subject = await current.OwnedOrCurrentAsync(application.SubjectId, Aborted);
        if (Subject == null) return NotFound();
        var findings = Check(Subject);
        if (!ModelState.IsValid) return Page();
        Form.SubjectId = application.SubjectId;
        var result = await applications.ResubmitAsync(id, UserId, Form, findings, Form.Title(Subject.Name),
            resubmitted => reporters.ApplyCorrectionAsync(resubmitted, UserId, Form, Aborted));
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = Corrections.ResubmittedNotice;
        return RedirectToPage("/My/ApplicationDetail", new { id });
    }

    /// <summary>The address's own checks and the rules, each message once, next to its field.</summary>
    private IReadOnlyList<Finding> Check(Subject subject)
    {
        var addressValid = Form.Address.AddErrorsTo(ModelState, $"{nameof(Form)}.{nameof(ReporterForm.Address)}", RegionCatalog.Default);
        var findings = ReporterService.Check(Form, subject);
        foreach (var error in findings.Errors())
        {
            // The address's own messages already say what its region lacks.
            if (error.Field == ReporterFields.Region && !addressValid) continue;
            var key = $"{nameof(Form)}.{error.Field}";
            ModelState.AddModelError(error.Field == ReporterFields.Subject ? string.Empty : key, error.Message);
        }
        return findings;
    }

    private async Task LoadSubjectAsync()
    {
        Subject = await current.GetAsync(Aborted);
        SubjectProblem = Subject switch
        {
            null => null,
            { Nature: not SubjectNature.Organisation } => $"{Role.Label()}须由单位主体申请。当前主体“{Subject.Name}”是个人主体，请在页面顶部切换到单位主体。",
            { Status: not (SubjectStatus.Valid or SubjectStatus.Changing) } => $"当前主体“{Subject.Name}”尚未审核通过，审核通过后才能申请{Role.Label()}。",
            _ => null,
        };
    }
}
