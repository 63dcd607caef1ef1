using Beian.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Reporting;

public enum ReportStatus
{
    /// <summary>排队中.</summary>
    Queued,
    /// <summary>处理中.</summary>
    Processing,
    /// <summary>已完成.</summary>
    Completed,
    /// <summary>处理失败: the file could not be read at all (its header, its format).</summary>
    Failed,
}

public enum ReportSource
{
    File,
    Api,
}

/// <summary>
/// One report a reporter sent, by file or API: its bytes kept in the file storage as sent (an API call's rows as
/// the template's CSV), read in the background by one node at a time (<see cref="ClaimedBy"/> until
/// <see cref="ClaimedUntil"/>), with its progress. The same content sent again by the same reporter is this
/// report again (<see cref="ContentHash"/>, unique), not a second one.
/// </summary>
public class ServiceReport
{
    public Guid Id { get; set; }
    public Guid ReporterId { get; set; }
    public ReportKind Kind { get; set; }
    public ReportSource Source { get; set; }
    public string FileName { get; set; } = string.Empty;
    /// <summary>SHA-256 of the bytes as stored.</summary>
    public string ContentHash { get; set; } = string.Empty;
    public string StorageKey { get; set; } = string.Empty;
    public long Bytes { get; set; }
    public ReportStatus Status { get; set; }
    /// <summary>The rows of the file (known once the reading starts).</summary>
    public int? TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int AcceptedRows { get; set; }
    public int FailedRows { get; set; }
    /// <summary>Entries new or changed by this report (a report sent again changes none).</summary>
    public int ChangedEntries { get; set; }
    /// <summary>未备案 records this report pushed to the police.</summary>
    public int UnfiledFound { get; set; }
    /// <summary>Findings it raised for reviewers (a filed site on an IP it did not file, or with another provider).</summary>
    public int FindingsRaised { get; set; }
    /// <summary>Why a report could not be read at all (处理失败).</summary>
    public string? Error { get; set; }
    public string SubmittedByUserId { get; set; } = string.Empty;
    public Guid? ApiKeyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    public bool IsDone => Status is ReportStatus.Completed or ReportStatus.Failed;

    /// <summary>0–100 for the progress bar.</summary>
    public int Percent => Status == ReportStatus.Completed ? 100
        : TotalRows is > 0 and var total ? (int)Math.Min(99, ProcessedRows * 100L / total) : 0;
}

/// <summary>A row of a report that was refused: its line in the file and why.</summary>
public class ServiceReportFailure
{
    public Guid ReportId { get; set; }
    public int Line { get; set; }
    public string Reason { get; set; } = string.Empty;
}

public static class ReportStatusLabels
{
    public static string Label(this ReportStatus status) => status switch
    {
        ReportStatus.Queued => "排队中",
        ReportStatus.Processing => "处理中",
        ReportStatus.Completed => "已完成",
        _ => "处理失败",
    };

    public static string Label(this ReportSource source) => source == ReportSource.File ? "文件上传" : "API接口";
}

internal sealed class ServiceReportConfiguration : IEntityTypeConfiguration<ServiceReport>
{
    public void Configure(EntityTypeBuilder<ServiceReport> builder)
    {
        builder.ToTable("ServiceReports");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.StorageKey).HasMaxLength(200);
        builder.Property(r => r.Error).HasMaxLength(500);
        builder.Property(r => r.SubmittedByUserId).HasMaxLength(450);
        builder.Property(r => r.ClaimedBy).HasMaxLength(200);
        builder.Ignore(r => r.IsDone);
        builder.Ignore(r => r.Percent);
        builder.HasIndex(r => new { r.ReporterId, r.Kind, r.ContentHash }).IsUnique();
        builder.HasIndex(r => new { r.ReporterId, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
    }
}

internal sealed class ServiceReportFailureConfiguration : IEntityTypeConfiguration<ServiceReportFailure>
{
    public void Configure(EntityTypeBuilder<ServiceReportFailure> builder)
    {
        builder.ToTable("ServiceReportFailures");
        builder.HasKey(f => new { f.ReportId, f.Line });
        builder.Property(f => f.Reason).HasMaxLength(300);
    }
}
