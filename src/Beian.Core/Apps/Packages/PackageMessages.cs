namespace Beian.Core.Apps.Packages;

/// <summary>The messages an applicant sees when an uploaded APP package is refused.</summary>
public static class PackageMessages
{
    public const string NotApk = "文件不是有效的APK安装包";
    public const string NoAndroidManifest = "APK安装包中未找到AndroidManifest.xml";
    public const string BadAndroidManifest = "APK安装包中的AndroidManifest.xml无法解析";
    public const string Unsigned = "APK安装包未签名，请上传签名后的正式安装包";
    public const string SignatureInvalid = "APK安装包签名校验失败，文件可能已损坏或被篡改";

    public const string NotIpa = "文件不是有效的IPA安装包";
    public const string TooManyEntries = "IPA安装包中的文件数量过多，无法读取";
    public const string SeveralApps = "IPA安装包的Payload目录中只能有一个.app应用";
    public const string NoInfoPlist = "IPA安装包中未找到Info.plist";
    public const string BadInfoPlist = "IPA安装包中的Info.plist无法解析";
    public const string NoBundleId = "IPA安装包的Info.plist中缺少CFBundleIdentifier";
}
