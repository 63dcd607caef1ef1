using Beian.Core.Filing;

namespace Beian.Core.Apps;

/// <summary>The form's property paths that APP findings point at.</summary>
public static class AppFields
{
    public const string Name = "BasicInfo.Name";
    public const string Introduction = ServiceFields.Introduction;
    public const string Screenshots = "BasicInfo.ScreenshotFiles";
    public const string Platforms = "BasicInfo.Platforms";
    public const string Versions = ServiceFields.Versions;
    public const string Channels = "BasicInfo.Channels";
    public const string HasIcpNumber = ServiceFields.HasIcpNumber;
    public const string IcpNumber = ServiceFields.IcpNumber;
    public const string UserScale = "BasicInfo.UserScale";
    public const string Operations = "BasicInfo.Operations";
    public const string SecurityPlan = ServiceFields.SecurityPlan;

    public static string Identifier(AppPlatform platform) => $"{platform.Section()}.Identifier";
    public static string PublicKey(AppPlatform platform) => $"{platform.Section()}.PublicKey";
    public static string Fingerprint(AppPlatform platform) => $"{platform.Section()}.Fingerprint";
    public static string Package(AppPlatform platform) => $"{platform.Section()}.PackageFileId";

    public static string Version(int index, string part) => ServiceFields.Version(index, part);
    public static string Channel(int index, string part) => $"{Channels}[{index}].{part}";
}

/// <summary>当前用户量: the ranges the form offers [guide].</summary>
public static class AppUserScales
{
    public static readonly IReadOnlyList<string> All = ["1万以下", "1万-10万", "10万-100万", "100万-1000万", "1000万以上"];
}
