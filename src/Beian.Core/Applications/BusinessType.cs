namespace Beian.Core.Applications;

/// <summary>业务类型: what an application asks for. Later businesses add their own values.</summary>
public enum BusinessType
{
    NewSubject,
    ChangeSubject,
    CancelSubject,
    NewWebsite,
    ChangeWebsite,
    CancelWebsite,
    ClaimWebsite,
    NewApp,
    ChangeApp,
    CancelApp,
    NewMiniProgram,
    ChangeMiniProgram,
    CancelMiniProgram,
    Assessment,
    ServiceProvider,
    AppStore,
}

/// <summary>业务类型 as 我的申请 lists them, in seed 004's words (§4.1–4.3: 新增主体, 新办网站申请, 变更网站, 注销网站 …).</summary>
public static class BusinessTypeLabels
{
    private static readonly Dictionary<BusinessType, string> Labels = new()
    {
        [BusinessType.NewSubject] = "新增主体",
        [BusinessType.ChangeSubject] = "变更主体",
        [BusinessType.CancelSubject] = "注销主体",
        [BusinessType.NewWebsite] = "新办网站申请",
        [BusinessType.ChangeWebsite] = "变更网站",
        [BusinessType.CancelWebsite] = "注销网站",
        [BusinessType.ClaimWebsite] = "网站认领",
        [BusinessType.NewApp] = "新办APP申请",
        [BusinessType.ChangeApp] = "变更APP",
        [BusinessType.CancelApp] = "注销APP",
        [BusinessType.NewMiniProgram] = "新办小程序申请",
        [BusinessType.ChangeMiniProgram] = "变更小程序",
        [BusinessType.CancelMiniProgram] = "注销小程序",
        [BusinessType.Assessment] = "安全评估",
        [BusinessType.ServiceProvider] = "服务商申请",
        [BusinessType.AppStore] = "应用市场申请",
    };

    public static string Label(this BusinessType type) => Labels[type];

    /// <summary>How a message names an application of this type: 新办网站申请, 变更网站申请, 注销主体申请, 安全评估申请 ….</summary>
    public static string ApplicationName(this BusinessType type) =>
        Labels[type].EndsWith("申请", StringComparison.Ordinal) ? Labels[type] : $"{Labels[type]}申请";

    public static IReadOnlyDictionary<BusinessType, string> All => Labels;
}
