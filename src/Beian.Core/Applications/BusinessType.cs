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
}

public static class BusinessTypeLabels
{
    private static readonly Dictionary<BusinessType, string> Labels = new()
    {
        [BusinessType.NewSubject] = "新增主体",
        [BusinessType.ChangeSubject] = "变更主体",
        [BusinessType.CancelSubject] = "注销主体",
        [BusinessType.NewWebsite] = "新办网站",
        [BusinessType.ChangeWebsite] = "变更网站",
        [BusinessType.CancelWebsite] = "注销网站",
        [BusinessType.ClaimWebsite] = "网站认领",
        [BusinessType.NewApp] = "新办APP",
        [BusinessType.ChangeApp] = "变更APP",
        [BusinessType.CancelApp] = "注销APP",
        [BusinessType.NewMiniProgram] = "新办小程序",
        [BusinessType.ChangeMiniProgram] = "变更小程序",
        [BusinessType.CancelMiniProgram] = "注销小程序",
        [BusinessType.Assessment] = "安全评估",
    };

    public static string Label(this BusinessType type) => Labels[type];

    public static IReadOnlyDictionary<BusinessType, string> All => Labels;
}
