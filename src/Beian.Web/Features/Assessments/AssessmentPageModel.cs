using System.Security.Claims;
using Beian.Core.Assessments;
using Beian.Core.Rules;
using Beian.Core.Uploads;
using Beian.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Assessments;

/// <summary>
/// What 发起安全评估 and its 修改后重新提交 share: the bound form and report, the filed businesses offered,
/// the submission key that makes a double click harmless, and putting findings next to their fields.
/// </summary>
public abstract class AssessmentPageModel(AssessmentTargets targets, UploadService uploads) : PageModel
{
    [BindProperty]
    public AssessmentForm Form { get; set; } = new();

    [BindProperty]
    public UploadInput Report { get; set; } = new();

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    public IReadOnlyList<OfferedTarget> Offered { get; private set; } = [];

    /// <summary>The police's 待评估 this answers, shown above the form.</summary>
    public Assessment? Requirement { get; protected set; }

    /// <summary>Where the form posts 【提交】 (and 【保存草稿】 where there is one).</summary>
    public abstract bool OffersDraft { get; }

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>How many posted picks named something that is not a filed business of the subject.</summary>
    private int _foreignTargets;

    /// <summary>The subject's filed businesses, and the posted form brought back to them (once per request).</summary>
    protected async Task OfferTargetsAsync(Guid subjectId)
    {
        Offered = await targets.OfferedAsync(subjectId, Aborted);
        _foreignTargets = AssessmentTargets.Normalize(Form, Offered);
    }

    public OfferedTarget OfferedFor(AssessmentTargetInput target) => Offered.First(o => o.Record.Id == target.RecordId);

    /// <summary>A newly chosen report stored (checked by content), or the one kept before.</summary>
    protected async Task ResolveReportAsync()
    {
        var file = await uploads.ResolveIntoAsync(ModelState, nameof(Report), Report, UserId, UploadPurpose.AssessmentReport, required: false, Aborted);
        Form.ReportFileId = file?.Id;
    }

    protected async Task ShowReportAsync()
    {
        Report.FileId = Form.ReportFileId;
        await uploads.DescribeAsync(Report, UserId, Aborted);
    }

    /// <summary>Errors next to their fields; true when there is none.</summary>
    protected bool Show(IReadOnlyList<Finding> findings)
    {
        foreach (var error in findings.Where(f => f.Severity == Severity.Error))
            ModelState.AddModelError(error.Field == AssessmentFields.Report ? nameof(Report) : $"{nameof(Form)}.{error.Field}", error.Message);
        return ModelState.IsValid;
    }

    protected IReadOnlyList<Finding> Check() => AssessmentRules.Check(AssessmentTargets.Facts(Form, _foreignTargets));
}
