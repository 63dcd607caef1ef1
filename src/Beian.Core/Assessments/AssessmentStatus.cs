using Beian.Core.Applications;

namespace Beian.Core.Assessments;

/// <summary>Where an assessment stands: required by the police, under review, returned, passed, or withdrawn by its filer.</summary>
public enum AssessmentStatus
{
    /// <summary>待评估: the police required it and the filer has not submitted it yet.</summary>
    Required,
    Pending,
    Returned,
    Passed,
    Withdrawn,
}

public enum AssessmentEvent
{
    Submitted,
    Returned,
    Resubmitted,
    Approved,
    Revoked,
}

public static class AssessmentStatuses
{
    public static string Label(this AssessmentStatus status) => status switch
    {
        AssessmentStatus.Required => "待评估",
        AssessmentStatus.Pending => "待审核",
        AssessmentStatus.Returned => "已退回",
        AssessmentStatus.Passed => "已通过",
        AssessmentStatus.Withdrawn => "已撤销",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string CssClass(this AssessmentStatus status) => status switch
    {
        AssessmentStatus.Required => "status-returned",
        AssessmentStatus.Pending => "status-pending",
        AssessmentStatus.Returned => "status-returned",
        AssessmentStatus.Passed => "status-approved",
        _ => "status-closed",
    };

    /// <summary>历史安全评估: passed or withdrawn, nothing left to do; the others are 当前安全评估.</summary>
    public static IReadOnlyList<AssessmentStatus> History { get; } = [AssessmentStatus.Passed, AssessmentStatus.Withdrawn];

    public static bool IsHistory(this AssessmentStatus status) => History.Contains(status);

    public static IReadOnlyList<AssessmentStatus> All { get; } = Enum.GetValues<AssessmentStatus>();
}

/// <summary>
/// An assessment's lifecycle. One the police required waits as 待评估 and goes back there when its
/// filer revokes the submission; one the filer started on their own is withdrawn instead.
/// </summary>
public static class AssessmentStateMachine
{
    private static readonly Dictionary<(AssessmentStatus, AssessmentEvent), AssessmentStatus> Transitions = new()
    {
        [(AssessmentStatus.Required, AssessmentEvent.Submitted)] = AssessmentStatus.Pending,
        [(AssessmentStatus.Pending, AssessmentEvent.Returned)] = AssessmentStatus.Returned,
        [(AssessmentStatus.Returned, AssessmentEvent.Resubmitted)] = AssessmentStatus.Pending,
        [(AssessmentStatus.Pending, AssessmentEvent.Approved)] = AssessmentStatus.Passed,
        [(AssessmentStatus.Pending, AssessmentEvent.Revoked)] = AssessmentStatus.Withdrawn,
        [(AssessmentStatus.Returned, AssessmentEvent.Revoked)] = AssessmentStatus.Withdrawn,
    };

    public static bool CanApply(AssessmentStatus from, AssessmentEvent happening) => Transitions.ContainsKey((from, happening));

    /// <summary>The status after <paramref name="happening"/>; a revoked requirement waits again as 待评估.</summary>
    public static AssessmentStatus Apply(AssessmentStatus from, AssessmentEvent happening, bool requiredByPolice) =>
        happening == AssessmentEvent.Revoked && requiredByPolice && CanApply(from, happening)
            ? AssessmentStatus.Required
            : Transitions.TryGetValue((from, happening), out var to)
                ? to
                : throw new IllegalTransitionException($"安全评估处于“{from.Label()}”状态，不能{happening.Label()}");

    private static string Label(this AssessmentEvent happening) => happening switch
    {
        AssessmentEvent.Submitted => "提交",
        AssessmentEvent.Returned => "退回",
        AssessmentEvent.Resubmitted => "重新提交",
        AssessmentEvent.Approved => "审核通过",
        _ => "撤销",
    };
}
