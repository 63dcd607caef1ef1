using System.Text.RegularExpressions;
using Beian.Core.Filing;
using Beian.Core.Rules;

namespace Beian.Core.Apps;

/// <summary>
/// The APP part of the automatic pre-check (SPEC §5, §10) for step ② APP基本信息: the naming rules of
/// websites, 功能介绍 and 运行截图, each platform's 包名 / Bundle ID, 公钥 and fingerprint (and their
/// agreement with an uploaded package), 版本信息, 分发渠道, the 工信部APP备案号 with its A suffix, users and
/// operation, the service declaration, and the 信息网络安全保护方案 of an interactive APP.
/// Errors block submission, warnings go to the reviewer.
/// </summary>
public static partial class AppRules
{
    public static readonly BusinessWording Wording = new("APP", "APP", AppFields.Name);

    public const int MinScreenshots = 3;
    public const int MaxScreenshots = 5;
    public const int MaxStoreName = 50;
    public const int MaxUrlLength = 500;
    public const int MaxOperations = 200;

    public static IReadOnlyList<Finding> Check(AppFacts facts) =>
    [
        .. NameRules.Check(facts.Naming, Wording),
        .. ServiceRules.Introduction(facts.Introduction, Wording),
        .. Screenshots(facts),
        .. Platforms(facts),
        .. Versions(facts),
        .. Channels(facts),
        .. ServiceIcpNumber.App.Check(facts.HasIcpNumber, facts.IcpNumber, AppFields.HasIcpNumber, AppFields.IcpNumber, Wording),
        .. Operation(facts),
        .. ServiceDeclarationRules.Check(facts.Services, facts.Naming.SubjectNature, Wording),
        .. ServiceRules.SecurityPlan(facts.Services.ProvidesInteractiveServices, facts.HasSecurityPlan, Wording),
    ];

    private static IEnumerable<Finding> Screenshots(AppFacts facts)
    {
        if (facts.ScreenshotCount is < MinScreenshots or > MaxScreenshots)
            yield return Error("SCREENSHOTS", AppFields.Screenshots, $"请上传{MinScreenshots}至{MaxScreenshots}张APP运行截图，当前{facts.ScreenshotCount}张");
    }

    private static IEnumerable<Finding> Platforms(AppFacts facts)
    {
        if (facts.Platforms.Count == 0)
        {
            yield return Error("PLATFORM-REQUIRED", AppFields.Platforms, "请至少选择一个平台");
            yield break;
        }
        foreach (var platform in facts.Platforms)
        {
            foreach (var finding in Identifier(platform, facts)) yield return finding;
            if (platform.Platform == AppPlatform.Other) continue;
            foreach (var finding in Signature(platform)) yield return finding;
        }
    }

    private static IEnumerable<Finding> Identifier(AppPlatformFacts platform, AppFacts facts)
    {
        var field = AppFields.Identifier(platform.Platform);
        var label = platform.Platform.IdentifierLabel();
        var value = platform.Identifier?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            yield return Error("ID-REQUIRED", field, $"请填写{platform.Platform.DisplayName()}的{label}");
            yield break;
        }
        var wellFormed = platform.Platform switch
        {
            AppPlatform.Ios => AppIdentifiers.IsBundleId(value),
            AppPlatform.Other => value.Length <= AppIdentifiers.MaxIdentifierLength,
            _ => AppIdentifiers.IsPackageName(value),
        };
        if (!wellFormed)
        {
            yield return Error("ID-INVALID", field, platform.Platform == AppPlatform.Ios
                ? "Bundle ID格式不正确，应为以点分隔的字母、数字或连字符，如：com.example.app"
                : platform.Platform == AppPlatform.Other
                    ? $"{label}不能超过{AppIdentifiers.MaxIdentifierLength}个字符"
                    : "包名格式不正确，应为以点分隔的至少两段、每段以字母开头的字母数字或下划线，如：com.example.app");
            yield break;
        }
        if (platform.Platform != AppPlatform.Other && facts.IdentifiersFiledElsewhere.Contains(value))
            yield return Error("ID-FILED-ELSEWHERE", field, $"{label}“{value}”已由其他开办主体备案，同一APP只能由一个主体备案；如确属本主体，请联系原备案主体办理移交");
        if (platform.Package is { } package && !SameIdentifier(platform.Platform, value, package.Identifier))
            yield return Error("PACKAGE-MISMATCH", field, $"与上传的安装包不一致：安装包中的{label}为“{package.Identifier}”");
    }

    private static bool SameIdentifier(AppPlatform platform, string typed, string read) =>
        string.Equals(typed, read, platform == AppPlatform.Ios ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static IEnumerable<Finding> Signature(AppPlatformFacts platform)
    {
        var name = platform.Platform.DisplayName();
        var keyField = AppFields.PublicKey(platform.Platform);
        if (string.IsNullOrWhiteSpace(platform.PublicKey)) yield return Error("KEY-REQUIRED", keyField, $"请填写{name}的公钥");
        else if (!AppIdentifiers.IsPublicKey(platform.PublicKey)) yield return Error("KEY-INVALID", keyField, "公钥格式不正确，应为十六进制或Base64编码的公钥");
        else if (platform.Package is { PublicKeys.Count: > 0 } keys
                 && !keys.PublicKeys.Any(key => AppIdentifiers.IsSameKey(platform.PublicKey, key)))
            yield return Error("PACKAGE-MISMATCH", keyField, "与上传的安装包不一致：公钥不是安装包签名证书的公钥");

        var printField = AppFields.Fingerprint(platform.Platform);
        var label = platform.Platform.FingerprintLabel();
        if (string.IsNullOrWhiteSpace(platform.Fingerprint)) yield return Error("FINGERPRINT-REQUIRED", printField, $"请填写{name}的{label}");
        else if (AppIdentifiers.FingerprintProblem(platform.Fingerprint, platform.Platform.FingerprintLength()) is { } problem)
            yield return Error("FINGERPRINT-INVALID", printField, $"{label}{problem}");
        else if (platform.Package is { Fingerprints.Count: > 0 } prints && !prints.Fingerprints.Contains(AppIdentifiers.NormalizeHex(platform.Fingerprint)))
            yield return Error("PACKAGE-MISMATCH", printField, $"与上传的安装包不一致：安装包签名证书的{label}为{prints.Fingerprints[0]}");
    }

    private static IEnumerable<Finding> Versions(AppFacts facts)
    {
        var ticked = facts.Platforms.Select(p => p.Platform).ToHashSet();
        for (var i = 0; i < facts.Versions.Count; i++)
            if (facts.Versions[i].Platform is not { } platform || !ticked.Contains(platform))
                yield return Error("VERSION-PLATFORM", AppFields.Version(i, "Platform"), "请选择已勾选的平台");
        var lines = facts.Versions.Select(v => new VersionLine(v.Platform?.ToString(), v.Number, v.ReleasedOn)).ToList();
        foreach (var finding in ServiceRules.Versions(lines, facts.Today, Wording)) yield return finding;
        foreach (var platform in ticked.Where(p => facts.Versions.All(v => v.Platform != p)))
            yield return Error("VERSION-REQUIRED", AppFields.Versions, $"请填写{platform.DisplayName()}的版本信息");
        foreach (var platform in facts.Platforms.Where(p => p.Package is { Versions.Count: > 0 }))
        {
            var typed = facts.Versions.Where(v => v.Platform == platform.Platform).Select(v => v.Number?.Trim()).ToList();
            if (typed.Count > 0 && !platform.Package!.Versions.Any(typed.Contains))
                yield return Error("PACKAGE-MISMATCH", AppFields.Versions,
                    $"与上传的安装包不一致：{platform.Platform.DisplayName()}安装包的版本号为{platform.Package.Versions[0]}，请在版本信息中填写");
        }
    }

    private static IEnumerable<Finding> Channels(AppFacts facts)
    {
        if (facts.Channels.Count == 0) yield return Error("CHANNEL-REQUIRED", AppFields.Channels, "请至少填写一个分发渠道（应用市场及下载地址）");
        for (var i = 0; i < facts.Channels.Count; i++)
        {
            var channel = facts.Channels[i];
            if (string.IsNullOrWhiteSpace(channel.Store)) yield return Error("CHANNEL-STORE", AppFields.Channel(i, "Store"), "请填写应用市场名称");
            else if (channel.Store.Trim().Length > MaxStoreName) yield return Error("CHANNEL-STORE", AppFields.Channel(i, "Store"), $"应用市场名称不能超过{MaxStoreName}个字");
            if (DownloadUrlProblem(channel.Url) is { } problem) yield return Error("CHANNEL-URL", AppFields.Channel(i, "Url"), problem);
        }
    }

    /// <summary>Null for an absolute http(s) address with a host; otherwise what is wrong.</summary>
    public static string? DownloadUrlProblem(string? url)
    {
        var text = url?.Trim();
        if (string.IsNullOrEmpty(text)) return "请填写下载地址";
        if (text.Length > MaxUrlLength) return $"下载地址不能超过{MaxUrlLength}个字符";
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.')
            ? null
            : "下载地址应为以http://或https://开头的完整网址";
    }

    private static IEnumerable<Finding> Operation(AppFacts facts)
    {
        if (string.IsNullOrWhiteSpace(facts.UserScale) || !AppUserScales.All.Contains(facts.UserScale))
            yield return Error("USERS", AppFields.UserScale, "请选择当前用户量");
        if (string.IsNullOrWhiteSpace(facts.Operations)) yield return Error("OPERATIONS", AppFields.Operations, "请填写运营情况");
        else if (facts.Operations.Trim().Length > MaxOperations) yield return Error("OPERATIONS", AppFields.Operations, $"运营情况不能超过{MaxOperations}个字");
    }

    private static Finding Error(string rule, string field, string message) => Finding.Error(Wording.Code(rule), field, message);
}
