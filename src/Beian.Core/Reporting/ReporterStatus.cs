using Beian.Core.Applications;

namespace Beian.Core.Reporting;

/// <summary>Where a 服务商 or 应用市场 stands: its application under review, returned, approved (it reports), withdrawn, or cancelled with its subject.</summary>
public enum ReporterStatus
{
    Pending,
    Returned,
    Approved,
    Withdrawn,
    Cancelled,
}

public enum ReporterEvent
{
    Returned,
    Resubmitted,
    Approved,
    Revoked,
    Cancelled,
}

public static class ReporterStatuses
{
    public static string Label(this ReporterStatus status) => status switch
    {
        ReporterStatus.Pending => "待审核",
        ReporterStatus.Returned => "已退回",
        ReporterStatus.Approved => "已通过",
        ReporterStatus.Withdrawn => "已撤销",
        ReporterStatus.Cancelled => "已注销",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string CssClass(this ReporterStatus status) => status switch
    {
        ReporterStatus.Pending => "status-pending",
        ReporterStatus.Returned => "status-returned",
        ReporterStatus.Approved => "status-approved",
        _ => "status-closed",
    };

    /// <summary>A reporter that holds or may still get the status: a subject has at most one of each role in these.</summary>
    public static IReadOnlyList<ReporterStatus> Live { get; } = [ReporterStatus.Pending, ReporterStatus.Returned, ReporterStatus.Approved];
}

/// <summary>A reporter's lifecycle: reviewed like any business; only an approved one may report and look up filings.</summary>
public static class ReporterStateMachine
{
    private static readonly Dictionary<(ReporterStatus, ReporterEvent), ReporterStatus> Transitions = new()
    {
        [(ReporterStatus.Pending, ReporterEvent.Returned)] = ReporterStatus.Returned,
        [(ReporterStatus.Returned, ReporterEvent.Resubmitted)] = ReporterStatus.Pending,
        [(ReporterStatus.Pending, ReporterEvent.Approved)] = ReporterStatus.Approved,
        [(ReporterStatus.Pending, ReporterEvent.Revoked)] = ReporterStatus.Withdrawn,
        [(ReporterStatus.Returned, ReporterEvent.Revoked)] = ReporterStatus.Withdrawn,
        [(ReporterStatus.Pending, ReporterEvent.Cancelled)] = ReporterStatus.Cancelled,
        [(ReporterStatus.Returned, ReporterEvent.Cancelled)] = ReporterStatus.Cancelled,
        [(ReporterStatus.Approved, ReporterEvent.Cancelled)] = ReporterStatus.Cancelled,
    };

    public static ReporterStatus Apply(ReporterStatus from, ReporterEvent happening) =>
        Transitions.TryGetValue((from, happening), out var to)
            ? to
            : throw new IllegalTransitionException($"申请处于“{from.Label()}”状态，不能{Label(happening)}");

    private static string Label(ReporterEvent happening) => happening switch
    {
        ReporterEvent.Returned => "退回",
        ReporterEvent.Resubmitted => "重新提交",
        ReporterEvent.Approved => "审核通过",
        ReporterEvent.Revoked => "撤销",
        _ => "注销",
    };
}
