using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Audit;

/// <summary>
/// 审计日志: one state change or one police read of personal data (SPEC §12): when, who (user,
/// police unit, source IP), what (action, object) and the outcome, with a short detail that never
/// holds personal data in clear. <see cref="ContentHash"/> is computed when the record is written;
/// the sealer (<see cref="AuditSealer"/>) later links it into the hash chain
/// (<see cref="Sequence"/>, <see cref="PreviousHash"/>, <see cref="ChainHash"/>, <see cref="SealedAt"/>).
/// Records are never changed or deleted: the DbContext refuses it and, on PostgreSQL, a trigger.
/// Codes are stored as strings (not enums), so that a tampered value is reported by the verifier
/// instead of failing to load.
/// </summary>
public class AuditRecord
{
    public const int DetailMaxLength = 500;

    public Guid Id { get; private set; }
    public DateTime At { get; private set; }
    public string UserId { get; private set; } = string.Empty;
    public string UserName { get; private set; } = string.Empty;
    public string? UnitCode { get; private set; }
    /// <summary>An <see cref="AuditActions"/> code, e.g. "Approve".</summary>
    public string Action { get; private set; } = string.Empty;
    /// <summary>An <see cref="AuditObjectTypes"/> code, e.g. "Application".</summary>
    public string ObjectType { get; private set; } = string.Empty;
    public string ObjectId { get; private set; } = string.Empty;
    /// <summary>An <see cref="AuditOutcomes"/> code.</summary>
    public string Outcome { get; private set; } = string.Empty;
    public string? SourceIp { get; private set; }
    public string Detail { get; private set; } = string.Empty;
    /// <summary>Lower-case hex SHA-256 of <see cref="AuditHashes.Canonical"/>.</summary>
    public string ContentHash { get; private set; } = string.Empty;

    public long? Sequence { get; private set; }
    public string? PreviousHash { get; private set; }
    public string? ChainHash { get; private set; }
    public DateTime? SealedAt { get; private set; }

    public bool IsSealed => Sequence != null;

    /// <summary>A record not yet attributed: the actor is filled in and the hash computed when it is saved.</summary>
    public static AuditRecord New(string action, string objectType, string objectId, string outcome, string? detail, DateTime atUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        // Microseconds: what PostgreSQL keeps, so the hash of a reloaded record is the same.
        At = new DateTime(atUtc.Ticks - atUtc.Ticks % 10, DateTimeKind.Utc),
        Action = action,
        ObjectType = objectType,
        ObjectId = objectId,
        Outcome = outcome,
        Detail = AuditText.Clean(detail),
    };

    public bool HasActor => UserId.Length > 0;

    /// <summary>A sealed record read back from its archive block (<see cref="AuditBlockFormat"/>), without its hashes until <see cref="LinkArchived"/>.</summary>
    internal static AuditRecord Archived(Guid id, DateTime at, string userId, string userName, string? unitCode, string action,
        string objectType, string objectId, string outcome, string? sourceIp, string detail, long sequence, DateTime sealedAt)
    {
        var record = new AuditRecord
        {
            Id = id, At = at, UserId = userId, UserName = userName, UnitCode = unitCode, Action = action, ObjectType = objectType,
            ObjectId = objectId, Outcome = outcome, SourceIp = sourceIp, Detail = detail, Sequence = sequence, SealedAt = sealedAt,
        };
        return record;
    }

    /// <summary>Recomputes a record read from a block and links it to the chain hash before it (what was stored beside it before it was archived).</summary>
    internal void LinkArchived(string previousHash)
    {
        ContentHash = AuditHashes.Content(this);
        PreviousHash = previousHash;
        ChainHash = AuditHashes.Chain(previousHash, ContentHash);
    }

    internal void AttributeTo(AuditActor actor)
    {
        UserId = Limit(actor.UserId, 450);
        UserName = Limit(actor.UserName, 256);
        UnitCode = actor.UnitCode;
        SourceIp = actor.SourceIp is { } ip ? Limit(ip, 45) : null;
    }

    /// <summary>Fixes the content: attributed to the current actor if nobody yet, then hashed.</summary>
    internal void Complete(AuditActor current)
    {
        if (!HasActor) AttributeTo(current);
        ContentHash = AuditHashes.Content(this);
    }

    internal void Seal(long sequence, string previousHash, DateTime nowUtc)
    {
        if (IsSealed) throw new InvalidOperationException($"Audit record {Id} is sealed already.");
        Sequence = sequence;
        PreviousHash = previousHash;
        ChainHash = AuditHashes.Chain(previousHash, ContentHash);
        SealedAt = nowUtc;
    }

    private static string Limit(string value, int length) => value.Length <= length ? value : value[..length];
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable(AuditSql.Table);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.UnitCode).HasMaxLength(6);
        builder.Property(r => r.Action).HasMaxLength(40);
        builder.Property(r => r.ObjectType).HasMaxLength(40);
        builder.Property(r => r.ObjectId).HasMaxLength(100);
        builder.Property(r => r.Outcome).HasMaxLength(20);
        builder.Property(r => r.SourceIp).HasMaxLength(45);
        builder.Property(r => r.Detail).HasMaxLength(AuditRecord.DetailMaxLength);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.PreviousHash).HasMaxLength(64);
        builder.Property(r => r.ChainHash).HasMaxLength(64);
        // Sealing is "UPDATE … WHERE Id = … AND Sequence IS NULL": a record another sealer got
        // first is not sealed twice, and one sequence number is never given to two records.
        builder.Property(r => r.Sequence).IsConcurrencyToken();
        builder.HasIndex(r => r.Sequence).IsUnique();
        builder.HasIndex(r => new { r.At, r.Id }).HasFilter("\"Sequence\" IS NULL").HasDatabaseName("IX_AuditRecords_Unsealed");
        builder.HasIndex(r => r.At);
        builder.HasIndex(r => new { r.UserName, r.At });
        builder.HasIndex(r => new { r.UnitCode, r.At });
        builder.HasIndex(r => new { r.ObjectType, r.ObjectId });
        builder.Ignore(r => r.IsSealed);
        builder.Ignore(r => r.HasActor);
    }
}
