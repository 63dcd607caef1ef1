using Beian.Core.Content;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Content;

/// <summary>
/// One article of a public 栏目 (通知公告, 备案须知, 政策法规, 常见问题): the administrator's Markdown and,
/// beside it, the sanitised HTML rendered when it was saved (<see cref="ContentMarkdown"/>), so a
/// public page only copies a column. Status changes follow <see cref="ContentStateMachine"/>.
/// </summary>
public class ContentItem : IVersioned
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 50_000;

    public Guid Id { get; private set; }
    public ContentKind Kind { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string BodyMarkdown { get; private set; } = string.Empty;
    public string BodyHtml { get; private set; } = string.Empty;

    /// <summary>The <see cref="ContentMarkdown.Version"/> that rendered <see cref="BodyHtml"/>; older rows are rendered again at start.</summary>
    public int RenderVersion { get; private set; }
    public bool Pinned { get; private set; }
    public ContentStatus Status { get; private set; }

    /// <summary>When it was (first) published, or the time the administrator gave; kept while unpublished.</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>The administrator who wrote it (shown to administrators only; the public sees the platform as the source).</summary>
    public string AuthorUserId { get; private set; } = string.Empty;
    public string AuthorName { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>The key of a starting item put in by <see cref="ContentSeeder"/>; null for an administrator's own.</summary>
    public string? SeedKey { get; private set; }
    public int Version { get; set; }

    public static ContentItem NewDraft(ContentKind kind, string authorUserId, string authorName, DateTime nowUtc, string? seedKey = null) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        Status = ContentStatus.Draft,
        AuthorUserId = authorUserId,
        AuthorName = authorName,
        CreatedAt = nowUtc,
        UpdatedAt = nowUtc,
        SeedKey = seedKey,
    };

    public void Edit(ContentKind kind, string title, string markdown, RenderedBody body, bool pinned, DateTime? publishedAt, DateTime nowUtc)
    {
        Status = ContentStateMachine.Apply(Status, ContentAction.Edit);
        Kind = kind;
        Title = title;
        BodyMarkdown = markdown;
        Pinned = pinned;
        if (publishedAt is not null) PublishedAt = publishedAt;
        UpdatedAt = nowUtc;
        Render(body);
    }

    public void Render(RenderedBody body)
    {
        BodyHtml = body.Html;
        RenderVersion = ContentMarkdown.Version;
    }

    /// <summary>Publishes it; the publication time stays the one given or first set, else it is now.</summary>
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

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("ContentItems");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Title).HasMaxLength(ContentItem.TitleMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AuthorUserId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(100);
        builder.Property(c => c.SeedKey).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // The public lists: one 栏目's published items, pinned first, newest first.
        builder.HasIndex(c => new { c.Kind, c.Status, c.Pinned, c.PublishedAt });
        builder.HasIndex(c => c.SeedKey).IsUnique();
    }
}
