namespace Beian.Core.Apps.Packages;

/// <summary>
/// Where the central directory and the End of Central Directory record (EOCD) of an APK lie. The APK Signing Block
/// sits right before the central directory, and the v2/v3 content digest covers these sections.
/// </summary>
/// <param name="EndOfCentralDirectory">The EOCD with its comment, up to the end of the file.</param>
internal sealed record ZipSections(long CentralDirectoryOffset, long CentralDirectorySize, byte[] EndOfCentralDirectory)
{
    /// <summary>
    /// The largest central directory read (65535 entries with long paths take about 15 MB): ZipArchive keeps it in
    /// memory several times over.
    /// </summary>
    public const int MaxCentralDirectoryBytes = 32 * 1024 * 1024;

    /// <summary>
    /// The sections of the APK in <paramref name="stream"/>. Like apksig, refuses ZIP64 (APKs cannot use it) and
    /// requires the central directory to end where the EOCD starts. Without ZIP64 a ZIP declares at most 65535
    /// entries; with the size of the central directory bounded too, opening it with ZipArchive afterwards costs little.
    /// </summary>
    public static ZipSections Find(Stream stream)
    {
        var end = ZipEnd.Find(stream, PackageMessages.NotApk);
        if (end.HasZip64Locator(stream)
            || end.CentralDirectoryOffset + end.CentralDirectorySize != end.Offset
            || end.CentralDirectorySize > MaxCentralDirectoryBytes)
        {
            throw new PackageFormatException(PackageMessages.NotApk);
        }
        return new ZipSections(end.CentralDirectoryOffset, end.CentralDirectorySize, end.Record);
    }
}
