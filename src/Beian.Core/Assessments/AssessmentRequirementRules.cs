using Beian.Core.Rules;

namespace Beian.Core.Assessments;

/// <summary>要求安全评估 by the police: the reason, the case, and a deadline of a sensible number of working days.</summary>
public static class AssessmentRequirementRules
{
    public const int MaxReason = 500;
    public const int MinWorkingDays = 5;
    public const int MaxWorkingDays = 60;
    public const int DefaultWorkingDays = 15;

    public static IReadOnlyList<Finding> Check(string? reason, AssessmentTrigger? trigger, int? workingDays)
    {
        var findings = new List<Finding>();
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text)) findings.Add(Error("REASON", "Reason", "请填写要求开展安全评估的原因"));
        else if (text.Length > MaxReason) findings.Add(Error("REASON", "Reason", $"原因不能超过{MaxReason}个字"));
        if (trigger is null) findings.Add(Error("TRIGGER", "Trigger", "请选择评估情形"));
        if (workingDays is not (>= MinWorkingDays and <= MaxWorkingDays))
            findings.Add(Error("DAYS", "WorkingDays", $"完成期限应为{MinWorkingDays}至{MaxWorkingDays}个工作日"));
        return findings;
    }

    private static Finding Error(string rule, string field, string message) => Finding.Error($"SA-REQ-{rule}", field, message);
}
