using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Beian.Core.Applications;
using Beian.Core.PoliceUnits;
using Beian.Core.Rules;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Inspections;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>
/// 审核申请: everything a reviewer needs to decide on one application of their jurisdiction — the
/// submitted content (personal data masked until asked for), the 变更前/变更后 table, the pre-check
/// run again, the uploads, the subject reviewed with its first business, inspections and the
/// history — and the decisions: 开始审核, 通过, 退回 (reasons per field), 要求面审 / 要求实地检查 and
/// their result, 放弃审核, and for supervisors 改派. Outside the jurisdiction the page does not exist.
/// </summary>
public class ReviewModel(
    Officers officers,
    BeianDbContext db,
    ApplicationService applications,
    InspectionService inspections,
    InspectionRecords inspectionRecords,
    ReviewFindings findings,
    ApplicationKinds kinds,
    Filing.BusinessPages businesses,
    ReviewDeadlines deadlines,
    Audit.AuditLog audit,
    TimeProvider clock) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    /// <summary>True when the reviewer asked to see ID numbers and phones whole (【显示完整信息】).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Reveal { get; set; }

    [BindProperty]
    public string? ApprovalNote { get; set; }

    [BindProperty]
    public List<ReasonInput> Reasons { get; set; } = [];

    [BindProperty]
    public InspectionInput Inspection { get; set; } = new();

    [BindProperty]
    public InspectionResultInput InspectionResult { get; set; } = new();

    [BindProperty]
    public ReassignInput Reassignment { get; set; } = new();

    public Officer Officer { get; private set; } = null!;
    public FilingApplication Application { get; private set; } = null!;
    public PoliceUnits.PoliceUnit? Unit { get; private set; }
    public Deadline Deadline { get; private set; }
    public bool Overdue => Deadline.Overdue;
    public bool NearlyDue => Deadline.NearlyDue;
    public IReadOnlyList<ReviewField> Fields { get; private set; } = [];
    public IReadOnlyList<Subjects.FieldChange>? Changes { get; private set; }
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public FilingApplication? SubjectApplication { get; private set; }
    public IReadOnlyList<ReviewField> SubjectFields { get; private set; } = [];
    public Subjects.Subject? Subject { get; private set; }
    public IReadOnlyList<Inspection> Inspections { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<Core.PoliceUnits.PoliceUnit> ReassignTargets { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Uploads.StoredFile> Files { get; private set; } = new Dictionary<Guid, Uploads.StoredFile>();

    public ReviewFieldsView View(IReadOnlyList<ReviewField> fields, string keyPrefix = "") => new(fields, Reveal, CanReturn, Files, keyPrefix);

    public bool ClaimedByMe => Application.AssignedReviewerUserId == Officer.UserId;
    public bool ClaimedByOther => Application.AssignedReviewerUserId is { } id && id != Officer.UserId;
    public bool CanClaim => Application.Status == ApplicationStatus.Pending && !ClaimedByOther && !IsSubjectAlone;
    public bool CanDecide => Application.Status == ApplicationStatus.InReview && ClaimedByMe;
    public bool CanReturn => Application.Status is ApplicationStatus.InReview or ApplicationStatus.Inspecting && ClaimedByMe;
    public bool CanRecordInspection => Application.Status == ApplicationStatus.Inspecting && ClaimedByMe;
    public bool CanReassign => Officer.IsSupervisor && Application.Status is ApplicationStatus.Pending or ApplicationStatus.InReview && !IsSubjectAlone;
    /// <summary>面审 / 实地检查 are for a business that provides 互联网交互服务 (seed 000 第四步).</summary>
    public bool InspectionApplies { get; private set; }

    /// <summary>Approving a new filing issues its 公安备案号.</summary>
    public bool IssuesNumber { get; private set; }
    /// <summary>A 新增主体 is reviewed with its first business, never on its own page's buttons.</summary>
    public bool IsSubjectAlone => Application.BusinessType == BusinessType.NewSubject;
    public Inspection? OpenInspection => Inspections.LastOrDefault(i => i.IsOpen);

    /// <summary>
    /// Fields a 退回 reason can point at: the application's own, then the subject's when reviewed
    /// together; each with the option text of the picker and the label the applicant reads.
    /// </summary>
    public IReadOnlyList<(string Key, string Option, string Label)> ReasonFields =>
        Fields.Select(f => (f.Key, $"{f.Section} · {f.Label}", ReasonLabel(f)))
            .Concat(SubjectFields.Select(f => (ApplicationService.SubjectFieldPrefix + f.Key, $"开办主体 · {f.Label}", $"开办主体{f.Label}")))
            .DistinctBy(f => f.Item1).ToList();

    /// <summary>"姓名" alone is ambiguous among a site's people: say whose ("网站负责人姓名").</summary>
    private static string ReasonLabel(ReviewField field) => field.FullLabel;

    /// <summary>Where a finding points, as the reviewer reads it ("网站应急联络人 · 姓名").</summary>
    public string FindingField(Finding finding) =>
        Fields.FirstOrDefault(f => f.Key == finding.Field) is { } field
            ? (field.Key.StartsWith("People.", StringComparison.Ordinal) ? $"{field.Section} · {field.Label}" : field.Label)
            : finding.Field;

    public string NameOf(string? userId) =>
        userId == null ? string.Empty : Names.TryGetValue(userId, out var name) ? name : userId == Application.OwnerUserId ? "申请人" : "系统";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // The page shows the applicant's and the people's details: every view is a police read.
        await audit.RecordPersonalDataReadAsync(Audit.AuditObjectTypes.Application, id.ToString(),
            Reveal ? $"审核页面（显示完整证件号码和手机号码）：{Application.Number}" : $"审核页面：{Application.Number}", ct);
        Reasons = Enumerable.Range(0, 3).Select(_ => new ReasonInput()).ToList();
        Inspection = new InspectionInput { Date = BeijingTime.DateOf(clock.GetUtcNow()).AddDays(3), Time = new TimeOnly(9, 30) };
        return Page();
    }

    public Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "已开始审核，其他民警不能同时办理该申请。", async (officer, _) => await applications.ClaimAsync(id, officer.UserId, ct), ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "已放弃审核，申请回到本单位待审核列表。", async (officer, _) => await applications.ReleaseAsync(id, officer.UserId, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        if (ApprovalNote is { Length: > 500 }) ModelState.AddModelError(nameof(ApprovalNote), "审核意见不能超过500个字");
        return ActAsync(id, "审核通过，已通知申请人。", async (officer, _) => await applications.ApproveAsync(id, officer.UserId, ApprovalNote?.Trim(), ct), ct);
    }

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "已退回，申请人将看到每条退回原因。", async (officer, application) =>
        {
            var reasons = ReturnReasonsFrom(application);
            return ModelState.IsValid ? await applications.ReturnAsync(id, officer.UserId, reasons, ct) : null;
        }, ct);

    public Task<IActionResult> OnPostInspectAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "已发送通知，申请人将收到短信。", async (officer, _) =>
        {
            var request = Inspection.ToRequest();
            foreach (var (field, message) in request.Problems(clock.GetUtcNow().UtcDateTime))
                ModelState.AddModelError($"{nameof(Inspection)}.{InspectionInput.FieldOf(field)}", message);
            return ModelState.IsValid ? await inspections.RequestAsync(id, officer.UserId, request, ct) : null;
        }, ct);

    public Task<IActionResult> OnPostInspectionResultAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "结果已记录，请作出审核决定。", async (officer, _) =>
        {
            if (InspectionResult.Result == null) ModelState.AddModelError("InspectionResult.Result", "请选择结果");
            if (InspectionResult.Note is { Length: > 500 }) ModelState.AddModelError("InspectionResult.Note", "说明不能超过500个字");
            return ModelState.IsValid ? await inspections.RecordAsync(id, officer.UserId, InspectionResult.Result!.Value, InspectionResult.Note ?? "", ct) : null;
        }, ct);

    public Task<IActionResult> OnPostReassignAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "已改派。", async (officer, application) =>
        {
            if (!officer.IsSupervisor) return DecisionResult.Refused("只有上级单位可以改派");
            var reviewerId = await ReassignmentTargetAsync(officer, application, ct);
            return ModelState.IsValid
                ? await applications.ReassignAsync(id, officer.UserId, Reassignment.UnitCode!, reviewerId, Reassignment.Note!.Trim(), ct)
                : null;
        }, ct);

    /// <summary>
    /// Runs one decision on an application of the officer's jurisdiction. A null result means the
    /// input was refused field by field; the page is shown again with what was typed.
    /// </summary>
    private async Task<IActionResult> ActAsync(Guid id, string done, Func<Officer, FilingApplication, Task<DecisionResult?>> act, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = ModelState.IsValid ? await act(Officer, Application) : null;
        if (result is { Succeeded: true })
        {
            Notice = done;
            return RedirectToPage(new { id });
        }
        if (result is { Error: { } error }) ModelState.AddModelError(string.Empty, error);
        await LoadAsync(id, ct);
        return Page();
    }

    private List<ReturnReason> ReturnReasonsFrom(FilingApplication application)
    {
        var labels = ReasonFields.ToDictionary(f => f.Key, f => f.Label);
        var reasons = new List<ReturnReason>();
        for (var i = 0; i < Reasons.Count; i++)
        {
            var input = Reasons[i];
            var message = input.Message?.Trim();
            if (string.IsNullOrEmpty(message))
            {
                if (!string.IsNullOrEmpty(input.Field)) ModelState.AddModelError($"Reasons[{i}].Message", "请填写该字段的退回原因");
                continue;
            }
            if (message.Length > ReturnReason.MaxMessageLength)
                ModelState.AddModelError($"Reasons[{i}].Message", $"每条原因不能超过{ReturnReason.MaxMessageLength}个字");
            var field = string.IsNullOrEmpty(input.Field) ? null : input.Field;
            if (field != null && !labels.ContainsKey(field)) ModelState.AddModelError($"Reasons[{i}].Field", "请选择申请中的字段");
            var label = field == null ? "整体" : labels.GetValueOrDefault(field, field);
            reasons.Add(new ReturnReason(field, label, message));
        }
        if (reasons.Count == 0) ModelState.AddModelError("Reasons[0].Message", "请至少填写一条退回原因");
        if (reasons.Count > ReturnReason.MaxCount) ModelState.AddModelError(string.Empty, $"退回原因最多{ReturnReason.MaxCount}条");
        return reasons;
    }

    /// <summary>Checks the 改派 form; returns the named reviewer's id when one was given.</summary>
    private async Task<string?> ReassignmentTargetAsync(Officer officer, FilingApplication application, CancellationToken ct)
    {
        var unit = Reassignment.UnitCode;
        if (string.IsNullOrEmpty(unit) || PoliceUnitCatalog.Default.Find(unit) == null || !officer.Oversees(unit))
            ModelState.AddModelError("Reassignment.UnitCode", "请选择本单位管辖范围内的审核单位");
        else if (unit == application.JurisdictionUnitCode && string.IsNullOrWhiteSpace(Reassignment.ReviewerUserName))
            ModelState.AddModelError("Reassignment.UnitCode", "申请已在该单位，请选择其他单位或指定民警");
        if (string.IsNullOrWhiteSpace(Reassignment.Note)) ModelState.AddModelError("Reassignment.Note", "请填写改派原因");
        else if (Reassignment.Note.Length > 200) ModelState.AddModelError("Reassignment.Note", "改派原因不能超过200个字");
        if (string.IsNullOrWhiteSpace(Reassignment.ReviewerUserName) || !ModelState.IsValid) return null;
        var reviewer = (await officers.OfUnitAsync(unit!, ct)).FirstOrDefault(u => u.UserName == Reassignment.ReviewerUserName.Trim());
        if (reviewer == null) ModelState.AddModelError("Reassignment.ReviewerUserName", "该单位没有此用户名的民警");
        return reviewer?.Id;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await officers.CurrentAsync(User, ct) is not { } officer) return false;
        Officer = officer;
        var application = await officers.ApplicationInScopeAsync(Officer, id, ct);
        if (application == null) return false;
        Application = application;
        Unit = await db.PoliceUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == application.JurisdictionUnitCode, ct);
        ComputeDueDate();
        Fields = FieldsOf(application);
        Changes = kinds.ChangesOf(application);
        Findings = await findings.ForAsync(application, ct);
        Subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == application.SubjectId, ct);
        var business = businesses.Businesses.ByType(application.BusinessType);
        IssuesNumber = business?.PhaseOf(application.BusinessType) == Filing.FilingPhase.New;
        InspectionApplies = business != null && business.PhaseOf(application.BusinessType) != Filing.FilingPhase.Cancel
            && application.TargetId is { } recordId
            && await businesses.FilingOf(business).FindAsync(recordId, ct) is { Interactive: true };
        var subjectApplication = await applications.PendingSubjectApplicationAsync(application, ct);
        SubjectApplication = subjectApplication;
        SubjectFields = subjectApplication != null ? FieldsOf(subjectApplication) : [];
        Inspections = await inspectionRecords.ForApplicationAsync(application.Id, ct);
        var fileIds = Fields.Concat(SubjectFields).Select(f => f.FileId).OfType<Guid>().ToList();
        Files = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        Names = await officers.NamesAsync(application.Transitions.Select(t => t.ActorUserId)
            .Append(application.AssignedReviewerUserId).Concat(Inspections.Select(i => i.RecordedByUserId)), ct);
        ReassignTargets = Officer.IsSupervisor
            ? PoliceUnitCatalog.Default.All.Where(u => Officer.Oversees(u.Code)).OrderBy(u => u.Code).ToList()
            : [];
        return true;
    }

    private IReadOnlyList<ReviewField> FieldsOf(FilingApplication application) => kinds.ReviewFieldsOf(application);


    private void ComputeDueDate()
    {
        Deadline = deadlines.For(Application, Unit?.ReviewLimitWorkingDays ?? ReviewDeadlines.DefaultLimit);
    }
}

public sealed record ReviewFieldsView(IReadOnlyList<ReviewField> Fields, bool Reveal, bool CanReturn,
    IReadOnlyDictionary<Guid, Uploads.StoredFile> Files, string KeyPrefix);

public sealed class ReasonInput
{
    public string? Field { get; set; }

    [Display(Name = "退回原因")]
    public string? Message { get; set; }
}

public sealed class InspectionInput
{
    [Display(Name = "方式")]
    public InspectionKind Kind { get; set; } = InspectionKind.Interview;

    [Display(Name = "日期")]
    public DateOnly? Date { get; set; }

    [Display(Name = "时间")]
    public TimeOnly? Time { get; set; }

    [Display(Name = "地点")]
    public string? Place { get; set; }

    [Display(Name = "需携带或准备的材料")]
    public string? Materials { get; set; }

    /// <summary>The request, with the Beijing date and time turned into UTC (a missing one is in the past).</summary>
    public InspectionRequest ToRequest()
    {
        var scheduled = Date is { } date && Time is { } time
            ? BeijingTime.StartOfDayUtc(date) + time.ToTimeSpan()
            : DateTime.MinValue;
        return new InspectionRequest(Kind, DateTime.SpecifyKind(scheduled, DateTimeKind.Utc), Place ?? "", Materials ?? "");
    }

    /// <summary>Which input shows a problem of the request.</summary>
    public static string FieldOf(string requestField) => requestField switch
    {
        nameof(InspectionRequest.ScheduledAtUtc) => nameof(Date),
        nameof(InspectionRequest.Place) => nameof(Place),
        _ => nameof(Materials),
    };
}

public sealed class InspectionResultInput
{
    [Display(Name = "结果")]
    public InspectionResult? Result { get; set; }

    [Display(Name = "说明")]
    public string? Note { get; set; }
}

public sealed class ReassignInput
{
    [Display(Name = "改派至单位")]
    public string? UnitCode { get; set; }

    [Display(Name = "指定民警用户名")]
    public string? ReviewerUserName { get; set; }

    [Display(Name = "改派原因")]
    public string? Note { get; set; }
}
