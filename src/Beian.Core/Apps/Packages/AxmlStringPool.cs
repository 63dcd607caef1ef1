using System.Text;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// The string pool chunk of an Android binary XML file: a table of offsets, then strings in UTF-8 (a char count
/// and a byte count, each 1 or 2 bytes, then the bytes) or UTF-16LE (a char count of 1 or 2 uint16, then the chars).
/// Strings are decoded only when asked for; <see cref="Is"/> compares lengths before decoding anything.
/// </summary>
internal sealed class AxmlStringPool
{
    /// <summary>The index that stands for "no string" (e.g. an attribute without namespace).</summary>
    public const uint None = uint.MaxValue;
    private const int MinHeaderSize = 28;
    private const uint Utf8Flag = 0x100;

    private readonly BoundedBytes bytes;
    private readonly AxmlChunk chunk;
    private readonly uint count;
    private readonly long stringsStart;
    private readonly bool utf8;

    private AxmlStringPool(BoundedBytes bytes, AxmlChunk chunk, uint count, long stringsStart, bool utf8)
    {
        this.bytes = bytes;
        this.chunk = chunk;
        this.count = count;
        this.stringsStart = stringsStart;
        this.utf8 = utf8;
    }

    /// <summary>
    /// The pool in <paramref name="chunk"/>. Its offset table must fit the chunk, so a hostile string count is
    /// refused at once instead of being allocated or looped over.
    /// </summary>
    public static AxmlStringPool Read(BoundedBytes bytes, AxmlChunk chunk)
    {
        if (chunk.HeaderSize < MinHeaderSize) throw bytes.Malformed();
        var count = bytes.UInt32LittleEndian(chunk.Offset + 8);
        var flags = bytes.UInt32LittleEndian(chunk.Offset + 16);
        var stringsStart = bytes.UInt32LittleEndian(chunk.Offset + 20);
        if (count * 4L > chunk.Size - chunk.HeaderSize || stringsStart > chunk.Size) throw bytes.Malformed();
        return new AxmlStringPool(bytes, chunk, count, chunk.Offset + stringsStart, (flags & Utf8Flag) != 0);
    }

    /// <summary>The string at <paramref name="index"/>.</summary>
    public string Get(uint index)
    {
        var (_, at, byteCount) = Locate(index);
        var data = bytes.Span(at, byteCount);
        return utf8 ? Encoding.UTF8.GetString(data) : Encoding.Unicode.GetString(data);
    }

    /// <summary>Whether the string at <paramref name="index"/> is <paramref name="literal"/> (false for <see cref="None"/>).</summary>
    public bool Is(uint index, string literal)
    {
        if (index == None) return false;
        var (charCount, _, byteCount) = Locate(index);
        return charCount == literal.Length && byteCount <= 3L * literal.Length && Get(index) == literal;
    }

    /// <summary>Where string <paramref name="index"/>'s data lies and how long it is, all inside the chunk.</summary>
    private (long CharCount, long At, long ByteCount) Locate(uint index)
    {
        if (index >= count) throw bytes.Malformed();
        var at = stringsStart + bytes.UInt32LittleEndian(chunk.Offset + chunk.HeaderSize + index * 4L);
        var (charCount, byteCount) = utf8 ? Utf8Lengths(ref at) : Utf16Length(ref at);
        if (at > chunk.End - byteCount) throw bytes.Malformed();
        return (charCount, at, byteCount);
    }

    private (long, long) Utf8Lengths(ref long at)
    {
        var charCount = Utf8Length(ref at);
        return (charCount, Utf8Length(ref at));
    }

    private long Utf8Length(ref long at)
    {
        long length = bytes.Byte(at++);
        return (length & 0x80) == 0 ? length : (length & 0x7f) << 8 | bytes.Byte(at++);
    }

    private (long, long) Utf16Length(ref long at)
    {
        long length = bytes.UInt16LittleEndian(at);
        at += 2;
        if ((length & 0x8000) != 0)
        {
            length = (length & 0x7fff) << 16 | bytes.UInt16LittleEndian(at);
            at += 2;
        }
        return (length, length * 2);
    }
}
