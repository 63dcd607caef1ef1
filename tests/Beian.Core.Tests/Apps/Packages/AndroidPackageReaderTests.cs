using System.IO.Compression;
using Beian.Core.Apps.Packages;

namespace Beian.Core.Tests.Apps.Packages;

public class AndroidPackageReaderTests
{
    /// <summary>The signed samples and the key each was signed with.</summary>
    public static TheoryData<string, string> SignedSamples => new()
    {
        { "v1-rsa.apk", "rsa-2048" },
        { "v2-rsa.apk", "rsa-2048" },
        { "v2v3-rsa.apk", "rsa-2048" },
        { "v1v2-ec.apk", "ec-p256" },
        { "v1v2-dsa.apk", "dsa-2048" },
        { "v2-rsa4096.apk", "rsa-4096" },
    };

    [Theory]
    [MemberData(nameof(SignedSamples))]
    public void Manifest_facts_are_those_aapt_prints(string sample, string _)
    {
        var package = ReadSigned(sample);
        var section = "apk " + sample;
        const string Aapt = "aapt dump badging";

        Assert.Equal(Samples.Expected(section, Aapt, "^package: name='([^']*)'"), package.PackageName);
        Assert.Equal(long.Parse(Samples.Expected(section, Aapt, "versionCode='([^']*)'")), package.VersionCode);
        Assert.Equal(Samples.Expected(section, Aapt, "versionName='([^']*)'"), package.VersionName);
        Assert.Equal(int.Parse(Samples.Expected(section, Aapt, "^sdkVersion:'([^']*)'")), package.MinSdkVersion);
    }

    [Theory]
    [MemberData(nameof(SignedSamples))]
    public void Schemes_are_exactly_those_apksigner_verified(string sample, string _)
    {
        var expected = new[] { ApkSignatureScheme.V1, ApkSignatureScheme.V2, ApkSignatureScheme.V3 }
            .Where(scheme => Samples.Says("apk " + sample, "apksigner verify", $@"^Verified using v{(int)scheme + 1} scheme .*: true$"));

        Assert.Equal(expected, ReadSigned(sample).Schemes);
    }

    [Theory]
    [MemberData(nameof(SignedSamples))]
    public void Fingerprints_are_those_apksigner_prints(string sample, string _)
    {
        var certificate = Assert.Single(ReadSigned(sample).Certificates);
        string Signer(string fact) => Samples.Expected("apk " + sample, "apksigner verify", $"^Signer #1 {fact}: (.*)$");

        Assert.Equal(Signer("certificate MD5 digest").ToUpperInvariant(), certificate.Md5);
        Assert.Equal(Signer("certificate SHA-1 digest").ToUpperInvariant(), certificate.Sha1);
        Assert.Equal(Signer("certificate SHA-256 digest").ToUpperInvariant(), certificate.Sha256);
        Assert.Equal(Signer("key algorithm"), certificate.PublicKeyAlgorithm);
    }

    [Theory]
    [MemberData(nameof(SignedSamples))]
    public void Certificate_facts_are_those_keytool_and_openssl_print(string sample, string key)
    {
        var certificate = Assert.Single(ReadSigned(sample).Certificates);
        var section = "key " + key;
        const string Keytool = "keytool -printcert -file";
        const string Openssl = "openssl x509 -noout -subject -dates";

        // keytool spells the state ST=, .NET prints S=.
        Assert.Equal(Samples.Expected(section, Keytool, "^Owner: (.*)$").Replace("ST=", "S="), certificate.Subject);
        Assert.Equal(Samples.Hex(Samples.Expected(section, Keytool, @"SHA1: (\S+)")), certificate.Sha1);
        Assert.Equal(Samples.Hex(Samples.Expected(section, Keytool, @"SHA256: (\S+)")), certificate.Sha256);
        Assert.Equal(Samples.Hex(Samples.Expected(section, Openssl, "^md5 Fingerprint=(.*)$")), certificate.Md5);
        Assert.Equal(Samples.OpensslDate(Samples.Expected(section, Openssl, "^notBefore=(.*)$")), certificate.NotBeforeUtc);
        Assert.Equal(Samples.OpensslDate(Samples.Expected(section, Openssl, "^notAfter=(.*)$")), certificate.NotAfterUtc);
        Assert.Equal(DateTimeKind.Utc, certificate.NotBeforeUtc.Kind);
    }

    [Theory]
    [MemberData(nameof(SignedSamples))]
    public void Public_key_is_the_rsa_modulus_or_the_key_bits_openssl_exports(string sample, string key)
    {
        var certificate = Assert.Single(ReadSigned(sample).Certificates);
        var expected = key.StartsWith("rsa", StringComparison.Ordinal)
            ? Samples.Expected("key " + key, "openssl x509 -noout -modulus", "^Modulus=(.*)$")
            : Samples.Expected("key " + key, "public_key_bits", "^PublicKeyBits=(.*)$");

        Assert.Equal(expected, certificate.PublicKey);
    }

    [Theory]
    [InlineData("v1-rsa.apk")]
    [InlineData("v1v2-ec.apk")]
    [InlineData("v1v2-dsa.apk")]
    public void V1_fingerprints_are_those_keytool_reads_from_the_jar(string sample)
    {
        var certificate = Assert.Single(ReadSigned(sample).Certificates);

        Assert.Equal(Samples.Hex(Samples.Expected("apk " + sample, "keytool -printcert -jarfile", @"SHA1: (\S+)")), certificate.Sha1);
        Assert.Equal(Samples.Hex(Samples.Expected("apk " + sample, "keytool -printcert -jarfile", @"SHA256: (\S+)")), certificate.Sha256);
    }

    [Fact]
    public void Unsigned_apk_is_refused()
    {
        Assert.True(Samples.Says("apk unsigned.apk", "apksigner verify", "^DOES NOT VERIFY$"));

        Assert.Equal(PackageMessages.Unsigned, ReadError(Samples.Bytes("unsigned.apk")));
    }

    [Fact]
    public void Tampered_apk_is_refused()
    {
        Assert.True(Samples.Says("apk tampered-v2-rsa.apk", "apksigner verify", "digest mismatch"));

        Assert.Equal(PackageMessages.SignatureInvalid, ReadError(Samples.Bytes("tampered-v2-rsa.apk")));
    }

    [Fact]
    public void Changed_certificate_in_the_v2_signed_data_is_refused()
    {
        var apk = Samples.Bytes("v2-rsa.apk");
        var subject = apk.AsSpan().IndexOf("Beian Test RSA"u8);   // only the certificate in the signing block has it
        Assert.True(subject > 0);
        apk[subject] ^= 1;

        Assert.Equal(PackageMessages.SignatureInvalid, ReadError(apk));
    }

    [Fact]
    public void V1_apk_whose_android_manifest_was_replaced_is_refused()
    {
        var replaced = new AxmlBuilder(utf8: false)
            .Start("manifest", new AxmlAttributeSpec(null, "package", 0, AxmlValue.String("cn.example.impostor")))
            .End()
            .Build();

        var apk = Rewrite(Samples.Bytes("v1-rsa.apk"), AndroidPackageReader.ManifestEntryName, _ => replaced);

        Assert.Equal(PackageMessages.SignatureInvalid, ReadError(apk));
    }

    [Theory]
    [InlineData("META-INF/MANIFEST.MF")]
    [InlineData("META-INF/RSA-2048.SF")]
    public void V1_apk_with_a_changed_signature_file_is_refused(string entry)
    {
        var apk = Rewrite(Samples.Bytes("v1-rsa.apk"), entry, content => [.. content, .. "X-Changed: yes\r\n\r\n"u8]);

        Assert.Equal(PackageMessages.SignatureInvalid, ReadError(apk));
    }

    [Fact]
    public void V1_rewritten_unchanged_still_verifies()
    {
        var apk = Rewrite(Samples.Bytes("v1-rsa.apk"), "META-INF/MANIFEST.MF", content => content);

        var reading = AndroidPackageReader.Read(new MemoryStream(apk));

        Assert.True(reading.Succeeded, reading.Error);
        Assert.Equal([ApkSignatureScheme.V1], reading.Package.Schemes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(1000)]
    [InlineData(-22)]
    [InlineData(-1)]
    public void Truncated_apk_is_not_an_apk(int length)
    {
        var apk = Samples.Bytes("v2v3-rsa.apk");
        var truncated = apk[..(length >= 0 ? length : apk.Length + length)];

        Assert.Equal(PackageMessages.NotApk, ReadError(truncated));
    }

    [Fact]
    public void Zip64_is_not_an_apk()
    {
        Assert.Equal(PackageMessages.NotApk, ReadError(IosPackageReaderTests.Zip64End(entries: 3_000_000, directoryBytes: 1000)));
    }

    [Fact]
    public void Random_bytes_are_not_an_apk()
    {
        var bytes = new byte[64 * 1024];
        new Random(20240601).NextBytes(bytes);

        Assert.Equal(PackageMessages.NotApk, ReadError(bytes));
    }

    [Fact]
    public void Zip_without_android_manifest_is_refused()
    {
        var zip = Zip(("readme.txt", "not an app"u8.ToArray()));

        Assert.Equal(PackageMessages.NoAndroidManifest, ReadError(zip));
    }

    [Fact]
    public void Text_android_manifest_cannot_be_parsed()
    {
        var zip = Zip((AndroidPackageReader.ManifestEntryName, "<manifest package=\"a.b\"/>"u8.ToArray()));

        Assert.Equal(PackageMessages.BadAndroidManifest, ReadError(zip));
    }

    [Fact]
    public void Android_manifest_beyond_the_size_limit_is_not_inflated()
    {
        var zip = Zip((AndroidPackageReader.ManifestEntryName, new byte[AndroidPackageReader.MaxManifestBytes + 1]));
        Assert.True(zip.Length < 64 * 1024);

        Assert.Equal(PackageMessages.BadAndroidManifest, ReadError(zip));
    }

    [Fact]
    public void Two_android_manifests_are_refused()
    {
        var manifest = Samples.Entry("unsigned.apk", AndroidPackageReader.ManifestEntryName);
        var zip = Zip((AndroidPackageReader.ManifestEntryName, manifest), (AndroidPackageReader.ManifestEntryName, manifest));

        Assert.Equal(PackageMessages.NotApk, ReadError(zip));
    }

    [Fact]
    public void Huge_string_count_in_the_manifest_is_refused_at_once()
    {
        var zip = Zip((AndroidPackageReader.ManifestEntryName, AndroidManifestReaderTests.HugeStringCount()));

        Assert.Equal(PackageMessages.BadAndroidManifest, ReadError(zip));
    }

    [Fact]
    public void Reads_from_a_file_stream_and_leaves_it_open()
    {
        using var stream = Samples.Open("v2v3-rsa.apk");

        Assert.True(AndroidPackageReader.Read(stream).Succeeded);
        Assert.True(stream.CanRead);
    }

    private static AndroidPackage ReadSigned(string sample)
    {
        using var stream = Samples.Open(sample);
        var reading = AndroidPackageReader.Read(stream);
        Assert.True(reading.Succeeded, reading.Error);
        Assert.Null(reading.Error);
        return reading.Package;
    }

    private static string? ReadError(byte[] package)
    {
        var reading = AndroidPackageReader.Read(new MemoryStream(package));
        Assert.False(reading.Succeeded);
        Assert.Null(reading.Package);
        return reading.Error;
    }

    /// <summary>A copy of a ZIP with one entry's content changed (the others copied as they are).</summary>
    private static byte[] Rewrite(byte[] package, string entryName, Func<byte[], byte[]> change)
    {
        using var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return Zip(source.Entries.Select(entry => (entry.FullName, Content(entry) is var c && entry.FullName == entryName ? change(c) : c)).ToArray());
    }

    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }
        return zip.ToArray();
    }

    private static byte[] Content(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var content = new MemoryStream();
        stream.CopyTo(content);
        return content.ToArray();
    }
}
