using Beian.Core.Applications;

namespace Beian.Core.Filing;

/// <summary>The states of a filed business of a subject — a website, an APP, a 小程序 (SPEC §4, §5).</summary>
public enum FilingStatus
{
    Pending,
    Filed,
    Changing,
    Cancelling,
    Cancelled,
    Returned,
    Withdrawn,
}

public enum FilingEvent
{
    NewApproved,
    NewReturned,
    NewResubmitted,
    NewRevoked,
    ChangeSubmitted,
    ChangeClosed,
    CancelSubmitted,
    CancelApproved,
    CancelClosed,
    SubjectCancelled,
}

public static class FilingStatusLabels
{
    public static string Label(this FilingStatus status) => status switch
    {
        FilingStatus.Pending => "待审核",
        FilingStatus.Filed => "已备案",
        FilingStatus.Changing => "变更中",
        FilingStatus.Cancelling => "注销中",
        FilingStatus.Cancelled => "已注销",
        FilingStatus.Returned => "已退回",
        FilingStatus.Withdrawn => "已撤销",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string CssClass(this FilingStatus status) => status switch
    {
        FilingStatus.Pending => "status-pending",
        FilingStatus.Filed => "status-approved",
        FilingStatus.Changing or FilingStatus.Cancelling => "status-reviewing",
        FilingStatus.Returned => "status-returned",
        _ => "status-closed",
    };
}

/// <summary>
/// A filed record's lifecycle (a website, an APP): filed on the first approval, changed and cancelled through
/// applications, and cancelled together with its subject whatever it was doing.
/// </summary>
public static class FilingStateMachine
{
    private static readonly Dictionary<(FilingStatus, FilingEvent), FilingStatus> Transitions = new()
    {
        [(FilingStatus.Pending, FilingEvent.NewApproved)] = FilingStatus.Filed,
        [(FilingStatus.Pending, FilingEvent.NewReturned)] = FilingStatus.Returned,
        [(FilingStatus.Pending, FilingEvent.NewRevoked)] = FilingStatus.Withdrawn,
        [(FilingStatus.Returned, FilingEvent.NewResubmitted)] = FilingStatus.Pending,
        [(FilingStatus.Returned, FilingEvent.NewRevoked)] = FilingStatus.Withdrawn,
        [(FilingStatus.Filed, FilingEvent.ChangeSubmitted)] = FilingStatus.Changing,
        [(FilingStatus.Changing, FilingEvent.ChangeClosed)] = FilingStatus.Filed,
        [(FilingStatus.Filed, FilingEvent.CancelSubmitted)] = FilingStatus.Cancelling,
        [(FilingStatus.Cancelling, FilingEvent.CancelApproved)] = FilingStatus.Cancelled,
        [(FilingStatus.Cancelling, FilingEvent.CancelClosed)] = FilingStatus.Filed,
        [(FilingStatus.Pending, FilingEvent.SubjectCancelled)] = FilingStatus.Withdrawn,
        [(FilingStatus.Returned, FilingEvent.SubjectCancelled)] = FilingStatus.Withdrawn,
        [(FilingStatus.Filed, FilingEvent.SubjectCancelled)] = FilingStatus.Cancelled,
        [(FilingStatus.Changing, FilingEvent.SubjectCancelled)] = FilingStatus.Cancelled,
        [(FilingStatus.Cancelling, FilingEvent.SubjectCancelled)] = FilingStatus.Cancelled,
    };

    public static bool CanApply(FilingStatus from, FilingEvent happening) => Transitions.ContainsKey((from, happening));

    public static FilingStatus Apply(FilingStatus from, FilingEvent happening) =>
        Transitions.TryGetValue((from, happening), out var to)
            ? to
            : throw new IllegalTransitionException($"网站处于“{from.Label()}”状态，不能办理该业务");

    /// <summary>The statuses of a record that is or may become filed: its domain or package name is taken.</summary>
    public static readonly IReadOnlyList<FilingStatus> LiveStatuses =
        [FilingStatus.Pending, FilingStatus.Filed, FilingStatus.Changing, FilingStatus.Cancelling];

    public static bool IsLive(FilingStatus status) => LiveStatuses.Contains(status);
}
