using Beian.Core.Assessments;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;

namespace Beian.Web.Features.Assessments;

/// <summary>An assessment a change made due, with the page that starts it with the business and the case picked.</summary>
public sealed record DueAssessment(AssessmentPrompt Prompt, Guid RecordId)
{
    public string StartUrl => $"/Assessments/New?record={RecordId}&trigger={Prompt.Trigger}";

    public string Notice => $"本次变更{Prompt.Reason}，依据《具有舆论属性或社会动员能力的互联网信息服务安全评估规定》应当开展安全评估，" +
                            "请登录平台在“安全评估”中【发起安全评估】并提交评估报告";
}

/// <summary>
/// Tells the filer when an approved change of a website, APP or 小程序 makes an assessment due (a forum added, a
/// version with new functions): a line of the approval notice, and the offer on 申请详情.
/// </summary>
public sealed class AssessmentPrompts(ApplicationKinds kinds, Businesses businesses) : IApprovalNotes
{
    public DueAssessment? For(FilingApplication application)
    {
        if (application.TargetId is not { } recordId || businesses.ByType(application.BusinessType) is not { } business
            || business.PhaseOf(application.BusinessType) != FilingPhase.Change) return null;
        if (kinds.ChangeOf(application) is not var (before, after)) return null;
        return AssessmentDue.AfterChange(Profile(before), Profile(after)) is { } prompt ? new DueAssessment(prompt, recordId) : null;
    }

    public string? NoteOn(FilingApplication approved) => For(approved)?.Notice;

    private static ServiceProfile Profile(object form)
    {
        if (form is not IBusinessForm { BasicInfoSection: var basic }) return ServiceProfile.Empty;
        var declared = basic as IServiceDeclaration;
        var versions = basic is IServiceInfo service
            ? service.VersionLines.Where(v => !string.IsNullOrWhiteSpace(v.Number)).Select(v => new VersionNote(v.Label, v.Notes)).ToList()
            : [];
        return new ServiceProfile(basic.ProvidesInteractiveServices == true, declared?.ServiceTypes ?? [], versions);
    }
}
