namespace Beian.Core.Apps.Packages;

/// <summary>
/// The header of a chunk of an Android binary XML file: type (uint16), header size (uint16), size (uint32, header
/// included). Read checked: the header fits the chunk and the chunk fits its parent, so walking chunks always
/// moves forward and stays inside the data.
/// </summary>
internal readonly record struct AxmlChunk(ushort Type, int HeaderSize, long Offset, long Size)
{
    public const ushort Xml = 0x0003;
    public const ushort StringPool = 0x0001;
    public const ushort ResourceMap = 0x0180;
    public const ushort StartElement = 0x0102;
    public const ushort EndElement = 0x0103;
    private const int MinHeaderSize = 8;

    public long End => Offset + Size;

    /// <summary>Where the chunk's body (after its header) starts.</summary>
    public long Body => Offset + HeaderSize;

    /// <summary>The chunk at <paramref name="offset"/>, which must end by <paramref name="limit"/>.</summary>
    public static AxmlChunk Read(BoundedBytes bytes, long offset, long limit)
    {
        var chunk = new AxmlChunk(
            bytes.UInt16LittleEndian(offset), bytes.UInt16LittleEndian(offset + 2), offset, bytes.UInt32LittleEndian(offset + 4));
        if (chunk.HeaderSize < MinHeaderSize || chunk.Size < chunk.HeaderSize || chunk.End > limit) throw bytes.Malformed();
        return chunk;
    }
}
