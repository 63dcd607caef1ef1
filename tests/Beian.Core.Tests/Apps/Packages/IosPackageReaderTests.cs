using System.Buffers.Binary;
using Beian.Core.Apps.Packages;

namespace Beian.Core.Tests.Apps.Packages;

public class IosPackageReaderTests
{
    [Theory]
    [InlineData("binary-plist.ipa")]
    [InlineData("xml-plist.ipa")]
    public void Info_plist_facts_are_those_plistlib_reads(string sample)
    {
        using var stream = Samples.Open(sample);
        var reading = IosPackageReader.Read(stream);
        string Expected(string key) => Samples.Expected("ipa " + sample, "python3 plistlib", $"^{key}=(.*)$");

        Assert.True(reading.Succeeded, reading.Error);
        Assert.Equal(
            new IosPackage(Expected("CFBundleIdentifier"), Expected("CFBundleShortVersionString"), Expected("CFBundleVersion"),
                Expected("CFBundleDisplayName"), Expected("MinimumOSVersion")),
            reading.Package);
    }

    [Fact]
    public void Bundle_name_stands_in_for_a_missing_display_name()
    {
        var ipa = Ipa(Plist("<key>CFBundleIdentifier</key><string>a.b</string><key>CFBundleName</key><string>Demo</string>"));

        Assert.Equal(new IosPackage("a.b", null, null, "Demo", null), Read(ipa).Package);
    }

    [Fact]
    public void Plist_without_bundle_identifier_is_refused()
    {
        using var stream = Samples.Open("no-bundle-id.ipa");

        Assert.Equal(PackageMessages.NoBundleId, IosPackageReader.Read(stream).Error);
    }

    [Fact]
    public void Blank_or_non_string_bundle_identifier_is_refused()
    {
        Assert.Equal(PackageMessages.NoBundleId, Read(Ipa(Plist("<key>CFBundleIdentifier</key><string> </string>"))).Error);
        Assert.Equal(PackageMessages.NoBundleId, Read(Ipa(Plist("<key>CFBundleIdentifier</key><integer>1</integer>"))).Error);
    }

    [Fact]
    public void Apk_is_not_an_ipa()
    {
        Assert.Equal(PackageMessages.NotIpa, Read(Samples.Bytes("v2-rsa.apk")).Error);
    }

    [Fact]
    public void Random_bytes_are_not_an_ipa()
    {
        var bytes = new byte[10_000];
        new Random(7).NextBytes(bytes);

        Assert.Equal(PackageMessages.NotIpa, Read(bytes).Error);
    }

    [Fact]
    public void Truncated_ipa_is_not_an_ipa()
    {
        var ipa = Samples.Bytes("binary-plist.ipa");

        Assert.Equal(PackageMessages.NotIpa, Read(ipa[..(ipa.Length / 2)]).Error);
    }

    [Fact]
    public void Two_apps_in_payload_are_refused()
    {
        var ipa = AndroidPackageReaderTests.Zip(
            ("Payload/One.app/Info.plist", Plist("<key>CFBundleIdentifier</key><string>a.one</string>")),
            ("Payload/Two.app/Info.plist", Plist("<key>CFBundleIdentifier</key><string>a.two</string>")));

        Assert.Equal(PackageMessages.SeveralApps, Read(ipa).Error);
    }

    [Fact]
    public void App_without_info_plist_is_refused()
    {
        var ipa = AndroidPackageReaderTests.Zip(("Payload/Demo.app/Demo", [1, 2, 3]), ("Payload/Demo.app/Frameworks/X.framework/Info.plist", [1]));

        Assert.Equal(PackageMessages.NoInfoPlist, Read(ipa).Error);
    }

    [Theory]
    [InlineData("not a plist")]
    [InlineData("<plist><array><string>x</string></array></plist>")]
    [InlineData("<plist><dict><key>a</key></dict></plist>")]
    [InlineData("<plist><dict><key>a</key><integer>x</integer></dict></plist>")]
    [InlineData("bplist00")]
    public void Unreadable_info_plist_is_refused(string plist)
    {
        Assert.Equal(PackageMessages.BadInfoPlist, Read(Ipa(System.Text.Encoding.UTF8.GetBytes(plist))).Error);
    }

    [Fact]
    public void Info_plist_beyond_the_size_limit_is_not_inflated()
    {
        var ipa = Ipa(new byte[IosPackageReader.MaxInfoPlistBytes + 1]);

        Assert.Equal(PackageMessages.BadInfoPlist, Read(ipa).Error);
    }

    [Fact]
    public void Zip64_ipa_with_more_than_65535_entries_is_read()
    {
        var entries = Enumerable.Range(0, 70_000).Select(i => ($"Payload/Demo.app/r/{i}", Array.Empty<byte>()))
            .Append(("Payload/Demo.app/Info.plist", Plist("<key>CFBundleIdentifier</key><string>a.b</string>")))
            .ToArray();

        Assert.Equal("a.b", Read(AndroidPackageReaderTests.Zip(entries)).Package?.BundleId);
    }

    [Fact]
    public void Zip64_end_record_declaring_millions_of_entries_is_refused_before_the_zip_is_opened()
    {
        Assert.Equal(PackageMessages.TooManyEntries, Read(Zip64End(entries: 3_000_000, directoryBytes: 1000)).Error);
        Assert.Equal(PackageMessages.TooManyEntries, Read(Zip64End(entries: 10, directoryBytes: 1UL << 40)).Error);
    }

    /// <summary>Only the end of a ZIP64 file: its end record, the locator and an EOCD that defers to them.</summary>
    internal static byte[] Zip64End(ulong entries, ulong directoryBytes)
    {
        var end = new byte[56 + 20 + 22];
        var span = end.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x06064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(span[4..], 44);
        BinaryPrimitives.WriteUInt64LittleEndian(span[24..], entries);
        BinaryPrimitives.WriteUInt64LittleEndian(span[32..], entries);
        BinaryPrimitives.WriteUInt64LittleEndian(span[40..], directoryBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(span[56..], 0x07064b50);   // locator, pointing at offset 0
        BinaryPrimitives.WriteUInt32LittleEndian(span[72..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[76..], 0x06054b50);   // EOCD
        BinaryPrimitives.WriteUInt16LittleEndian(span[86..], 0xffff);
        BinaryPrimitives.WriteUInt16LittleEndian(span[84..], 0xffff);
        BinaryPrimitives.WriteUInt32LittleEndian(span[88..], 0xffffffff);
        BinaryPrimitives.WriteUInt32LittleEndian(span[92..], 0xffffffff);
        return end;
    }

    internal static byte[] Plist(string dictContent) => System.Text.Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
        + $"<plist version=\"1.0\"><dict>{dictContent}</dict></plist>");

    private static byte[] Ipa(byte[] infoPlist) => AndroidPackageReaderTests.Zip(("Payload/", []), ("Payload/Demo.app/Info.plist", infoPlist));

    private static PackageReading<IosPackage> Read(byte[] ipa) => IosPackageReader.Read(new MemoryStream(ipa));
}
