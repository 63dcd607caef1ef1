using System.Buffers.Binary;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// Reads from untrusted bytes (a manifest, a plist): every offset and length is checked against the data in
/// 64-bit arithmetic, so hostile values can neither overflow nor index past the end; a violation throws a
/// <see cref="PackageFormatException"/> with the reader's message.
/// </summary>
internal sealed class BoundedBytes(byte[] data, string error)
{
    public long Length => data.Length;

    public PackageFormatException Malformed() => new(error);

    /// <summary>Throws unless <paramref name="length"/> bytes at <paramref name="offset"/> lie inside the data.</summary>
    public void Check(long offset, long length)
    {
        if (offset < 0 || length < 0 || offset > data.Length - length) throw Malformed();
    }

    public ReadOnlySpan<byte> Span(long offset, long length)
    {
        Check(offset, length);
        return data.AsSpan((int)offset, (int)length);
    }

    public byte Byte(long offset) => Span(offset, 1)[0];

    public ushort UInt16LittleEndian(long offset) => BinaryPrimitives.ReadUInt16LittleEndian(Span(offset, 2));

    public uint UInt32LittleEndian(long offset) => BinaryPrimitives.ReadUInt32LittleEndian(Span(offset, 4));

    /// <summary>An unsigned big-endian integer of 1 to 8 bytes.</summary>
    public ulong UIntBigEndian(long offset, int size)
    {
        if (size is < 1 or > 8) throw Malformed();
        ulong value = 0;
        foreach (var b in Span(offset, size)) value = value << 8 | b;
        return value;
    }
}
