using System.Buffers.Binary;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// The APK Signing Block right before the central directory: <c>size (uint64), ID-value pairs, size (uint64),
/// "APK Sig Block 42"</c>. Keeps the values of the v2 and v3 pairs and ignores the others (padding, v3.1,
/// source stamp …). The pairs are walked by seeking; the block itself is never loaded.
/// </summary>
/// <param name="Offset">Where the block starts: the end of the ZIP entries section of the content digest.</param>
internal sealed record ApkSigningBlock(long Offset, byte[]? V2, byte[]? V3)
{
    public const uint V2BlockId = 0x7109871a;
    public const uint V3BlockId = 0xf05368c0;
    private const int FooterSize = 24;
    private const int PairHeaderSize = 12;
    private const int MaxPairs = 1000;
    private const int MaxSchemeBlockBytes = 4 * 1024 * 1024;
    private static readonly byte[] Magic = "APK Sig Block 42"u8.ToArray();

    /// <summary>The block before the central directory, null when there is none (no v2/v3 signature).</summary>
    public static ApkSigningBlock? Find(Stream stream, ZipSections zip)
    {
        var end = zip.CentralDirectoryOffset;
        if (end < FooterSize + 8) return null;
        var footer = stream.ReadAt(end - FooterSize, FooterSize);
        if (!footer.AsSpan(8).SequenceEqual(Magic)) return null;

        var size = BinaryPrimitives.ReadUInt64LittleEndian(footer);
        if (size < FooterSize || size > (ulong)(end - 8)) throw Invalid();
        var offset = end - (long)size - 8;
        if (BinaryPrimitives.ReadUInt64LittleEndian(stream.ReadAt(offset, 8)) != size) throw Invalid();
        return ReadPairs(stream, offset, end - FooterSize);
    }

    private static ApkSigningBlock ReadPairs(Stream stream, long offset, long pairsEnd)
    {
        byte[]? v2 = null, v3 = null;
        var at = offset + 8;
        for (var pairs = 0; at < pairsEnd; pairs++)
        {
            if (pairs == MaxPairs || pairsEnd - at < PairHeaderSize) throw Invalid();
            var header = stream.ReadAt(at, PairHeaderSize);
            var length = BinaryPrimitives.ReadUInt64LittleEndian(header);
            if (length < 4 || length > (ulong)(pairsEnd - at - 8)) throw Invalid();
            var id = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
            if (id == V2BlockId) v2 ??= ReadValue(stream, at, length);
            if (id == V3BlockId) v3 ??= ReadValue(stream, at, length);
            at += 8 + (long)length;
        }
        return new ApkSigningBlock(offset, v2, v3);
    }

    private static byte[] ReadValue(Stream stream, long pairOffset, ulong pairLength)
    {
        var valueLength = pairLength - 4;
        if (valueLength > MaxSchemeBlockBytes) throw Invalid();
        return stream.ReadAt(pairOffset + PairHeaderSize, (int)valueLength);
    }

    private static PackageFormatException Invalid() => new(PackageMessages.SignatureInvalid);
}
