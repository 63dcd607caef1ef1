using System.Buffers.Binary;
using System.Text;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// Reads a binary plist ("bplist00"): a 32-byte trailer at the end gives the size of offsets and object references,
/// the object count, the top object and where the offset table lies; each object starts with a marker byte whose
/// high nibble is its type and low nibble its size (0xF: the size follows as an int object).
/// Objects are decoded once each (a shared object is not decoded again, so references cannot multiply the work),
/// nesting is limited to <see cref="PropertyList.MaxDepth"/> (which also stops reference cycles), and every count
/// is checked against the bytes it would need before anything is allocated.
/// </summary>
internal sealed class BinaryPropertyList
{
    private const int TrailerSize = 32;
    private const int HeaderSize = 8;
    private static readonly DateTime Epoch = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly BoundedBytes bytes;
    private readonly Dictionary<ulong, object?> decoded = [];
    private int offsetSize;
    private int referenceSize;
    private ulong objectCount;
    private long offsetTable;

    private BinaryPropertyList(byte[] plist) => bytes = new BoundedBytes(plist, PackageMessages.BadInfoPlist);

    /// <summary>The top object of the plist.</summary>
    public static object? Read(byte[] plist)
    {
        var reader = new BinaryPropertyList(plist);
        return reader.Object(reader.ReadTrailer(), 0);
    }

    /// <summary>Reads and checks the trailer; returns the top object's index.</summary>
    private ulong ReadTrailer()
    {
        var trailer = bytes.Length - TrailerSize;
        if (trailer < HeaderSize) throw bytes.Malformed();
        offsetSize = bytes.Byte(trailer + 6);
        referenceSize = bytes.Byte(trailer + 7);
        objectCount = bytes.UIntBigEndian(trailer + 8, 8);
        var top = bytes.UIntBigEndian(trailer + 16, 8);
        var table = bytes.UIntBigEndian(trailer + 24, 8);
        if (offsetSize is < 1 or > 8 || referenceSize is < 1 or > 8 || top >= objectCount
            || table < HeaderSize || table > (ulong)trailer || objectCount > ((ulong)trailer - table) / (ulong)offsetSize)
        {
            throw bytes.Malformed();
        }
        offsetTable = (long)table;
        return top;
    }

    private object? Object(ulong index, int depth)
    {
        if (index >= objectCount || depth > PropertyList.MaxDepth) throw bytes.Malformed();
        if (decoded.TryGetValue(index, out var known)) return known;
        var offset = bytes.UIntBigEndian(offsetTable + (long)index * offsetSize, offsetSize);
        if (offset < HeaderSize || offset >= (ulong)offsetTable) throw bytes.Malformed();
        var value = Decode((long)offset, depth);
        decoded[index] = value;
        return value;
    }

    private object? Decode(long at, int depth)
    {
        var marker = bytes.Byte(at);
        var info = marker & 0x0F;
        return (marker >> 4) switch
        {
            0x0 => Simple(info),
            0x1 => Integer(at + 1, info),
            0x2 => Real(at + 1, info),
            0x3 when info == 3 => Epoch.AddSeconds(CheckedSeconds(Real(at + 1, 3))),
            0x4 => Bytes(at, info, 1).ToArray(),
            0x5 => Encoding.ASCII.GetString(Bytes(at, info, 1)),
            0x6 => Encoding.BigEndianUnicode.GetString(Bytes(at, info, 2)),
            0x8 => (long)bytes.UIntBigEndian(at + 1, info + 1),
            0xA or 0xC => Array(at, info, depth),
            0xD => Dictionary(at, info, depth),
            _ => throw bytes.Malformed(),
        };
    }

    private object? Simple(int info) => info switch
    {
        0x0 => null,
        0x8 => false,
        0x9 => true,
        _ => throw bytes.Malformed(),
    };

    /// <summary>An int of 2^info bytes: 1, 2 and 4 are unsigned, 8 is signed, 16 keeps its lower 8 bytes.</summary>
    private long Integer(long at, int info) => info switch
    {
        <= 3 => (long)bytes.UIntBigEndian(at, 1 << info),
        4 => (long)bytes.UIntBigEndian(at + 8, 8),
        _ => throw bytes.Malformed(),
    };

    private double Real(long at, int info) => info switch
    {
        2 => BinaryPrimitives.ReadSingleBigEndian(bytes.Span(at, 4)),
        3 => BinaryPrimitives.ReadDoubleBigEndian(bytes.Span(at, 8)),
        _ => throw bytes.Malformed(),
    };

    /// <summary>Seconds since 2001-01-01 that <see cref="DateTime"/> can hold.</summary>
    private double CheckedSeconds(double seconds) =>
        seconds is > -6.3e10 and < 2.5e11 ? seconds : throw bytes.Malformed();

    /// <summary>
    /// The count of an object and where its content starts: the marker's low nibble, or the int object after it.
    /// No object holds more elements than the plist has bytes.
    /// </summary>
    private (long Count, long Start) Count(long at, int info)
    {
        if (info != 0x0F) return (info, at + 1);
        var intMarker = bytes.Byte(at + 1);
        if (intMarker >> 4 != 0x1 || (intMarker & 0x0F) > 3) throw bytes.Malformed();
        var size = 1 << (intMarker & 0x0F);
        var count = bytes.UIntBigEndian(at + 2, size);
        if (count > (ulong)bytes.Length) throw bytes.Malformed();
        return ((long)count, at + 2 + size);
    }

    /// <summary>The content of a data or string object of <paramref name="unit"/>-byte elements.</summary>
    private ReadOnlySpan<byte> Bytes(long at, int info, int unit)
    {
        var (count, start) = Count(at, info);
        if (count > bytes.Length / unit) throw bytes.Malformed();
        return bytes.Span(start, count * unit);
    }

    /// <summary>The object references of an array or dictionary, each checked to lie inside the data.</summary>
    private List<ulong> References(long start, long count)
    {
        if (count > bytes.Length / referenceSize) throw bytes.Malformed();
        bytes.Check(start, count * referenceSize);
        var references = new List<ulong>((int)count);
        for (long i = 0; i < count; i++) references.Add(bytes.UIntBigEndian(start + i * referenceSize, referenceSize));
        return references;
    }

    private List<object?> Array(long at, int info, int depth)
    {
        var (count, start) = Count(at, info);
        return References(start, count).Select(reference => Object(reference, depth + 1)).ToList();
    }

    private Dictionary<string, object?> Dictionary(long at, int info, int depth)
    {
        var (count, start) = Count(at, info);
        var references = References(start, count * 2);
        var entries = new Dictionary<string, object?>();
        for (var i = 0; i < count; i++)
        {
            if (Object(references[i], depth + 1) is not string key) throw bytes.Malformed();
            entries.TryAdd(key, Object(references[(int)count + i], depth + 1));
        }
        return entries;
    }
}
