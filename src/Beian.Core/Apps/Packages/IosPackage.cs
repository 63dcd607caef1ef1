namespace Beian.Core.Apps.Packages;

/// <summary>What an .ipa says about itself, read from Payload/&lt;Name&gt;.app/Info.plist.</summary>
/// <param name="BundleId">CFBundleIdentifier, e.g. "cn.gov.beian.demo".</param>
/// <param name="ShortVersion">CFBundleShortVersionString, the version users see, e.g. "2.3.0".</param>
/// <param name="BuildVersion">CFBundleVersion, the build number.</param>
/// <param name="DisplayName">CFBundleDisplayName, else CFBundleName.</param>
/// <param name="MinimumOsVersion">MinimumOSVersion, e.g. "13.0".</param>
public sealed record IosPackage(
    string BundleId,
    string? ShortVersion,
    string? BuildVersion,
    string? DisplayName,
    string? MinimumOsVersion);
