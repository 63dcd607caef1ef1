using System.Diagnostics;
using System.Text;
using Beian.Core.Apps.Packages;

namespace Beian.Core.Tests.Apps.Packages;

public class PropertyListTests
{
    private static readonly DateTime Epoch = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Binary_plist_values_of_every_type_are_read()
    {
        var info = PropertyList.ReadDictionary(Samples.Entry("binary-plist.ipa", "Payload/Demo.app/Info.plist"));

        Assert.Equal("备案示例", info["CFBundleDisplayName"]);                 // UTF-16BE string
        Assert.Equal("cn.gov.beian.demo", info["CFBundleIdentifier"]);        // ASCII string
        Assert.Equal(new List<object?> { 1L, 2L }, info["UIDeviceFamily"]);   // array of ints
        Assert.Equal(true, info["LSRequiresIPhoneOS"]);
        Assert.Equal(true, Assert.IsType<Dictionary<string, object?>>(info["UIRequiredDeviceCapabilities"])["arm64"]);
    }

    [Fact]
    public void Binary_plist_reals_dates_data_and_big_ints_are_read()
    {
        // Objects: 0 dict {1:2, 3:4, 5:6, 7:8}; keys "r", "d", "b", "i"; 2 real 1.5; 4 date 60 s after 2001; 6 data 0xCAFE; 8 int -2.
        var plist = BinaryPlist(0,
            [0xD4, 1, 3, 5, 7, 2, 4, 6, 8],
            [0x51, (byte)'r'], [0x23, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0],
            [0x51, (byte)'d'], [0x33, 0x40, 0x4E, 0, 0, 0, 0, 0, 0],
            [0x51, (byte)'b'], [0x42, 0xCA, 0xFE],
            [0x51, (byte)'i'], [0x13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE]);

        var dict = PropertyList.ReadDictionary(plist);

        Assert.Equal(1.5, dict["r"]);
        Assert.Equal(Epoch.AddSeconds(60), dict["d"]);
        Assert.Equal(new byte[] { 0xCA, 0xFE }, dict["b"]);
        Assert.Equal(-2L, dict["i"]);
    }

    [Fact]
    public void Shared_objects_are_decoded_once_so_references_cannot_multiply_the_work()
    {
        // 30 arrays, each holding the next one twice: 2^30 paths, 31 objects.
        var objects = Enumerable.Range(0, 30).Select(i => new byte[] { 0xA2, (byte)(i + 1), (byte)(i + 1) })
            .Append([0x51, (byte)'x'])
            .ToArray();
        var stopwatch = Stopwatch.StartNew();

        var root = BinaryPropertyList.Read(BinaryPlist(0, objects));

        Assert.IsType<List<object?>>(root);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Binary_plist_cycle_is_refused()
    {
        AssertRefused(BinaryPlist(0, [0xA1, 1], [0xA1, 0]));
    }

    [Fact]
    public void Binary_plist_nesting_beyond_the_limit_is_refused()
    {
        var objects = Enumerable.Range(0, 40).Select(i => new byte[] { 0xA1, (byte)(i + 1) }).Append([0x50]).ToArray();

        AssertRefused(BinaryPlist(0, objects));
    }

    [Theory]
    [InlineData(new byte[] { 0x5F, 0x13, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })]   // string of 2^63 characters
    [InlineData(new byte[] { 0xAF, 0x12, 0x7F, 0xFF, 0xFF, 0xFF })]                           // array of 2^31 objects
    [InlineData(new byte[] { 0xD1, 0x05, 0x05 })]                                             // reference to object 5 of 1
    [InlineData(new byte[] { 0x14, 0x00 })]                                                   // 16-byte int cut short
    [InlineData(new byte[] { 0x33, 0x7F, 0xF0, 0, 0, 0, 0, 0, 0 })]                           // date at infinity
    [InlineData(new byte[] { 0x70 })]                                                         // unknown type
    public void Hostile_binary_objects_are_refused(byte[] root)
    {
        AssertRefused(BinaryPlist(0, root));
    }

    [Fact]
    public void Binary_plist_trailer_pointing_outside_is_refused()
    {
        var plist = BinaryPlist(0, [0xD0]);
        plist[^1] = 0xF0;   // offset table beyond the trailer

        AssertRefused(plist);
        AssertRefused("bplist00"u8.ToArray());
    }

    [Fact]
    public void Xml_plist_entities_are_never_expanded()
    {
        const string Bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE plist [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <plist><dict><key>CFBundleIdentifier</key><string>&c;</string></dict></plist>
            """;
        const string External = """
            <?xml version="1.0"?>
            <!DOCTYPE plist [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <plist><dict><key>CFBundleIdentifier</key><string>&secret;</string></dict></plist>
            """;

        AssertRefused(Encoding.UTF8.GetBytes(Bomb));
        AssertRefused(Encoding.UTF8.GetBytes(External));
    }

    [Fact]
    public void Xml_plist_nesting_beyond_the_limit_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("<array>", 40)) + string.Concat(Enumerable.Repeat("</array>", 40));

        AssertRefused(IosPackageReaderTests.Plist($"<key>deep</key>{deep}"));
    }

    [Fact]
    public void Xml_plist_values_of_every_type_are_read()
    {
        var dict = PropertyList.ReadDictionary(IosPackageReaderTests.Plist(
            "<key>s</key><string>x</string><key>i</key><integer>-3</integer><key>r</key><real>2.5</real>"
            + "<key>t</key><true/><key>f</key><false/><key>d</key><date>2001-01-01T00:01:00Z</date>"
            + "<key>b</key><data>yv4=</data><key>a</key><array><integer>1</integer></array>"));

        Assert.Equal("x", dict["s"]);
        Assert.Equal(-3L, dict["i"]);
        Assert.Equal(2.5, dict["r"]);
        Assert.Equal(true, dict["t"]);
        Assert.Equal(false, dict["f"]);
        Assert.Equal(Epoch.AddSeconds(60), dict["d"]);
        Assert.Equal(new byte[] { 0xCA, 0xFE }, dict["b"]);
        Assert.Equal(new List<object?> { 1L }, dict["a"]);
    }

    /// <summary>A bplist00 with the given objects, 1-byte offsets and references.</summary>
    private static byte[] BinaryPlist(int top, params byte[][] objects)
    {
        var plist = new List<byte>("bplist00"u8.ToArray());
        var offsets = new List<byte>();
        foreach (var o in objects)
        {
            offsets.Add((byte)plist.Count);
            plist.AddRange(o);
        }
        var offsetTable = plist.Count;
        plist.AddRange(offsets);
        plist.AddRange(new byte[6]);
        plist.AddRange([1, 1]);
        plist.AddRange(BigEndian(objects.Length));
        plist.AddRange(BigEndian(top));
        plist.AddRange(BigEndian(offsetTable));
        return plist.ToArray();
    }

    private static byte[] BigEndian(long value) => BitConverter.GetBytes(value).Reverse().ToArray();

    private static void AssertRefused(byte[] plist)
    {
        var error = Assert.Throws<PackageFormatException>(() => PropertyList.ReadDictionary(plist));
        Assert.Equal(PackageMessages.BadInfoPlist, error.Message);
    }
}
