namespace Beian.Core.Subjects;

/// <summary>The states of a 开办主体 (SPEC §3).</summary>
public enum SubjectStatus
{
    Pending,
    Valid,
    Changing,
    Cancelling,
    Transferring,
    Cancelled,
    Returned,
    Withdrawn,
}

public enum SubjectEvent
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
    TransferStarted,
    TransferClosed,
}

public static class SubjectStatusLabels
{
    public static string Label(this SubjectStatus status) => status switch
    {
        SubjectStatus.Pending => "待审核",
        SubjectStatus.Valid => "有效",
        SubjectStatus.Changing => "变更中",
        SubjectStatus.Cancelling => "注销中",
        SubjectStatus.Transferring => "移交中",
        SubjectStatus.Cancelled => "已注销",
        SubjectStatus.Returned => "已退回",
        SubjectStatus.Withdrawn => "已撤销",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string CssClass(this SubjectStatus status) => status switch
    {
        SubjectStatus.Pending => "status-pending",
        SubjectStatus.Valid => "status-approved",
        SubjectStatus.Changing or SubjectStatus.Cancelling or SubjectStatus.Transferring => "status-reviewing",
        SubjectStatus.Returned => "status-returned",
        _ => "status-closed",
    };
}

/// <summary>
/// The subject's lifecycle. Change, cancellation and transfer start only from 有效 and end back
/// in 有效 (returned, revoked, withdrawn or received) except an approved cancellation.
/// </summary>
public static class SubjectStateMachine
{
    private static readonly Dictionary<(SubjectStatus, SubjectEvent), SubjectStatus> Transitions = new()
    {
        [(SubjectStatus.Pending, SubjectEvent.NewApproved)] = SubjectStatus.Valid,
        [(SubjectStatus.Pending, SubjectEvent.NewReturned)] = SubjectStatus.Returned,
        [(SubjectStatus.Pending, SubjectEvent.NewRevoked)] = SubjectStatus.Withdrawn,
        [(SubjectStatus.Returned, SubjectEvent.NewResubmitted)] = SubjectStatus.Pending,
        [(SubjectStatus.Returned, SubjectEvent.NewRevoked)] = SubjectStatus.Withdrawn,
        [(SubjectStatus.Valid, SubjectEvent.ChangeSubmitted)] = SubjectStatus.Changing,
        [(SubjectStatus.Changing, SubjectEvent.ChangeClosed)] = SubjectStatus.Valid,
        [(SubjectStatus.Valid, SubjectEvent.CancelSubmitted)] = SubjectStatus.Cancelling,
        [(SubjectStatus.Cancelling, SubjectEvent.CancelApproved)] = SubjectStatus.Cancelled,
        [(SubjectStatus.Cancelling, SubjectEvent.CancelClosed)] = SubjectStatus.Valid,
        [(SubjectStatus.Valid, SubjectEvent.TransferStarted)] = SubjectStatus.Transferring,
        [(SubjectStatus.Transferring, SubjectEvent.TransferClosed)] = SubjectStatus.Valid,
    };

    public static bool CanApply(SubjectStatus from, SubjectEvent happening) => Transitions.ContainsKey((from, happening));

    public static SubjectStatus Apply(SubjectStatus from, SubjectEvent happening) =>
        Transitions.TryGetValue((from, happening), out var to)
            ? to
            : throw new Applications.IllegalTransitionException($"主体处于“{from.Label()}”状态，不能办理该业务");

    /// <summary>Businesses (websites …) may be filed for a subject that is pending or valid.</summary>
    public static bool AcceptsNewBusiness(SubjectStatus status) =>
        status is SubjectStatus.Pending or SubjectStatus.Valid or SubjectStatus.Changing;
}
