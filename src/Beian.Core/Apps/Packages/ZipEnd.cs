using System.Buffers.Binary;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// The End of Central Directory record (EOCD) that ends a ZIP file, found by seeking from the end: the last EOCD
/// signature whose comment runs exactly to the end of the file (as apksig requires).
/// </summary>
/// <param name="Record">The record with its comment (at most 64 KiB).</param>
internal sealed record ZipEnd(long Offset, byte[] Record)
{
    public const int CentralDirectoryOffsetField = 16;
    private const int RecordSize = 22;
    private const uint Signature = 0x06054b50;
    private const int Zip64LocatorSize = 20;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const int Zip64RecordSize = 56;
    private const uint Zip64RecordSignature = 0x06064b50;

    public long EntryCount => BinaryPrimitives.ReadUInt16LittleEndian(Record.AsSpan(10));

    public long CentralDirectorySize => BinaryPrimitives.ReadUInt32LittleEndian(Record.AsSpan(12));

    public long CentralDirectoryOffset => BinaryPrimitives.ReadUInt32LittleEndian(Record.AsSpan(CentralDirectoryOffsetField));

    /// <summary>The EOCD of the ZIP file in <paramref name="stream"/>; throws <paramref name="error"/> when there is none.</summary>
    public static ZipEnd Find(Stream stream, string error)
    {
        var tailLength = (int)Math.Min(stream.Length, RecordSize + ushort.MaxValue);
        if (tailLength < RecordSize) throw new PackageFormatException(error);
        var tail = stream.ReadAt(stream.Length - tailLength, tailLength);
        for (var at = tail.Length - RecordSize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) == Signature
                && BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 20)) == tail.Length - at - RecordSize)
            {
                return new ZipEnd(stream.Length - tailLength + at, tail[at..]);
            }
        }
        throw new PackageFormatException(error);
    }

    /// <summary>Whether a ZIP64 end locator precedes the record (an APK must not have one).</summary>
    public bool HasZip64Locator(Stream stream) =>
        Offset >= Zip64LocatorSize
        && BinaryPrimitives.ReadUInt32LittleEndian(stream.ReadAt(Offset - Zip64LocatorSize, 4)) == Zip64LocatorSignature;

    /// <summary>
    /// How many entries and how many central-directory bytes the file declares, from the ZIP64 end record when
    /// there is one. .NET's ZipArchive keeps an object, a name and the extra fields of every entry in memory, so
    /// callers bound these before a ZIP is opened: a central directory of millions of tiny records would cost gigabytes.
    /// </summary>
    public (ulong Entries, ulong Bytes) DeclaredDirectory(Stream stream)
    {
        if (!HasZip64Locator(stream)) return ((ulong)EntryCount, (ulong)CentralDirectorySize);
        var locator = stream.ReadAt(Offset - Zip64LocatorSize, Zip64LocatorSize);
        var recordOffset = BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8));
        if (recordOffset > (ulong)stream.Length) throw new EndOfStreamException();
        var record = stream.ReadAt((long)recordOffset, Zip64RecordSize);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64RecordSignature) throw new InvalidDataException();
        var entries = Math.Max(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(24)), BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)));
        return (entries, BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40)));
    }
}
