using System.ComponentModel.DataAnnotations;
using Beian.Core.Assessments;

namespace Beian.Web.Features.Assessments;

/// <summary>
/// 发起安全评估 (SPEC §5): the businesses assessed and the nine parts of the form, with the report. The
/// same object is the draft, the application's snapshot and the assessment's stored content.
/// </summary>
public sealed class AssessmentForm
{
    public Guid SubjectId { get; set; }

    /// <summary>The 待评估 this answers, when the police required it.</summary>
    public Guid? RequirementId { get; set; }

    /// <summary>Every filed business of the subject offered, each picked or not (an APP or 小程序 at one version).</summary>
    public List<AssessmentTargetInput> Targets { get; set; } = [];

    /// <summary>一 开展评估情况.</summary>
    public List<AssessmentTrigger> Triggers { get; set; } = [];

    /// <summary>二 评估方法.</summary>
    [Display(Name = "评估方法")]
    public AssessmentMethod? Method { get; set; }

    [Display(Name = "评估机构名称")]
    public string? Institution { get; set; }

    /// <summary>三 安全管理负责人.</summary>
    public AssessmentOfficer Officer { get; set; } = new();

    /// <summary>四 … 九.</summary>
    public AssessmentMeasureAnswers Measures { get; set; } = new();

    /// <summary>安全评估报告 (PDF).</summary>
    public Guid? ReportFileId { get; set; }

    public IEnumerable<AssessmentTargetInput> Picked => Targets.Where(t => t.Picked);

    /// <summary>What the assessment covers as lists show it ("甬上茶事网站、甬上茶事APP Android 1.4.2").</summary>
    public string TargetsText => string.Join("、", Picked.Select(t => t.Text));
}

/// <summary>One business offered on the form: its record, whether it is picked, and for an APP or 小程序 the version assessed.</summary>
public sealed class AssessmentTargetInput
{
    public string RecordType { get; set; } = string.Empty;
    public Guid RecordId { get; set; }
    /// <summary>The business's name when the form was last checked (never taken from a post: the server refills it).</summary>
    public string Name { get; set; } = string.Empty;
    public bool Picked { get; set; }
    public string? VersionNumber { get; set; }

    public string Text => VersionNumber is { } version ? $"{Name} {version}" : Name;
}

public sealed class AssessmentOfficer
{
    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [Display(Name = "职务")]
    public string? Title { get; set; }

    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }
}

/// <summary>The six measures, each answered in text (parts 四 to 九).</summary>
public sealed class AssessmentMeasureAnswers
{
    public string? IdentityVerification { get; set; }
    public string? LogRetention { get; set; }
    public string? HarmfulInformation { get; set; }
    public string? PersonalInformation { get; set; }
    public string? Complaints { get; set; }
    public string? TechnicalAssistance { get; set; }

    public string? Of(AssessmentMeasure measure) => measure switch
    {
        AssessmentMeasure.IdentityVerification => IdentityVerification,
        AssessmentMeasure.LogRetention => LogRetention,
        AssessmentMeasure.HarmfulInformation => HarmfulInformation,
        AssessmentMeasure.PersonalInformation => PersonalInformation,
        AssessmentMeasure.Complaints => Complaints,
        _ => TechnicalAssistance,
    };

    public IReadOnlyDictionary<AssessmentMeasure, string?> All => AssessmentMeasures.All.ToDictionary(m => m, Of);
}
