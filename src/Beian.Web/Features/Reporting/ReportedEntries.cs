using Beian.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Reporting;

/// <summary>What every entry a reporter reported keeps: whose, from which report, and a hash of its content so that the same row again changes nothing.</summary>
public abstract class ReportedEntry
{
    public Guid Id { get; set; }
    public Guid ReporterId { get; set; }
    public Guid LastReportId { get; set; }
    /// <summary>SHA-256 of the row's normalised content.</summary>
    public string ContentHash { get; set; } = string.Empty;
    public DateTime FirstReportedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>所在地区 as reported (a region code), when given.</summary>
    public string? RegionCode { get; set; }
}

/// <summary>
/// A domain a 服务商 serves (from a CDN row, or a domain of an IP段 row), with how it matched the filings when it was
/// last reported: the filed website, or the police unit its 未备案网站 went to.
/// </summary>
public class ReportedSite : ReportedEntry
{
    /// <summary>ASCII (punycode) form.</summary>
    public string Domain { get; set; } = string.Empty;
    public ReportKind Kind { get; set; }
    /// <summary>The IPs reported for it (the range, or the CDN's node and origin IPs), separated by "；".</summary>
    public string Ips { get; set; } = string.Empty;
    /// <summary>使用单位 / 客户名称.</summary>
    public string? HolderName { get; set; }
    public string HolderCertificateHash { get; set; } = string.Empty;
    /// <summary>The 公安备案号 the report declared (digits), when it did.</summary>
    public string? DeclaredNumberDigits { get; set; }
    public Guid? WebsiteId { get; set; }
    /// <summary>The unit of the jurisdiction it was found in (the filed site's, or where its 未备案网站 was pushed).</summary>
    public string? UnitCode { get; set; }

    public bool IsFiled => WebsiteId != null;
}

/// <summary>An IP段 a provider assigned: the range in a sortable form (16-byte hex of the address) and who uses it.</summary>
public class ReportedIpRange : ReportedEntry
{
    public string StartKey { get; set; } = string.Empty;
    public string EndKey { get; set; } = string.Empty;
    /// <summary>"1.2.3.0-1.2.3.255".</summary>
    public string RangeText { get; set; } = string.Empty;
    public string Purpose { get; set; } = string.Empty;
    public string UnitName { get; set; } = string.Empty;
    public string UnitCertificateHash { get; set; } = string.Empty;
    public DateOnly? AssignedOn { get; set; }
}

/// <summary>An APP an 应用市场 lists, with the filed APP it matched when last reported.</summary>
public class ListedApp : ReportedEntry
{
    public string PackageName { get; set; } = string.Empty;
    public string AppName { get; set; } = string.Empty;
    public string Developer { get; set; } = string.Empty;
    public string? Version { get; set; }
    public string? DownloadUrl { get; set; }
    public string? IcpNumber { get; set; }
    public string? DeclaredNumberDigits { get; set; }
    public string DeveloperCertificateHash { get; set; } = string.Empty;
    public Guid? AppId { get; set; }
    public string? UnitCode { get; set; }

    public bool IsFiled => AppId != null;
}

public enum ReportFindingKind
{
    /// <summary>上报IP不在备案IP中.</summary>
    IpNotFiled,
    /// <summary>非备案接入服务商上报.</summary>
    OtherProvider,
    /// <summary>上报的公安备案号与备案不符.</summary>
    NumberMismatch,
}

/// <summary>
/// What a report says about a filed site that its filing does not: for the reviewers of the site's jurisdiction, who
/// mark it 已核实 once looked at. One open finding per site, reporter and kind.
/// </summary>
public class ReportFinding
{
    public Guid Id { get; set; }
    public Guid WebsiteId { get; set; }
    public string Domain { get; set; } = string.Empty;
    public string NumberDisplay { get; set; } = string.Empty;
    public string UnitCode { get; set; } = string.Empty;
    public Guid ReporterId { get; set; }
    public string ReporterName { get; set; } = string.Empty;
    public Guid ReportId { get; set; }
    public ReportFindingKind Kind { get; set; }
    public string Detail { get; set; } = string.Empty;
    public DateTime FoundAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedByUserId { get; set; }
    public string? ClosingNote { get; set; }
}

public static class ReportFindingLabels
{
    public static string Label(this ReportFindingKind kind) => kind switch
    {
        ReportFindingKind.IpNotFiled => "上报IP不在备案IP中",
        ReportFindingKind.OtherProvider => "非备案接入服务商上报",
        _ => "上报的公安备案号与备案不符",
    };
}

internal static class ReportedEntryMapping
{
    public static void MapEntry<T>(this EntityTypeBuilder<T> builder) where T : ReportedEntry
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ContentHash).HasMaxLength(64);
        builder.Property(e => e.RegionCode).HasMaxLength(6);
    }
}

internal sealed class ReportedSiteConfiguration : IEntityTypeConfiguration<ReportedSite>
{
    public void Configure(EntityTypeBuilder<ReportedSite> builder)
    {
        builder.ToTable("ReportedSites");
        builder.MapEntry();
        builder.Property(s => s.Domain).HasMaxLength(Core.Websites.DomainName.MaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Ips).HasMaxLength(2000);
        builder.Property(s => s.HolderName).HasMaxLength(100);
        builder.Property(s => s.HolderCertificateHash).HasMaxLength(64);
        builder.Property(s => s.DeclaredNumberDigits).HasMaxLength(14);
        builder.Property(s => s.UnitCode).HasMaxLength(6);
        builder.Ignore(s => s.IsFiled);
        builder.HasIndex(s => new { s.ReporterId, s.Domain }).IsUnique();
        builder.HasIndex(s => s.Domain);
        builder.HasIndex(s => new { s.ReporterId, s.WebsiteId });
    }
}

internal sealed class ReportedIpRangeConfiguration : IEntityTypeConfiguration<ReportedIpRange>
{
    public void Configure(EntityTypeBuilder<ReportedIpRange> builder)
    {
        builder.ToTable("ReportedIpRanges");
        builder.MapEntry();
        builder.Property(r => r.StartKey).HasMaxLength(32);
        builder.Property(r => r.EndKey).HasMaxLength(32);
        builder.Property(r => r.RangeText).HasMaxLength(100);
        builder.Property(r => r.Purpose).HasMaxLength(100);
        builder.Property(r => r.UnitName).HasMaxLength(100);
        builder.Property(r => r.UnitCertificateHash).HasMaxLength(64);
        builder.HasIndex(r => new { r.ReporterId, r.StartKey, r.EndKey }).IsUnique();
        builder.HasIndex(r => new { r.StartKey, r.EndKey });
    }
}

internal sealed class ListedAppConfiguration : IEntityTypeConfiguration<ListedApp>
{
    public void Configure(EntityTypeBuilder<ListedApp> builder)
    {
        builder.ToTable("ListedApps");
        builder.MapEntry();
        builder.Property(a => a.PackageName).HasMaxLength(Core.Apps.AppIdentifiers.MaxIdentifierLength);
        builder.Property(a => a.AppName).HasMaxLength(100);
        builder.Property(a => a.Developer).HasMaxLength(100);
        builder.Property(a => a.Version).HasMaxLength(50);
        builder.Property(a => a.DownloadUrl).HasMaxLength(500);
        builder.Property(a => a.IcpNumber).HasMaxLength(40);
        builder.Property(a => a.DeclaredNumberDigits).HasMaxLength(14);
        builder.Property(a => a.DeveloperCertificateHash).HasMaxLength(64);
        builder.Property(a => a.UnitCode).HasMaxLength(6);
        builder.Ignore(a => a.IsFiled);
        builder.HasIndex(a => new { a.ReporterId, a.PackageName }).IsUnique();
        builder.HasIndex(a => a.PackageName);
        builder.HasIndex(a => new { a.ReporterId, a.AppId });
    }
}

internal sealed class ReportFindingConfiguration : IEntityTypeConfiguration<ReportFinding>
{
    /// <summary>The condition of the open findings' indexes, as <c>f.ClosedAt == null</c> is written in SQL.</summary>
    private const string OpenFilter = "\"ClosedAt\" IS NULL";

    public void Configure(EntityTypeBuilder<ReportFinding> builder)
    {
        builder.ToTable("ReportFindings");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Domain).HasMaxLength(Core.Websites.DomainName.MaxLength);
        builder.Property(f => f.NumberDisplay).HasMaxLength(40);
        builder.Property(f => f.UnitCode).HasMaxLength(6);
        builder.Property(f => f.ReporterName).HasMaxLength(200);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Detail).HasMaxLength(1000);
        builder.Property(f => f.ClosedByUserId).HasMaxLength(450);
        builder.Property(f => f.ClosingNote).HasMaxLength(200);
        // The open findings in their keyset order (ReportingOversight.FindingOrder): a county's by its unit, a wider
        // jurisdiction's by time; partial, so that the findings already 已核实 (most, in time) take no room.
        builder.HasIndex(f => new { f.UnitCode, f.FoundAt, f.Domain, f.Id }, "IX_ReportFindings_Open_UnitCode_FoundAt_Domain_Id")
            .IsDescending(false, true, false, false).HasFilter(OpenFilter);
        builder.HasIndex(f => new { f.FoundAt, f.Domain, f.Id }, "IX_ReportFindings_Open_FoundAt_Domain_Id")
            .IsDescending(true, false, false).HasFilter(OpenFilter);
        builder.HasIndex(f => new { f.WebsiteId, f.ReporterId, f.Kind, f.ClosedAt });
    }
}
