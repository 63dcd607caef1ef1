using System.IO.Compression;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// Reads an uploaded APK: the package name, version and minimum SDK from its binary AndroidManifest.xml, and the
/// signing certificates from its verified v1/v2/v3 signatures, so applicants need not look the fingerprints up
/// with keytool or apksigner. Hostile input is expected: every malformed structure ends in an error message for
/// the applicant, nothing is allocated by a length the file states without a bound, and the file is read by
/// seeking, never whole.
/// </summary>
public static class AndroidPackageReader
{
    public const string ManifestEntryName = "AndroidManifest.xml";

    /// <summary>Decompressed size limit of AndroidManifest.xml (real ones are a few KB to a few hundred KB).</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Reads the APK in <paramref name="package"/>, a seekable stream holding the file from position 0 (e.g. the
    /// FileStream of the uploaded temp file). The stream is left open. Never throws for a malformed package.
    /// </summary>
    public static PackageReading<AndroidPackage> Read(Stream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        try
        {
            return PackageReading<AndroidPackage>.Success(ReadPackage(package));
        }
        catch (PackageFormatException e)
        {
            return PackageReading<AndroidPackage>.Failure(e.Message);
        }
    }

    private static AndroidPackage ReadPackage(Stream stream)
    {
        var sections = PackageFormatException.Guard(PackageMessages.NotApk, () => ZipSections.Find(stream));
        using var zip = PackageFormatException.Guard(PackageMessages.NotApk, () => new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true));
        var manifestBytes = ReadManifestEntry(zip);
        var manifest = AndroidManifestReader.Read(manifestBytes);
        var signatures = ApkSignatures.Verify(stream, sections, zip, manifestBytes);
        return new AndroidPackage(
            manifest.PackageName, manifest.VersionName, manifest.VersionCode, manifest.MinSdkVersion,
            signatures.Schemes, signatures.Certificates);
    }

    private static byte[] ReadManifestEntry(ZipArchive zip)
    {
        var entry = PackageFormatException.Guard(PackageMessages.NotApk,
                () => PackageStreams.SingleEntry(zip, ManifestEntryName, PackageMessages.NotApk))
            ?? throw new PackageFormatException(PackageMessages.NoAndroidManifest);
        return PackageFormatException.Guard(PackageMessages.BadAndroidManifest,
            () => PackageStreams.ReadEntry(entry, MaxManifestBytes, PackageMessages.BadAndroidManifest));
    }
}
