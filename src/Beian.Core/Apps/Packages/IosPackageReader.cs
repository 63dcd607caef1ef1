using System.IO.Compression;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// Reads an uploaded .ipa: a ZIP with exactly one application bundle <c>Payload/&lt;Name&gt;.app/</c> whose
/// Info.plist (binary or XML) gives the bundle id, versions, display name and minimum iOS version.
/// Like <see cref="AndroidPackageReader"/> it expects hostile input and never throws for a malformed package.
/// </summary>
public static class IosPackageReader
{
    /// <summary>Decompressed size limit of Info.plist (real ones are a few KB).</summary>
    public const int MaxInfoPlistBytes = 4 * 1024 * 1024;
    /// <summary>
    /// How many entries an .ipa may declare (large apps have tens of thousands), and how large its central directory
    /// may be: ZipArchive keeps every entry in memory, so a hostile central directory is refused before it is opened.
    /// </summary>
    public const int MaxEntries = 200_000;
    public const int MaxCentralDirectoryBytes = 64 * 1024 * 1024;

    private const string Payload = "Payload/";

    /// <summary>
    /// Reads the .ipa in <paramref name="package"/>, a seekable stream holding the file (e.g. the FileStream of the
    /// uploaded temp file). The stream is left open.
    /// </summary>
    public static PackageReading<IosPackage> Read(Stream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        try
        {
            return PackageReading<IosPackage>.Success(ReadPackage(package));
        }
        catch (PackageFormatException e)
        {
            return PackageReading<IosPackage>.Failure(e.Message);
        }
    }

    private static IosPackage ReadPackage(Stream stream)
    {
        using var zip = OpenZip(stream);
        var app = PackageFormatException.Guard(PackageMessages.NotIpa, () => AppBundle(zip));
        return Package(PropertyList.ReadDictionary(ReadInfoPlist(zip, app)));
    }

    /// <summary>The .ipa as a ZIP, once what its central directory declares is known to be bounded.</summary>
    private static ZipArchive OpenZip(Stream stream) => PackageFormatException.Guard(PackageMessages.NotIpa, () =>
    {
        var (entries, directoryBytes) = ZipEnd.Find(stream, PackageMessages.NotIpa).DeclaredDirectory(stream);
        if (entries > MaxEntries || directoryBytes > MaxCentralDirectoryBytes)
        {
            throw new PackageFormatException(PackageMessages.TooManyEntries);
        }
        return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
    });

    private static byte[] ReadInfoPlist(ZipArchive zip, string app)
    {
        var entry = PackageStreams.SingleEntry(zip, $"{Payload}{app}/Info.plist", PackageMessages.BadInfoPlist)
            ?? throw new PackageFormatException(PackageMessages.NoInfoPlist);
        return PackageFormatException.Guard(PackageMessages.BadInfoPlist,
            () => PackageStreams.ReadEntry(entry, MaxInfoPlistBytes, PackageMessages.BadInfoPlist));
    }

    /// <summary>The name of the one "&lt;Name&gt;.app" folder directly under Payload/.</summary>
    private static string AppBundle(ZipArchive zip)
    {
        var apps = zip.Entries
            .Select(entry => entry.FullName)
            .Where(name => name.StartsWith(Payload, StringComparison.Ordinal))
            .Select(name => name[Payload.Length..].Split('/')[0])
            .Where(folder => folder.Length > ".app".Length && folder.EndsWith(".app", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Take(2)
            .ToList();
        return apps.Count switch
        {
            0 => throw new PackageFormatException(PackageMessages.NotIpa),
            1 => apps[0],
            _ => throw new PackageFormatException(PackageMessages.SeveralApps),
        };
    }

    private static IosPackage Package(IReadOnlyDictionary<string, object?> info)
    {
        var bundleId = Text(info, "CFBundleIdentifier");
        if (string.IsNullOrWhiteSpace(bundleId)) throw new PackageFormatException(PackageMessages.NoBundleId);
        return new IosPackage(
            bundleId,
            Text(info, "CFBundleShortVersionString"),
            Text(info, "CFBundleVersion"),
            Text(info, "CFBundleDisplayName") ?? Text(info, "CFBundleName"),
            Text(info, "MinimumOSVersion"));
    }

    private static string? Text(IReadOnlyDictionary<string, object?> info, string key) =>
        info.GetValueOrDefault(key) as string;
}
