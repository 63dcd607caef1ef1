namespace Beian.Core.Applications;

/// <summary>审核状态 of an application.</summary>
public enum ApplicationStatus
{
    Pending,
    InReview,
    /// <summary>The reviewer asked for 面审 or 实地检查 and waits for its result.</summary>
    Inspecting,
    Approved,
    Returned,
    Revoked,
}

public enum ApplicationAction
{
    Submit,
    Claim,
    Release,
    Reassign,
    RequestInspection,
    RecordInspection,
    Approve,
    Return,
    Revoke,
    Resubmit,
}

public static class ApplicationStatusLabels
{
    public static string Label(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Pending => "待审核",
        ApplicationStatus.InReview => "审核中",
        ApplicationStatus.Inspecting => "待面审/检查",
        ApplicationStatus.Approved => "已通过",
        ApplicationStatus.Returned => "已退回",
        ApplicationStatus.Revoked => "已撤销",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The CSS class of the status colour, the same on every screen.</summary>
    public static string CssClass(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Pending => "status-pending",
        ApplicationStatus.InReview or ApplicationStatus.Inspecting => "status-reviewing",
        ApplicationStatus.Approved => "status-approved",
        ApplicationStatus.Returned => "status-returned",
        _ => "status-closed",
    };

    /// <summary>Still with the police: 待审核, 审核中 or 待面审/检查.</summary>
    public static bool IsOpen(this ApplicationStatus status) =>
        status is ApplicationStatus.Pending or ApplicationStatus.InReview or ApplicationStatus.Inspecting;

    public static string Label(this ApplicationAction action) => action switch
    {
        ApplicationAction.Submit => "提交审核",
        ApplicationAction.Claim => "开始审核",
        ApplicationAction.Release => "放弃审核",
        ApplicationAction.Reassign => "改派",
        ApplicationAction.RequestInspection => "要求面审/实地检查",
        ApplicationAction.RecordInspection => "记录面审/检查结果",
        ApplicationAction.Approve => "审核通过",
        ApplicationAction.Return => "退回",
        ApplicationAction.Revoke => "撤销申请",
        ApplicationAction.Resubmit => "修改后重新提交",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
