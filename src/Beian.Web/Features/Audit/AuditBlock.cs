using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Audit;

/// <summary>
/// 归档记录: a run of sealed audit records (sequences <see cref="FirstSequence"/> … <see cref="LastSequence"/>, no gap),
/// moved out of <c>AuditRecords</c> by <see cref="AuditArchiver"/> once older than the online period, compressed into one
/// <see cref="Payload"/> (<see cref="AuditBlockFormat"/>). The records' hashes are not stored: they are recomputed from the
/// content, starting at <see cref="PreviousHash"/> (the chain hash before the block) and ending at <see cref="LastChainHash"/>,
/// which the next block or record continues. A block is never changed or deleted (on PostgreSQL a trigger refuses it).
/// </summary>
public class AuditBlock
{
    public long FirstSequence { get; private set; }
    public long LastSequence { get; private set; }
    public int RecordCount { get; private set; }
    /// <summary>The earliest and latest <see cref="AuditRecord.At"/> in the block: what 归档记录's period reads by.</summary>
    public DateTime FromAt { get; private set; }
    public DateTime ToAt { get; private set; }
    public string PreviousHash { get; private set; } = string.Empty;
    public string LastChainHash { get; private set; } = string.Empty;
    public byte[] Payload { get; private set; } = [];
    public DateTime ArchivedAt { get; private set; }

    /// <summary>
    /// The block of <paramref name="records"/>: sealed, in sequence order without a gap, each linked to the one before
    /// (the caller has checked the chain; <see cref="AuditArchiver"/> refuses to archive a broken one).
    /// </summary>
    public static AuditBlock Of(IReadOnlyList<AuditRecord> records, DateTime archivedAtUtc)
    {
        if (records.Count == 0) throw new ArgumentException("A block holds at least one record.", nameof(records));
        return new AuditBlock
        {
            FirstSequence = records[0].Sequence!.Value,
            LastSequence = records[^1].Sequence!.Value,
            RecordCount = records.Count,
            FromAt = records.Min(r => r.At),
            ToAt = records.Max(r => r.At),
            PreviousHash = records[0].PreviousHash!,
            LastChainHash = records[^1].ChainHash!,
            Payload = AuditBlockFormat.Pack(records),
            ArchivedAt = archivedAtUtc,
        };
    }

    /// <summary>The block's records in sequence order, without their hashes: what a search shows.</summary>
    public IReadOnlyList<AuditRecord> Contents() => AuditBlockFormat.Unpack(Payload, FirstSequence);

    /// <summary>The block's records in sequence order, their hashes recomputed from <see cref="PreviousHash"/>.</summary>
    public IReadOnlyList<AuditRecord> Records()
    {
        var records = Contents();
        var previous = PreviousHash;
        foreach (var record in records)
        {
            record.LinkArchived(previous);
            previous = record.ChainHash!;
        }
        return records;
    }
}

internal sealed class AuditBlockConfiguration : IEntityTypeConfiguration<AuditBlock>
{
    public void Configure(EntityTypeBuilder<AuditBlock> builder)
    {
        builder.ToTable(AuditSql.BlockTable);
        builder.HasKey(b => b.FirstSequence);
        builder.Property(b => b.FirstSequence).ValueGeneratedNever();
        builder.HasIndex(b => b.LastSequence).IsUnique();
        builder.HasIndex(b => b.ToAt);
        builder.Property(b => b.PreviousHash).HasMaxLength(64);
        builder.Property(b => b.LastChainHash).HasMaxLength(64);
    }
}
