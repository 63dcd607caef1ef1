using Beian.Web.Features.Accounts;

namespace Beian.Web.Features.Admin.PoliceUsers;

public enum PoliceAccountStatus
{
    Normal,
    Disabled,
    Locked,
}

public static class PoliceAccountStatuses
{
    /// <summary>
    /// 停用 wins over a lockout: it is the administrator's decision and outlasts it.
    /// <paramref name="locked"/>: wrong passwords or codes lock the account for some client address now.
    /// </summary>
    public static PoliceAccountStatus Of(ApplicationUser officer, bool locked) =>
        officer.DisabledAt != null ? PoliceAccountStatus.Disabled
        : locked ? PoliceAccountStatus.Locked
        : PoliceAccountStatus.Normal;

    public static string Label(this PoliceAccountStatus status) => status switch
    {
        PoliceAccountStatus.Disabled => "已停用",
        PoliceAccountStatus.Locked => "已锁定",
        _ => "正常",
    };

    /// <summary>One colour per status, as everywhere: 正常 green, 已锁定 red, 已停用 grey.</summary>
    public static string CssClass(this PoliceAccountStatus status) => status switch
    {
        PoliceAccountStatus.Disabled => "status-closed",
        PoliceAccountStatus.Locked => "status-returned",
        _ => "status-approved",
    };
}
