using System.Text.Json;
using Beian.Core.Apps;
using Beian.Core.Apps.Packages;
using Beian.Core.Uploads;
using Beian.Web.Features.Uploads;

namespace Beian.Web.Features.Apps;

/// <summary>
/// What the platform read from an uploaded installation package, kept with the file: the identifier
/// (包名 / Bundle ID), the version, and for an APK the verified signature schemes and signing certificates.
/// </summary>
public sealed record InspectedPackage(
    AppPlatform Platform,
    string Identifier,
    string? VersionName,
    string? VersionCode,
    IReadOnlyList<string> Schemes,
    IReadOnlyList<SigningCertificate> Certificates)
{
    /// <summary>The fingerprint the form asks for (MD5 on Android, SHA-1 on iOS) of the signer's certificate first.</summary>
    public IReadOnlyList<string> Fingerprints => Certificates.Select(c => Platform == AppPlatform.Ios ? c.Sha1 : c.Md5).ToList();

    public IReadOnlyList<string> PublicKeys => Certificates.Select(c => AppIdentifiers.NormalizePublicKey(c.PublicKey)).ToList();

    /// <summary>What the rules compare the typed values with.</summary>
    public PackageFacts Facts => new(Identifier, VersionName is { } version ? [version] : [], Fingerprints, PublicKeys);

    public static InspectedPackage? FromJson(string? json) => json == null ? null : JsonSerializer.Deserialize<InspectedPackage>(json);
}

/// <summary>Reads .apk (signature and manifest) and .ipa (Info.plist) uploads with the package readers of Beian.Core.</summary>
public sealed class AppPackageInspector : IPackageInspector
{
    public PackageInspection Inspect(Stream package, FileKind claimed) => claimed == FileKind.Apk ? Apk(package) : Ipa(package);

    private static PackageInspection Apk(Stream package)
    {
        var reading = AndroidPackageReader.Read(package);
        if (!reading.Succeeded) return PackageInspection.Refused(reading.Error);
        var apk = reading.Package;
        return Kept(new InspectedPackage(AppPlatform.Android, apk.PackageName, apk.VersionName, apk.VersionCode.ToString(),
            apk.Schemes.Select(s => s.ToString()).ToList(), apk.Certificates));
    }

    private static PackageInspection Ipa(Stream package)
    {
        var reading = IosPackageReader.Read(package);
        if (!reading.Succeeded) return PackageInspection.Refused(reading.Error);
        var ipa = reading.Package;
        return Kept(new InspectedPackage(AppPlatform.Ios, ipa.BundleId, ipa.ShortVersion, ipa.BuildVersion, [], []));
    }

    private static PackageInspection Kept(InspectedPackage package) => new(JsonSerializer.Serialize(package), null);
}
