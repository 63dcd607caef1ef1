using Beian.Core.Content;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Content;

/// <summary>
/// One file of the 下载中心: an administrator's upload, its bytes in the file storage under
/// <see cref="StorageKey"/>; or one of the platform's own templates (<see cref="TemplateKey"/>,
/// <see cref="DownloadTemplates"/>), whose bytes are made from the code that reads them, until an
/// administrator replaces the file. Same statuses as the articles.
/// </summary>
public class DownloadItem : IVersioned
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    public Guid Id { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string? Description { get; private set; }

    /// <summary>The name offered for saving, sanitised, with the kind's own extension.</summary>
    public string FileName { get; private set; } = string.Empty;
    public DownloadFileKind Kind { get; private set; }

    /// <summary>The detected type it is served as, never the browser's claim.</summary>
    public string ContentType { get; private set; } = string.Empty;
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = string.Empty;
    public string? StorageKey { get; private set; }

    /// <summary>Which built-in template this row offers (and the seeder's key for it); null for an upload.</summary>
    public string? TemplateKey { get; private set; }
    public ContentStatus Status { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public string AuthorUserId { get; private set; } = string.Empty;
    public string AuthorName { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; set; }

    public static DownloadItem NewDraft(string authorUserId, string authorName, DateTime nowUtc, string? templateKey = null) => new()
    {
        Id = Guid.CreateVersion7(),
        Status = ContentStatus.Draft,
        AuthorUserId = authorUserId,
        AuthorName = authorName,
        CreatedAt = nowUtc,
        UpdatedAt = nowUtc,
        TemplateKey = templateKey,
    };

    /// <summary>True while the bytes come from a built-in template rather than the storage.</summary>
    public bool IsTemplate => StorageKey is null && TemplateKey is not null;

    public void Describe(string title, string? description, DateTime nowUtc)
    {
        Status = ContentStateMachine.Apply(Status, ContentAction.Edit);
        Title = title;
        Description = string.IsNullOrWhiteSpace(description) ? null : description;
        UpdatedAt = nowUtc;
    }

    /// <summary>Points the row at a new file; returns the storage key of the file it replaces, if any.</summary>
    public string? ReplaceFile(StoredDownload file, DateTime nowUtc)
    {
        Status = ContentStateMachine.Apply(Status, ContentAction.Edit);
        var previous = StorageKey;
        FileName = file.FileName;
        Kind = file.Kind;
        ContentType = file.ContentType;
        Size = file.Size;
        Sha256 = file.Sha256;
        StorageKey = file.StorageKey;
        UpdatedAt = nowUtc;
        return previous;
    }

    public void Publish(DateTime nowUtc)
    {
        Status = ContentStateMachine.Apply(Status, ContentAction.Publish);
        PublishedAt ??= nowUtc;
        UpdatedAt = nowUtc;
    }

    public void Unpublish(DateTime nowUtc)
    {
        Status = ContentStateMachine.Apply(Status, ContentAction.Unpublish);
        UpdatedAt = nowUtc;
    }

    public void Delete(DateTime nowUtc)
    {
        Status = ContentStateMachine.Apply(Status, ContentAction.Delete);
        UpdatedAt = nowUtc;
    }
}

/// <summary>A checked file: its name, kind, type, size, hash and where its bytes are (null for a template's).</summary>
public sealed record StoredDownload(string FileName, DownloadFileKind Kind, string ContentType, long Size, string Sha256, string? StorageKey);

internal sealed class DownloadItemConfiguration : IEntityTypeConfiguration<DownloadItem>
{
    public void Configure(EntityTypeBuilder<DownloadItem> builder)
    {
        builder.ToTable("DownloadItems");
        builder.Property(d => d.Title).HasMaxLength(DownloadItem.TitleMaxLength);
        builder.Property(d => d.Description).HasMaxLength(DownloadItem.DescriptionMaxLength);
        builder.Property(d => d.FileName).HasMaxLength(100);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.StorageKey).HasMaxLength(200);
        builder.Property(d => d.TemplateKey).HasMaxLength(50);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.AuthorUserId).HasMaxLength(450);
        builder.Property(d => d.AuthorName).HasMaxLength(100);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.Status, d.PublishedAt });
        builder.HasIndex(d => d.TemplateKey).IsUnique();
    }
}
