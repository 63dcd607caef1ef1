using Beian.Core.Assessments;

namespace Beian.Web.Features.Assessments;

/// <summary>
/// What <c>_AssessmentList</c> shows: the filer's assessments with status (已超期 on a requirement past its
/// deadline) and 【详情】, or 【开展评估】 on a 待评估; compact on the home page.
/// </summary>
public sealed record AssessmentList(IReadOnlyList<Assessment> Items, DateOnly Today, bool Compact = false, string Empty = "暂无安全评估。")
{
    public static string DetailUrl(Guid id) => $"/My/Assessments/{id}";

    public static string AnswerUrl(Guid requirementId) => $"/Assessments/New?requirement={requirementId}";

    /// <summary>"委托第三方安全评估机构" for one submitted; the case the police named for a 待评估.</summary>
    public static string CaseOf(Assessment assessment) => CaseOf(assessment.Triggers, assessment.RequiredTrigger);

    /// <summary>The case from the ticked triggers (comma-separated codes) or, when none, the one the police named.</summary>
    public static string CaseOf(string triggers, AssessmentTrigger? requiredTrigger) =>
        triggers.Length > 0
            ? string.Join("、", triggers.Split(',').Select(t => Enum.TryParse<AssessmentTrigger>(t, out var trigger) ? trigger.Label() : t))
            : requiredTrigger?.Label() ?? string.Empty;
}
