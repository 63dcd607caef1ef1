using System.Buffers.Binary;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// Reads the little-endian, uint32-length-prefixed structures of the v2/v3 signature blocks. Every length is
/// checked against what is left, so a hostile length ends the reading with <see cref="PackageMessages.SignatureInvalid"/>.
/// </summary>
internal sealed class LengthPrefixedReader(ReadOnlyMemory<byte> data)
{
    private ReadOnlyMemory<byte> rest = data;

    public bool HasMore => !rest.IsEmpty;

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4).Span);

    /// <summary>A length-prefixed byte sequence.</summary>
    public ReadOnlyMemory<byte> ReadBytes() => Take(ReadUInt32());

    /// <summary>A length-prefixed structure, to be read on its own.</summary>
    public LengthPrefixedReader ReadNested() => new(ReadBytes());

    /// <summary>What is left unread.</summary>
    public ReadOnlyMemory<byte> Remaining => rest;

    /// <summary>
    /// A length-prefixed sequence of length-prefixed elements, each read by <paramref name="readElement"/>;
    /// more than <paramref name="max"/> elements is an error (each may cost a signature check).
    /// </summary>
    public List<T> ReadSequence<T>(int max, Func<LengthPrefixedReader, T> readElement)
    {
        var sequence = ReadNested();
        var elements = new List<T>();
        while (sequence.HasMore)
        {
            if (elements.Count == max) throw Invalid();
            elements.Add(readElement(sequence.ReadNested()));
        }
        return elements;
    }

    private ReadOnlyMemory<byte> Take(uint count)
    {
        if (count > rest.Length) throw Invalid();
        var taken = rest[..(int)count];
        rest = rest[(int)count..];
        return taken;
    }

    private static PackageFormatException Invalid() => new(PackageMessages.SignatureInvalid);
}
