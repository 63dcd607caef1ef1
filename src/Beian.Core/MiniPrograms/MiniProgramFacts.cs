using Beian.Core.Filing;

namespace Beian.Core.MiniPrograms;

/// <summary>
/// Everything the 小程序 pre-check needs, as typed on step ② of 新办小程序申请 / 变更小程序, plus the subject it
/// is filed under and what the caller looked up (the AppID filed by another subject).
/// </summary>
public sealed record MiniProgramFacts
{
    /// <summary>The 小程序名称 and who files it: the naming rules every business shares.</summary>
    public FilingNameFacts Naming { get; init; } = new();

    public string? Introduction { get; init; }

    /// <summary>所属平台: null while "请选择".</summary>
    public MiniProgramPlatform? Platform { get; init; }

    /// <summary>平台名称, asked only when the platform is 其他.</summary>
    public string? PlatformName { get; init; }

    /// <summary>The platform's AppID, a 快应用's 包名, or another platform's 小程序标识.</summary>
    public string? AppId { get; init; }

    public IReadOnlyList<MiniProgramVersionFacts> Versions { get; init; } = [];

    /// <summary>是否有工信部备案号: null while "请选择".</summary>
    public bool? HasIcpNumber { get; init; }

    public string? IcpNumber { get; init; }

    public ServiceDeclarationFacts Services { get; init; } = new();

    /// <summary>信息网络安全保护方案 uploaded (required for an interactive 小程序).</summary>
    public bool HasSecurityPlan { get; init; }

    /// <summary>The filing date (Beijing calendar day of the check).</summary>
    public DateOnly Today { get; init; }

    /// <summary>Computed by the caller: the same platform and AppID held by a live 小程序 of another subject.</summary>
    public bool AppIdFiledElsewhere { get; init; }
}

/// <summary>One line of 版本信息: 版本号 and 发布日期.</summary>
public sealed record MiniProgramVersionFacts(string? Number, DateOnly? ReleasedOn);
