namespace Beian.Core.Assessments;

/// <summary>
/// Everything the assessment pre-check needs, as typed on 发起安全评估, plus what the caller looked up:
/// how many of the picked businesses are not filed businesses of the current subject.
/// </summary>
public sealed record AssessmentFacts
{
    /// <summary>The filed websites, APPs and 小程序 (versions) the assessment covers.</summary>
    public int TargetCount { get; init; }

    /// <summary>Picked ones that are not this subject's filed businesses (another's, cancelled, unknown): the caller counts them.</summary>
    public int ForeignTargetCount { get; init; }

    public IReadOnlyList<AssessmentTrigger> Triggers { get; init; } = [];

    public AssessmentMethod? Method { get; init; }

    /// <summary>The third-party institution (委托第三方安全评估机构).</summary>
    public string? Institution { get; init; }

    public string? OfficerName { get; init; }
    public string? OfficerTitle { get; init; }
    public string? OfficerPhone { get; init; }
    public string? OfficerEmail { get; init; }

    public IReadOnlyDictionary<AssessmentMeasure, string?> Measures { get; init; } = new Dictionary<AssessmentMeasure, string?>();

    /// <summary>评估报告 (PDF) uploaded.</summary>
    public bool HasReport { get; init; }
}
