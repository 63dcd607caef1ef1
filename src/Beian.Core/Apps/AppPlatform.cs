using System.Text.Json.Serialization;

namespace Beian.Core.Apps;

/// <summary>The platforms an APP is offered on (SPEC §5), in the form's order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AppPlatform>))]
public enum AppPlatform
{
    Android,
    Ios,
    HarmonyOs,
    Other,
}

/// <summary>How each platform identifies an APP and its signature: what the form asks and the checks apply.</summary>
public static class AppPlatforms
{
    public static readonly IReadOnlyList<AppPlatform> All = [AppPlatform.Android, AppPlatform.Ios, AppPlatform.HarmonyOs, AppPlatform.Other];

    public static string DisplayName(this AppPlatform platform) => platform switch
    {
        AppPlatform.Android => "Android",
        AppPlatform.Ios => "iOS",
        AppPlatform.HarmonyOs => "HarmonyOS（鸿蒙）",
        _ => "其他",
    };

    /// <summary>包名 for Android and HarmonyOS, Bundle ID for iOS, 平台及标识 for another platform.</summary>
    public static string IdentifierLabel(this AppPlatform platform) => platform switch
    {
        AppPlatform.Ios => "Bundle ID",
        AppPlatform.Other => "平台名称及应用标识",
        _ => "包名",
    };

    /// <summary>The signing certificate's fingerprint the applicant gives: MD5 (32 hex) on Android and HarmonyOS, SHA-1 (40 hex) on iOS.</summary>
    public static string FingerprintLabel(this AppPlatform platform) => platform == AppPlatform.Ios ? "签名SHA-1" : "签名MD5";

    public static int FingerprintLength(this AppPlatform platform) => platform == AppPlatform.Ios ? 40 : 32;

    /// <summary>Whether the identifier follows a known syntax (Android/HarmonyOS package names, iOS bundle ids).</summary>
    public static bool HasKnownIdentifierSyntax(this AppPlatform platform) => platform != AppPlatform.Other;

    /// <summary>The form's property name of a platform's section: BasicInfo.Android, BasicInfo.Ios ….</summary>
    public static string Section(this AppPlatform platform) => $"BasicInfo.{platform}";
}
