using Beian.Core.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Uploads;

/// <summary>
/// One uploaded file: its checked kind, its hash, where its bytes are (<see cref="StorageKey"/>, a
/// random key, never the user's name for it) and who may read it. Until a form that uses it is
/// saved it is unattached and only its owner reads it; unattached files older than two days are
/// purged. Once attached to a draft, subject or application it carries that record's police unit,
/// so that reviewers of that unit and the units above read it too.
/// </summary>
public class StoredFile
{
    public Guid Id { get; set; }
    public string OwnerUserId { get; set; } = string.Empty;
    public UploadPurpose Purpose { get; set; }

    /// <summary>The uploader's name for it, sanitised (<see cref="UploadRules.SanitiseName"/>); for display and the download name only.</summary>
    public string OriginalName { get; set; } = string.Empty;

    /// <summary>The detected type (image/png, image/jpeg, application/pdf), never the browser's claim.</summary>
    public string ContentType { get; set; } = string.Empty;
    public FileKind Kind { get; set; }
    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = string.Empty;
    public string StorageKey { get; set; } = string.Empty;
    public DateTime UploadedAt { get; set; }

    /// <summary>The police unit whose reviewers (and the units above) may read the file; null while it belongs to nobody's review.</summary>
    public string? JurisdictionUnitCode { get; set; }

    /// <summary>What uses the file, e.g. "draft:…", "subject:…", "application:…"; null while unattached.</summary>
    public string? AttachedTo { get; set; }
    public DateTime? AttachedAt { get; set; }

    /// <summary>What reading the file found (an installation package's identifiers and signature), as JSON; null for other files.</summary>
    public string? Inspection { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.OwnerUserId).HasMaxLength(450);
        builder.HasIndex(f => f.OwnerUserId);
        builder.Property(f => f.Purpose).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.OriginalName).HasMaxLength(100);
        builder.Property(f => f.ContentType).HasMaxLength(50);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.StorageKey).HasMaxLength(200);
        builder.HasIndex(f => f.StorageKey).IsUnique();
        builder.Property(f => f.JurisdictionUnitCode).HasMaxLength(6);
        builder.Property(f => f.AttachedTo).HasMaxLength(100);
        builder.HasIndex(f => f.AttachedTo);
        builder.Property(f => f.Inspection).HasMaxLength(16000);
        // The orphan purge looks for unattached files by age.
        builder.HasIndex(f => new { f.AttachedAt, f.UploadedAt });
    }
}
