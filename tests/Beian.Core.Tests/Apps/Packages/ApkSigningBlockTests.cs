using System.Buffers.Binary;
using Beian.Core.Apps.Packages;

namespace Beian.Core.Tests.Apps.Packages;

public class ApkSigningBlockTests
{
    [Theory]
    [InlineData("v2-rsa.apk", 0x0103u, null)]
    [InlineData("v2v3-rsa.apk", 0x0103u, 0x0103u)]
    [InlineData("v1v2-ec.apk", 0x0201u, null)]
    [InlineData("v1v2-dsa.apk", 0x0301u, null)]
    [InlineData("v2-rsa4096.apk", 0x0104u, null)]
    public void Samples_cover_the_algorithms_apksigner_chooses(string sample, uint v2Algorithm, uint? v3Algorithm)
    {
        var block = Find(Samples.Bytes(sample))!;

        Assert.Equal([v2Algorithm], SignatureAlgorithms(block.V2!, isV3: false));
        Assert.Equal(v3Algorithm is { } id ? [id] : null, block.V3 is { } v3 ? SignatureAlgorithms(v3, isV3: true) : null);
    }

    [Fact]
    public void Unsigned_apk_has_no_block()
    {
        Assert.Null(Find(Samples.Bytes("unsigned.apk")));
        Assert.Null(Find(Samples.Bytes("v1-rsa.apk")));
    }

    [Fact]
    public void Block_whose_two_sizes_differ_is_refused()
    {
        var apk = Samples.Bytes("v2-rsa.apk");
        var start = BlockStart(apk);
        BinaryPrimitives.WriteUInt64LittleEndian(apk.AsSpan(start), 4000);

        Assert.Equal(PackageMessages.SignatureInvalid, ReadError(apk));
    }

    [Theory]
    [InlineData(ulong.MaxValue)]
    [InlineData(1UL << 40)]
    [InlineData(8UL)]
    public void Block_size_beyond_the_file_or_below_the_footer_is_refused(ulong size)
    {
        var apk = Samples.Bytes("v2-rsa.apk");
        BinaryPrimitives.WriteUInt64LittleEndian(apk.AsSpan(Magic(apk) - 8), size);

        Assert.Equal(PackageMessages.SignatureInvalid, ReadError(apk));
    }

    [Theory]
    [InlineData(ulong.MaxValue)]
    [InlineData(uint.MaxValue + 5UL)]
    [InlineData(3UL)]
    public void Pair_length_beyond_the_block_is_refused(ulong length)
    {
        var apk = Samples.Bytes("v2-rsa.apk");
        BinaryPrimitives.WriteUInt64LittleEndian(apk.AsSpan(BlockStart(apk) + 8), length);

        Assert.Equal(PackageMessages.SignatureInvalid, ReadError(apk));
    }

    [Fact]
    public void Block_without_a_v2_or_v3_pair_is_unsigned()
    {
        var apk = Samples.Bytes("v2-rsa.apk");
        BinaryPrimitives.WriteUInt32LittleEndian(apk.AsSpan(BlockStart(apk) + 16), 0x12345678);

        Assert.Equal(PackageMessages.Unsigned, ReadError(apk));
    }

    [Fact]
    public void Signer_without_a_known_signature_algorithm_is_refused()
    {
        var apk = Samples.Bytes("v2-rsa.apk");
        var value = BlockStart(apk) + 20;                          // the v2 pair's value: signers, signer, signed data …
        var signedData = BinaryPrimitives.ReadInt32LittleEndian(apk.AsSpan(value + 8));
        var algorithm = value + 12 + signedData + 4 + 4;          // … signatures, first signature, its algorithm id
        Assert.Equal(0x0103, BinaryPrimitives.ReadInt32LittleEndian(apk.AsSpan(algorithm)));
        BinaryPrimitives.WriteInt32LittleEndian(apk.AsSpan(algorithm), 0x0421);

        Assert.Equal(PackageMessages.SignatureInvalid, ReadError(apk));
    }

    [Fact]
    public void Central_directory_offset_that_misses_the_eocd_is_not_an_apk()
    {
        var apk = Samples.Bytes("v2-rsa.apk");
        apk[^(22 - 16)] ^= 1;   // the EOCD's central directory offset

        Assert.Equal(PackageMessages.NotApk, ReadError(apk));
    }

    private static ApkSigningBlock? Find(byte[] apk)
    {
        var stream = new MemoryStream(apk);
        return ApkSigningBlock.Find(stream, ZipSections.Find(stream));
    }

    /// <summary>The algorithm ids of the first signer's signatures.</summary>
    private static List<uint> SignatureAlgorithms(byte[] schemeBlock, bool isV3) =>
        new LengthPrefixedReader(schemeBlock).ReadSequence(10, signer =>
        {
            signer.ReadBytes();
            if (isV3)
            {
                signer.ReadUInt32();   // minSdk
                signer.ReadUInt32();   // maxSdk
            }
            return signer.ReadSequence(10, signature => signature.ReadUInt32());
        })[0];

    private static int Magic(byte[] apk) => apk.AsSpan().LastIndexOf("APK Sig Block 42"u8);

    private static int BlockStart(byte[] apk) =>
        Magic(apk) + 16 - (int)BinaryPrimitives.ReadUInt64LittleEndian(apk.AsSpan(Magic(apk) - 8)) - 8;

    private static string? ReadError(byte[] apk)
    {
        var reading = AndroidPackageReader.Read(new MemoryStream(apk));
        Assert.False(reading.Succeeded);
        return reading.Error;
    }
}
