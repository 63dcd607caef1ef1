using Beian.Core.Filing;

namespace Beian.Core.Apps;

/// <summary>
/// Everything the APP pre-check needs (SPEC §5), as typed on step ② of 新办APP申请 / 变更APP, plus the
/// subject it is filed under and what the caller looked up (identifiers filed by another subject, the
/// facts read from uploaded packages).
/// </summary>
public sealed record AppFacts
{
    /// <summary>The APP名称 and who files it: the naming rules every business shares.</summary>
    public FilingNameFacts Naming { get; init; } = new();

    public string? Introduction { get; init; }

    /// <summary>APP运行截图 uploaded.</summary>
    public int ScreenshotCount { get; init; }

    /// <summary>The platforms ticked, each with what identifies it.</summary>
    public IReadOnlyList<AppPlatformFacts> Platforms { get; init; } = [];

    public IReadOnlyList<AppVersionFacts> Versions { get; init; } = [];

    public IReadOnlyList<AppChannelFacts> Channels { get; init; } = [];

    /// <summary>是否有工信部APP备案号: null while "请选择".</summary>
    public bool? HasIcpNumber { get; init; }

    public string? IcpNumber { get; init; }

    /// <summary>当前用户量 (a range) and 运营情况.</summary>
    public string? UserScale { get; init; }

    public string? Operations { get; init; }

    public ServiceDeclarationFacts Services { get; init; } = new();

    /// <summary>信息网络安全保护方案 uploaded (required for an interactive APP).</summary>
    public bool HasSecurityPlan { get; init; }

    /// <summary>The filing date (Beijing calendar day of the check).</summary>
    public DateOnly Today { get; init; }

    /// <summary>Computed by the caller: identifiers (包名, Bundle ID) held by an APP of another subject.</summary>
    public IReadOnlySet<string> IdentifiersFiledElsewhere { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One platform of the APP: its 包名 / Bundle ID, 公钥, fingerprint, and what its uploaded package says, if one was uploaded.</summary>
public sealed record AppPlatformFacts(AppPlatform Platform, string? Identifier, string? PublicKey, string? Fingerprint, PackageFacts? Package = null);

/// <summary>
/// What was read from an uploaded package (the platform reads APK signatures and the .ipa's Info.plist):
/// the identifier, the version names in it, and the signing certificates' fingerprints and keys.
/// </summary>
public sealed record PackageFacts(string Identifier, IReadOnlyList<string> Versions, IReadOnlyList<string> Fingerprints, IReadOnlyList<string> PublicKeys);

/// <summary>One line of 版本信息: the platform, 版本号 and 发布日期.</summary>
public sealed record AppVersionFacts(AppPlatform? Platform, string? Number, DateOnly? ReleasedOn);

/// <summary>One 分发渠道: the 应用市场 and the download URL.</summary>
public sealed record AppChannelFacts(string? Store, string? Url);
