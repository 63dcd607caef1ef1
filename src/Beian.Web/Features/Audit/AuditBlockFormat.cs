using System.Text;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Beian.Web.Features.Audit;

/// <summary>
/// The bytes of an <see cref="AuditBlock"/>: a version byte, the record count, then each field for every record in turn
/// (all ids, all times, all user ids …), so that like values lie together, compressed with zstd. A record's time is in
/// microseconds (what the hash and PostgreSQL keep), as the difference from the record before (zigzag varints); the
/// sealing time as its distance in ticks from the record's time. Hashes are left out: they follow from the content. Changing the layout needs a new version byte beside this one.
/// </summary>
public static class AuditBlockFormat
{
    private const byte Version1 = 1;
    private const int Level = 9;
    private const int MaxBlockBytes = 256 << 20;

    public static byte[] Pack(IReadOnlyList<AuditRecord> records)
    {
        using var buffer = new MemoryStream(records.Count * 160);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version1);
            writer.Write7BitEncodedInt(records.Count);
            foreach (var record in records) writer.Write(record.Id.ToByteArray(bigEndian: true));
            var previous = 0L;
            foreach (var record in records)
            {
                var micros = Micros(record.At);
                writer.Write7BitEncodedInt64(ZigZag(micros - previous));
                previous = micros;
            }
            foreach (var record in records) writer.Write7BitEncodedInt64(ZigZag(record.SealedAt!.Value.Ticks - record.At.Ticks));
            Strings(writer, records, r => r.UserId);
            Strings(writer, records, r => r.UserName);
            Strings(writer, records, r => r.UnitCode);
            Strings(writer, records, r => r.Action);
            Strings(writer, records, r => r.ObjectType);
            Strings(writer, records, r => r.ObjectId);
            Strings(writer, records, r => r.Outcome);
            Strings(writer, records, r => r.SourceIp);
            Strings(writer, records, r => r.Detail);
        }
        using var compressor = new Compressor(Level);
        // A checksum in the frame: damage to the stored bytes is told apart from records altered and packed again.
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
        return compressor.Wrap(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)).ToArray();
    }

    /// <summary>The records of a block whose first sequence is <paramref name="firstSequence"/>; a damaged payload throws <see cref="InvalidDataException"/>.</summary>
    public static List<AuditRecord> Unpack(byte[] payload, long firstSequence)
    {
        byte[] bytes;
        try
        {
            using var decompressor = new Decompressor();
            bytes = decompressor.Unwrap(payload, MaxBlockBytes).ToArray();
        }
        catch (ZstdException ex)
        {
            throw new InvalidDataException("The audit block's payload does not decompress.", ex);
        }
        try
        {
            return Read(bytes, firstSequence);
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException("The audit block's payload is damaged.", ex);
        }
    }

    private static List<AuditRecord> Read(byte[] bytes, long firstSequence)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        if (reader.ReadByte() != Version1) throw new InvalidDataException("Unknown audit block version.");
        var count = reader.Read7BitEncodedInt();
        if (count < 0 || count > bytes.Length) throw new InvalidDataException("The audit block's record count is damaged.");
        var ids = new Guid[count];
        for (var i = 0; i < count; i++) ids[i] = new Guid(reader.ReadBytes(16), bigEndian: true);
        var at = new DateTime[count];
        var micros = 0L;
        for (var i = 0; i < count; i++)
        {
            micros += UnZigZag(reader.Read7BitEncodedInt64());
            at[i] = FromMicros(micros);
        }
        var sealedAt = new DateTime[count];
        for (var i = 0; i < count; i++) sealedAt[i] = at[i].AddTicks(UnZigZag(reader.Read7BitEncodedInt64()));
        var userIds = Strings(reader, count);
        var userNames = Strings(reader, count);
        var units = Strings(reader, count);
        var actions = Strings(reader, count);
        var objectTypes = Strings(reader, count);
        var objectIds = Strings(reader, count);
        var outcomes = Strings(reader, count);
        var sourceIps = Strings(reader, count);
        var details = Strings(reader, count);
        if (reader.BaseStream.Position != bytes.Length) throw new InvalidDataException("The audit block has bytes after its records.");
        var records = new List<AuditRecord>(count);
        for (var i = 0; i < count; i++)
            records.Add(AuditRecord.Archived(ids[i], at[i], userIds[i] ?? "", userNames[i] ?? "", units[i], actions[i] ?? "",
                objectTypes[i] ?? "", objectIds[i] ?? "", outcomes[i] ?? "", sourceIps[i], details[i] ?? "", firstSequence + i, sealedAt[i]));
        return records;
    }

    private static void Strings(BinaryWriter writer, IReadOnlyList<AuditRecord> records, Func<AuditRecord, string?> field)
    {
        foreach (var record in records)
        {
            var value = field(record);
            writer.Write(value != null);
            if (value != null) writer.Write(value);
        }
    }

    private static string?[] Strings(BinaryReader reader, int count)
    {
        var values = new string?[count];
        for (var i = 0; i < count; i++) values[i] = reader.ReadBoolean() ? reader.ReadString() : null;
        return values;
    }

    private static long Micros(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    private static DateTime FromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + micros * 10, DateTimeKind.Utc);

    private static long ZigZag(long value) => (value << 1) ^ (value >> 63);

    private static long UnZigZag(long value) => (long)((ulong)value >> 1) ^ -(value & 1);
}
