namespace Beian.Core.Apps.Packages;

/// <summary>
/// What an APK says about itself, read from its AndroidManifest.xml and its verified signatures.
/// </summary>
/// <param name="PackageName">The manifest's <c>package</c>, e.g. "cn.gov.beian.demo".</param>
/// <param name="VersionName">android:versionName; null when absent or a resource reference.</param>
/// <param name="VersionCode">
/// android:versionCode (with android:versionCodeMajor in the upper 32 bits, as Android's long version code);
/// 0 when absent or not a number.
/// </param>
/// <param name="MinSdkVersion">&lt;uses-sdk android:minSdkVersion&gt;; null when absent or a preview code name.</param>
/// <param name="Schemes">Every scheme whose signature verified, in the order v1, v2, v3.</param>
/// <param name="Certificates">
/// The signer's certificate first (the v3 signer's if there is one, else v2's, else v1's), then any other
/// certificate of any scheme; distinct by SHA-256.
/// </param>
public sealed record AndroidPackage(
    string PackageName,
    string? VersionName,
    long VersionCode,
    int? MinSdkVersion,
    IReadOnlyList<ApkSignatureScheme> Schemes,
    IReadOnlyList<SigningCertificate> Certificates);
