using System.Diagnostics;
using Beian.Core.Apps.Packages;
using static Beian.Core.Tests.Apps.Packages.AxmlAttributeSpec;

namespace Beian.Core.Tests.Apps.Packages;

public class AndroidManifestReaderTests
{
    [Fact]
    public void Reads_the_manifest_aapt_compiled()
    {
        var facts = AndroidManifestReader.Read(Samples.Entry("unsigned.apk", AndroidPackageReader.ManifestEntryName));

        Assert.Equal(new ManifestFacts("cn.gov.beian.demo", "1.4.2", 42, 21), facts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_utf8_and_utf16_string_pools(bool utf8)
    {
        var manifest = new AxmlBuilder(utf8)
            .Start("manifest",
                new AxmlAttributeSpec(null, "package", 0, AxmlValue.String("cn.example.应用")),
                AndroidAttribute("versionCode", AndroidManifestReader.VersionCodeId, AxmlValue.Integer(7)),
                AndroidAttribute("versionName", AndroidManifestReader.VersionNameId, AxmlValue.String("七.0")))
            .Start("uses-sdk", AndroidAttribute("minSdkVersion", AndroidManifestReader.MinSdkVersionId, AxmlValue.Integer(23)))
            .End()
            .End()
            .Build();

        Assert.Equal(new ManifestFacts("cn.example.应用", "七.0", 7, 23), AndroidManifestReader.Read(manifest));
    }

    [Fact]
    public void Attributes_are_matched_by_resource_id_whatever_their_name()
    {
        var manifest = new AxmlBuilder(utf8: true)
            .Start("manifest",
                new AxmlAttributeSpec(null, "package", 0, AxmlValue.String("a.b")),
                AndroidAttribute("x", AndroidManifestReader.VersionCodeId, AxmlValue.Integer(9)),
                AndroidAttribute("y", AndroidManifestReader.VersionNameId, AxmlValue.String("9.9")))
            .End()
            .Build();

        Assert.Equal(new ManifestFacts("a.b", "9.9", 9, null), AndroidManifestReader.Read(manifest));
    }

    [Fact]
    public void Without_a_resource_map_android_attributes_are_matched_by_name()
    {
        var manifest = new AxmlBuilder(utf8: false, withResourceMap: false)
            .Start("manifest",
                new AxmlAttributeSpec(null, "package", 0, AxmlValue.String("a.b")),
                new AxmlAttributeSpec("urn:other", "versionCode", 0, AxmlValue.Integer(1)),
                AndroidAttribute("versionCode", AndroidManifestReader.VersionCodeId, AxmlValue.Integer(5)))
            .Start("uses-sdk", AndroidAttribute("minSdkVersion", AndroidManifestReader.MinSdkVersionId, AxmlValue.String("19")))
            .End()
            .End()
            .Build();

        Assert.Equal(new ManifestFacts("a.b", null, 5, 19), AndroidManifestReader.Read(manifest));
    }

    [Fact]
    public void Typed_values_are_read_as_android_reads_them()
    {
        var manifest = new AxmlBuilder(utf8: true)
            .Start("manifest",
                new AxmlAttributeSpec(null, "package", 0, AxmlValue.String("a.b")),
                AndroidAttribute("versionCode", AndroidManifestReader.VersionCodeId, AxmlValue.String("300")),
                AndroidAttribute("versionCodeMajor", AndroidManifestReader.VersionCodeMajorId, AxmlValue.Integer(2)),
                AndroidAttribute("versionName", AndroidManifestReader.VersionNameId, AxmlValue.Reference(0x7f0e0001)))
            .Start("uses-sdk", AndroidAttribute("minSdkVersion", AndroidManifestReader.MinSdkVersionId, AxmlValue.String("Tiramisu")))
            .End()
            .End()
            .Build();

        Assert.Equal(new ManifestFacts("a.b", null, (2L << 32) + 300, null), AndroidManifestReader.Read(manifest));
    }

    [Fact]
    public void Only_the_first_uses_sdk_directly_under_manifest_counts()
    {
        var manifest = new AxmlBuilder(utf8: true)
            .Start("manifest", new AxmlAttributeSpec(null, "package", 0, AxmlValue.String("a.b")))
            .Start("application").Start("uses-sdk", AndroidAttribute("minSdkVersion", AndroidManifestReader.MinSdkVersionId, AxmlValue.Integer(1))).End().End()
            .Start("uses-sdk", AndroidAttribute("minSdkVersion", AndroidManifestReader.MinSdkVersionId, AxmlValue.Integer(26))).End()
            .Start("uses-sdk", AndroidAttribute("minSdkVersion", AndroidManifestReader.MinSdkVersionId, AxmlValue.Integer(30))).End()
            .End()
            .Build();

        Assert.Equal(26, AndroidManifestReader.Read(manifest).MinSdkVersion);
    }

    [Fact]
    public void Manifest_without_package_is_refused()
    {
        var manifest = new AxmlBuilder(utf8: true)
            .Start("manifest", AndroidAttribute("versionCode", AndroidManifestReader.VersionCodeId, AxmlValue.Integer(1)))
            .End()
            .Build();

        AssertRefused(manifest);
    }

    [Fact]
    public void Root_other_than_manifest_is_refused()
    {
        AssertRefused(new AxmlBuilder(utf8: true).Start("application", new AxmlAttributeSpec(null, "package", 0, AxmlValue.String("a.b"))).End().Build());
    }

    [Fact]
    public void Huge_string_count_is_refused_fast()
    {
        var stopwatch = Stopwatch.StartNew();

        AssertRefused(HugeStringCount());

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData(0x0003, 8, 0x7fffffff)]    // document size beyond the data
    [InlineData(0x0003, 4, 16)]            // header smaller than a chunk header
    [InlineData(0x0003, 32, 16)]           // header larger than the chunk
    [InlineData(0x0102, 8, 16)]            // not an XML document
    public void Malformed_chunk_headers_are_refused(int type, int headerSize, int size)
    {
        var document = new byte[16];
        BitConverter.GetBytes((ushort)type).CopyTo(document, 0);
        BitConverter.GetBytes((ushort)headerSize).CopyTo(document, 2);
        BitConverter.GetBytes(size).CopyTo(document, 4);

        AssertRefused(document);
    }

    [Fact]
    public void String_index_and_string_length_beyond_the_pool_are_refused()
    {
        var manifest = new AxmlBuilder(utf8: false)
            .Start("manifest", new AxmlAttributeSpec(null, "package", 0, AxmlValue.String("a.b")))
            .End()
            .Build();
        var packageLength = manifest.AsSpan().IndexOf("a\0.\0b\0"u8) - 2;

        AssertRefused(Changed(manifest, packageLength, 0xff, 0x7f));   // a string of 32767 characters
        AssertRefused(Changed(manifest, packageLength, 0xff, 0xff, 0xff, 0xff));   // the long form, 2^31 characters
    }

    [Fact]
    public void Attribute_count_beyond_the_element_is_refused()
    {
        var manifest = new AxmlBuilder(utf8: true)
            .Start("manifest", new AxmlAttributeSpec(null, "package", 0, AxmlValue.String("a.b")))
            .End()
            .Build();
        var element = manifest.AsSpan().IndexOf(new byte[] { 0x02, 0x01, 0x10, 0x00 });   // start element, header size 16

        AssertRefused(Changed(manifest, element + 16 + 12, 0xff, 0xff));
    }

    /// <summary>An AXML document whose string pool claims 2^31 - 1 strings in a 36-byte chunk.</summary>
    internal static byte[] HugeStringCount()
    {
        byte[] poolHeader = [.. BitConverter.GetBytes(int.MaxValue), 0, 0, 0, 0, 0, 0, 0, 0, .. BitConverter.GetBytes(28), 0, 0, 0, 0, 0, 0, 0, 0];
        return AxmlBuilder.Chunk(0x0003, 8, AxmlBuilder.Chunk(0x0001, 28, poolHeader));
    }

    private static byte[] Changed(byte[] data, int at, params byte[] bytes)
    {
        var changed = data.ToArray();
        bytes.CopyTo(changed, at);
        return changed;
    }

    private static void AssertRefused(byte[] manifest)
    {
        var error = Assert.Throws<PackageFormatException>(() => AndroidManifestReader.Read(manifest));
        Assert.Equal(PackageMessages.BadAndroidManifest, error.Message);
    }
}
