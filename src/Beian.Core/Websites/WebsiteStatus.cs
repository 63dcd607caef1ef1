using Beian.Core.Applications;

namespace Beian.Core.Websites;

/// <summary>The states of a website filing (SPEC §4).</summary>
public enum WebsiteStatus
{
    Pending,
    Filed,
    Changing,
    Cancelling,
    Cancelled,
    Returned,
    Withdrawn,
}

public enum WebsiteEvent
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

public static class WebsiteStatusLabels
{
    public static string Label(this WebsiteStatus status) => status switch
    {
        WebsiteStatus.Pending => "待审核",
        WebsiteStatus.Filed => "已备案",
        WebsiteStatus.Changing => "变更中",
        WebsiteStatus.Cancelling => "注销中",
        WebsiteStatus.Cancelled => "已注销",
        WebsiteStatus.Returned => "已退回",
        WebsiteStatus.Withdrawn => "已撤销",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string CssClass(this WebsiteStatus status) => status switch
    {
        WebsiteStatus.Pending => "status-pending",
        WebsiteStatus.Filed => "status-approved",
        WebsiteStatus.Changing or WebsiteStatus.Cancelling => "status-reviewing",
        WebsiteStatus.Returned => "status-returned",
        _ => "status-closed",
    };
}

/// <summary>
/// A website's lifecycle: filed on the first approval, changed and cancelled through
/// applications, and cancelled together with its subject whatever it was doing.
/// </summary>
public static class WebsiteStateMachine
{
    private static readonly Dictionary<(WebsiteStatus, WebsiteEvent), WebsiteStatus> Transitions = new()
    {
        [(WebsiteStatus.Pending, WebsiteEvent.NewApproved)] = WebsiteStatus.Filed,
        [(WebsiteStatus.Pending, WebsiteEvent.NewReturned)] = WebsiteStatus.Returned,
        [(WebsiteStatus.Pending, WebsiteEvent.NewRevoked)] = WebsiteStatus.Withdrawn,
        [(WebsiteStatus.Returned, WebsiteEvent.NewResubmitted)] = WebsiteStatus.Pending,
        [(WebsiteStatus.Returned, WebsiteEvent.NewRevoked)] = WebsiteStatus.Withdrawn,
        [(WebsiteStatus.Filed, WebsiteEvent.ChangeSubmitted)] = WebsiteStatus.Changing,
        [(WebsiteStatus.Changing, WebsiteEvent.ChangeClosed)] = WebsiteStatus.Filed,
        [(WebsiteStatus.Filed, WebsiteEvent.CancelSubmitted)] = WebsiteStatus.Cancelling,
        [(WebsiteStatus.Cancelling, WebsiteEvent.CancelApproved)] = WebsiteStatus.Cancelled,
        [(WebsiteStatus.Cancelling, WebsiteEvent.CancelClosed)] = WebsiteStatus.Filed,
        [(WebsiteStatus.Pending, WebsiteEvent.SubjectCancelled)] = WebsiteStatus.Withdrawn,
        [(WebsiteStatus.Returned, WebsiteEvent.SubjectCancelled)] = WebsiteStatus.Withdrawn,
        [(WebsiteStatus.Filed, WebsiteEvent.SubjectCancelled)] = WebsiteStatus.Cancelled,
        [(WebsiteStatus.Changing, WebsiteEvent.SubjectCancelled)] = WebsiteStatus.Cancelled,
        [(WebsiteStatus.Cancelling, WebsiteEvent.SubjectCancelled)] = WebsiteStatus.Cancelled,
    };

    public static bool CanApply(WebsiteStatus from, WebsiteEvent happening) => Transitions.ContainsKey((from, happening));

    public static WebsiteStatus Apply(WebsiteStatus from, WebsiteEvent happening) =>
        Transitions.TryGetValue((from, happening), out var to)
            ? to
            : throw new IllegalTransitionException($"网站处于“{from.Label()}”状态，不能办理该业务");

    /// <summary>The statuses of a site that is or may become filed: its main domain is taken.</summary>
    public static readonly IReadOnlyList<WebsiteStatus> DomainHoldingStatuses =
        [WebsiteStatus.Pending, WebsiteStatus.Filed, WebsiteStatus.Changing, WebsiteStatus.Cancelling];

    public static bool HoldsItsDomain(WebsiteStatus status) => DomainHoldingStatuses.Contains(status);
}
