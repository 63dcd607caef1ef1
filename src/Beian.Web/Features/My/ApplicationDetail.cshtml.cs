using Beian.Core.Applications;
using System.Security.Claims;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.PoliceUnits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.My;

/// <summary>申请详情: the submitted snapshot, the history and 【撤销申请】. Only the owner sees it.</summary>
public class ApplicationDetailModel(
    ApplicationService applications,
    Beian.Web.Features.Drafts.DraftService drafts,
    BeianDbContext db,
    ApplicationKinds kinds,
    Assessments.AssessmentPrompts assessmentPrompts,
    TimeProvider clock) : PageModel
{
    public FilingApplication Application { get; private set; } = null!;
    public PoliceUnit? Unit { get; private set; }
    public object? Snapshot { get; private set; }
    public ApplicationKind? Kind { get; private set; }
    public string? RevokeRefusal { get; private set; }
    public IReadOnlyList<Subjects.FieldChange>? Changes { get; private set; }

    /// <summary>An approved change that makes a 安全评估 due (a forum added, a version with new functions).</summary>
    public Assessments.DueAssessment? DueAssessment { get; private set; }

    /// <summary>Where a returned application is corrected and resubmitted, or null when it cannot be.</summary>
    public string? CorrectionPage => Kind?.CorrectionUrl?.Invoke(Application.Id);

    [TempData]
    public string? Notice { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var result = await applications.RevokeAsync(id, UserId);
        if (!result.Found) return NotFound();
        if (!result.Succeeded)
        {
            await LoadAsync(id);
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        Notice = await KeepAsDraftAsync(id) ? "申请已撤销，申请内容已保存到“我的草稿”，可修改后重新提交。" : "申请已撤销。";
        return RedirectToPage(new { id });
    }

    /// <summary>A revoked form is not lost: the content of a 新增, 新办 or 变更 goes back to 我的草稿.</summary>
    private async Task<bool> KeepAsDraftAsync(Guid id)
    {
        if (!await LoadAsync(id) || Snapshot == null || Kind?.DraftOnRevoke is not { } draft) return false;
        await drafts.SaveAsync(UserId, draft.DraftType, draft.TargetsSubject ? Application.SubjectId : null, Application.Title, Snapshot);
        return true;
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var application = await applications.FindForOwnerAsync(id, UserId);
        if (application == null) return false;
        Application = application;
        Unit = await db.PoliceUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == application.JurisdictionUnitCode);
        Kind = kinds.For(application.BusinessType);
        Snapshot = kinds.SnapshotOf(application);
        RevokeRefusal = application.RefuseRevoke(clock.GetUtcNow().UtcDateTime);
        Changes = kinds.ChangesOf(application);
        DueAssessment = application.Status == ApplicationStatus.Approved ? assessmentPrompts.For(application) : null;
        return true;
    }
}
