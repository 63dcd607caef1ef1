namespace Beian.Core.Applications;

/// <summary>
/// Which action may happen to an application in which status. Everything not listed is illegal.
/// A reviewer claims an application (审核中) before deciding; an interactive site may need 面审 or
/// 实地检查 first (待面审/检查 until its result is recorded). A returned application is corrected and
/// resubmitted; approved and revoked ones are final.
/// </summary>
public static class ApplicationStateMachine
{
    public static readonly TimeSpan RevokeWindow = TimeSpan.FromMinutes(30);

    private static readonly Dictionary<(ApplicationStatus, ApplicationAction), ApplicationStatus> Transitions = new()
    {
        [(ApplicationStatus.Pending, ApplicationAction.Claim)] = ApplicationStatus.InReview,
        [(ApplicationStatus.Pending, ApplicationAction.Reassign)] = ApplicationStatus.Pending,
        [(ApplicationStatus.Pending, ApplicationAction.Approve)] = ApplicationStatus.Approved,
        [(ApplicationStatus.Pending, ApplicationAction.Return)] = ApplicationStatus.Returned,
        [(ApplicationStatus.Pending, ApplicationAction.Revoke)] = ApplicationStatus.Revoked,
        [(ApplicationStatus.InReview, ApplicationAction.Release)] = ApplicationStatus.Pending,
        [(ApplicationStatus.InReview, ApplicationAction.Reassign)] = ApplicationStatus.Pending,
        [(ApplicationStatus.InReview, ApplicationAction.RequestInspection)] = ApplicationStatus.Inspecting,
        [(ApplicationStatus.InReview, ApplicationAction.Approve)] = ApplicationStatus.Approved,
        [(ApplicationStatus.InReview, ApplicationAction.Return)] = ApplicationStatus.Returned,
        [(ApplicationStatus.Inspecting, ApplicationAction.RecordInspection)] = ApplicationStatus.InReview,
        // The applicant did not come or could not be inspected: the reviewer may return at once.
        [(ApplicationStatus.Inspecting, ApplicationAction.Return)] = ApplicationStatus.Returned,
        [(ApplicationStatus.Returned, ApplicationAction.Resubmit)] = ApplicationStatus.Pending,
        [(ApplicationStatus.Returned, ApplicationAction.Revoke)] = ApplicationStatus.Revoked,
    };

    public static bool CanApply(ApplicationStatus from, ApplicationAction action) => Transitions.ContainsKey((from, action));

    public static ApplicationStatus Apply(ApplicationStatus from, ApplicationAction action) =>
        Transitions.TryGetValue((from, action), out var to)
            ? to
            : throw new IllegalTransitionException($"申请处于“{from.Label()}”状态，不能{action.Label()}");

    /// <summary>
    /// 【撤销申请】 is allowed while the application is 待审核 and within 30 minutes of its
    /// submission (seed 004 §4.3.2); a returned application may be withdrawn at any time.
    /// </summary>
    public static string? RefuseRevoke(ApplicationStatus status, DateTime submittedAtUtc, DateTime nowUtc)
    {
        if (status == ApplicationStatus.Returned) return null;
        if (status != ApplicationStatus.Pending) return $"申请处于“{status.Label()}”状态，不能撤销";
        if (nowUtc - submittedAtUtc > RevokeWindow) return "申请提交已超过30分钟，不能撤销";
        return null;
    }
}

public sealed class IllegalTransitionException(string message) : InvalidOperationException(message);
