using Beian.Core.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Police.Exports;

/// <summary>
/// An export too large to write while the officer waits: asked from a list page with its filter, written by
/// whichever node claims it first (<see cref="ClaimedBy"/> until <see cref="ClaimExpiresAt"/>, renewed as it
/// goes; a node that dies loses the claim and another starts again), then kept in file storage for its officer
/// alone until <see cref="ExpiresAt"/>.
/// </summary>
public class BackgroundExport
{
    public Guid Id { get; private set; }
    /// <summary>The list (<see cref="IListExport.Kind"/>) and its filter as the page held it.</summary>
    public string Kind { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Filter { get; private set; } = string.Empty;
    public string RequestedByUserId { get; private set; } = string.Empty;
    public DateTime RequestedAt { get; private set; }
    /// <summary>The Beijing date of the request: the file is named after it, as a download of the moment would be.</summary>
    public DateOnly RequestedOn { get; private set; }
    public BackgroundExportStatus Status { get; private set; }
    /// <summary>The rows counted when asked, and those written so far.</summary>
    public long RowsTotal { get; private set; }
    public long RowsWritten { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTime? ClaimExpiresAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    /// <summary>When the row and its file go: a time after asking, then the same time after completing.</summary>
    public DateTime ExpiresAt { get; private set; }
    public string? StorageKey { get; private set; }
    public long? FileSize { get; private set; }

    public static BackgroundExport Ask(IListExport list, string filter, string userId, long rowsTotal, DateTime nowUtc, DateOnly beijingToday,
        TimeSpan keep) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = list.Kind,
        Title = list.Title,
        Filter = filter,
        RequestedByUserId = userId,
        RequestedAt = nowUtc,
        RequestedOn = beijingToday,
        Status = BackgroundExportStatus.Queued,
        RowsTotal = rowsTotal,
        ExpiresAt = nowUtc + keep,
    };

    public string FileName => ExcelExport.FileName(Title, RequestedOn);

    public int Percent => BackgroundExports.Percent(Status, RowsWritten, RowsTotal);

    public bool IsExpired(DateTime nowUtc) => BackgroundExports.IsExpired(ExpiresAt, nowUtc);

    public bool IsDownloadable(DateTime nowUtc) => Status == BackgroundExportStatus.Completed && StorageKey != null && !IsExpired(nowUtc);

    public string StatusLabel(DateTime nowUtc) => BackgroundExports.Label(Status, IsExpired(nowUtc));
}

internal sealed class BackgroundExportConfiguration : IEntityTypeConfiguration<BackgroundExport>
{
    public void Configure(EntityTypeBuilder<BackgroundExport> builder)
    {
        builder.ToTable("BackgroundExports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Title).HasMaxLength(40);
        builder.Property(e => e.RequestedByUserId).HasMaxLength(450);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ClaimedBy).HasMaxLength(200);
        builder.Property(e => e.StorageKey).HasMaxLength(200);
        builder.HasIndex(e => new { e.RequestedByUserId, e.RequestedAt });
        builder.HasIndex(e => new { e.Status, e.RequestedAt });
        builder.HasIndex(e => e.ExpiresAt);
    }
}
