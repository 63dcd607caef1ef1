using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Unfiled;

public enum UnfiledSiteStatus
{
    /// <summary>待备案: pushed by the police, not yet filed on the platform.</summary>
    Pending,
    /// <summary>已备案: completed through the new-website flow.</summary>
    Completed,
}

public enum OfflineFilingStatus
{
    /// <summary>待认领.</summary>
    Pending,
    /// <summary>已认领.</summary>
    Claimed,
}

/// <summary>A 未备案 record as pushed to its subject (<see cref="UnfiledPushes"/>): matched by hash, named in the owner's notice.</summary>
public interface IPushedUnfiled
{
    string CertificateHash { get; }
    Guid? SubjectId { get; set; }
    DateOnly Deadline { get; }

    /// <summary>How the owner's notice names it: the domain, or the APP with its package.</summary>
    string NoticeName { get; }
}

/// <summary>
/// 未备案网站: a website the police found without a filing, pushed to the subject whose certificate
/// number matches (<see cref="CertificateHash"/>, the keyed hash of the number; the number itself is
/// never stored). Applicants see it through their subjects' hashes at query time, so a subject
/// registered after the import sees it too.
/// </summary>
public class UnfiledSite : IPushedUnfiled
{
    string IPushedUnfiled.NoticeName => Domain;

    public Guid Id { get; set; }
    /// <summary>Lower-case ASCII (punycode) form of <see cref="Beian.Core.Websites.DomainName"/>.</summary>
    public string Domain { get; set; } = string.Empty;
    /// <summary>IP entries as normalised by <see cref="Beian.Core.Websites.IpRange"/>, separated by "；".</summary>
    public string Ip { get; set; } = string.Empty;
    /// <summary>接入服务商.</summary>
    public string Provider { get; set; } = string.Empty;
    public DateOnly FirstSeenOn { get; set; }
    /// <summary>整改期限.</summary>
    public DateOnly Deadline { get; set; }
    public string CertificateHash { get; set; } = string.Empty;
    /// <summary>The subject it matched at import time, if any.</summary>
    public Guid? SubjectId { get; set; }
    public string ImportedByUnitCode { get; set; } = string.Empty;
    public DateTime ImportedAt { get; set; }
    public Guid BatchId { get; set; }
    public UnfiledSiteStatus Status { get; set; }
    public Guid? CompletedWebsiteId { get; set; }
    /// <summary>关停风险: the Beijing day the 整改期限 passed with the site still not filed.</summary>
    public DateOnly? ShutdownRiskSince { get; set; }
    /// <summary>The 服务商 whose report found it (then <see cref="BatchId"/> is the report); null for a police import.</summary>
    public Guid? ReporterId { get; set; }

    /// <summary>来源 as lists show it.</summary>
    public string SourceLabel => ReporterId == null ? "公安机关导入" : "服务商上报";
}

/// <summary>
/// 未备案APP: an APP an 应用市场 lists without a filing, pushed like a <see cref="UnfiledSite"/> to the police of its
/// jurisdiction and, through the keyed hash of the developer's certificate number, to the matching subject.
/// </summary>
public class UnfiledApp : IPushedUnfiled
{
    string IPushedUnfiled.NoticeName => $"{AppName}（{PackageName}）";

    public Guid Id { get; set; }
    /// <summary>包名 or Bundle ID, as listed.</summary>
    public string PackageName { get; set; } = string.Empty;
    public string AppName { get; set; } = string.Empty;
    /// <summary>开发者, as the store names it.</summary>
    public string Developer { get; set; } = string.Empty;
    /// <summary>The store (应用市场) that lists it.</summary>
    public string StoreName { get; set; } = string.Empty;
    public string? DownloadUrl { get; set; }
    public DateOnly FirstSeenOn { get; set; }
    /// <summary>整改期限.</summary>
    public DateOnly Deadline { get; set; }
    public string CertificateHash { get; set; } = string.Empty;
    public Guid? SubjectId { get; set; }
    /// <summary>The police unit it was pushed to.</summary>
    public string UnitCode { get; set; } = string.Empty;
    public DateTime FoundAt { get; set; }
    public Guid ReporterId { get; set; }
    public Guid ReportId { get; set; }
    public UnfiledSiteStatus Status { get; set; }
    public Guid? CompletedAppId { get; set; }
    public DateOnly? ShutdownRiskSince { get; set; }
}

/// <summary>
/// A website filed offline with a police unit before the platform (网站认领 source), imported with
/// its existing 公安备案号 and the subject's certificate number (as a keyed hash only).
/// </summary>
public class OfflineFiling
{
    public Guid Id { get; set; }
    /// <summary><see cref="Beian.Core.Numbering.PublicSecurityNumber.Digits"/> (12 or 14 digits), unique.</summary>
    public string NumberDigits { get; set; } = string.Empty;
    /// <summary>京公网安备…号.</summary>
    public string NumberDisplay { get; set; } = string.Empty;
    /// <summary>工信部备案号 when the file gave one (normalised <see cref="Beian.Core.Websites.IcpNumber.Value"/>).</summary>
    public string? IcpNumber { get; set; }
    public string SiteName { get; set; } = string.Empty;
    /// <summary>The domains (ASCII form) separated by "；", for display; look-ups use <see cref="Domains"/>.</summary>
    public string DomainsText { get; set; } = string.Empty;
    public List<OfflineFilingDomain> Domains { get; set; } = [];
    /// <summary>开办者名称.</summary>
    public string SubjectName { get; set; } = string.Empty;
    public string CertificateHash { get; set; } = string.Empty;
    public DateOnly FiledOn { get; set; }
    public Guid? SubjectId { get; set; }
    public string ImportedByUnitCode { get; set; } = string.Empty;
    public DateTime ImportedAt { get; set; }
    public Guid BatchId { get; set; }
    public OfflineFilingStatus Status { get; set; }
    public Guid? ClaimedWebsiteId { get; set; }
    /// <summary>关停风险: the Beijing day the claim period ran out with the filing still unclaimed.</summary>
    public DateOnly? ShutdownRiskSince { get; set; }
}

/// <summary>One domain of an <see cref="OfflineFiling"/>, indexed for 认领 by domain.</summary>
public class OfflineFilingDomain
{
    public Guid OfflineFilingId { get; set; }
    public string Domain { get; set; } = string.Empty;
}

public enum UnfiledImportKind
{
    /// <summary>未备案网站.</summary>
    UnfiledSites,
    /// <summary>网站认领 (offline filings).</summary>
    OfflineFilings,
}

/// <summary>One CSV import by an officer: its counts and the refused rows (行号, 原因) as JSON.</summary>
public class UnfiledImportBatch
{
    public Guid Id { get; set; }
    public UnfiledImportKind Kind { get; set; }
    public string FileName { get; set; } = string.Empty;
    public string ImportedByUserId { get; set; } = string.Empty;
    public string ImportedByUnitCode { get; set; } = string.Empty;
    public DateTime ImportedAt { get; set; }
    public int ImportedCount { get; set; }
    public int MatchedCount { get; set; }
    public int FailureCount { get; set; }
    public string FailuresJson { get; set; } = "[]";

    public IReadOnlyList<ImportFailure> Failures =>
        System.Text.Json.JsonSerializer.Deserialize<List<ImportFailure>>(FailuresJson) ?? [];
}

internal sealed class UnfiledSiteConfiguration : IEntityTypeConfiguration<UnfiledSite>
{
    public void Configure(EntityTypeBuilder<UnfiledSite> builder)
    {
        builder.ToTable("UnfiledSites");
        builder.Property(s => s.Domain).HasMaxLength(Beian.Core.Websites.DomainName.MaxLength);
        builder.Property(s => s.Ip).HasMaxLength(1000);
        builder.Property(s => s.Provider).HasMaxLength(200);
        builder.Property(s => s.CertificateHash).HasMaxLength(64);
        builder.Property(s => s.ImportedByUnitCode).HasMaxLength(6);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.CertificateHash);
        builder.HasIndex(s => new { s.Domain, s.Status });
        // 未备案网站导入 in its keyset order (ImportedRecords.SiteOrder): a county's by its unit, a wider jurisdiction's by time.
        builder.HasIndex(s => new { s.ImportedByUnitCode, s.ImportedAt, s.Domain, s.Id }).IsDescending(false, true, false, false);
        builder.HasIndex(s => new { s.ImportedAt, s.Domain, s.Id }).IsDescending(true, false, false);
        builder.HasIndex(s => s.ReporterId);
        // 工作台's count of 关停风险: the few pending sites flagged, by unit, read from the index alone.
        builder.HasIndex(s => s.ImportedByUnitCode, "IX_UnfiledSites_ShutdownRisk").HasFilter("\"Status\" = 'Pending' AND \"ShutdownRiskSince\" IS NOT NULL");
        builder.Ignore(s => s.SourceLabel);
    }
}

internal sealed class UnfiledAppConfiguration : IEntityTypeConfiguration<UnfiledApp>
{
    public void Configure(EntityTypeBuilder<UnfiledApp> builder)
    {
        builder.ToTable("UnfiledApps");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PackageName).HasMaxLength(Beian.Core.Apps.AppIdentifiers.MaxIdentifierLength);
        builder.Property(a => a.AppName).HasMaxLength(100);
        builder.Property(a => a.Developer).HasMaxLength(100);
        builder.Property(a => a.StoreName).HasMaxLength(200);
        builder.Property(a => a.DownloadUrl).HasMaxLength(500);
        builder.Property(a => a.CertificateHash).HasMaxLength(64);
        builder.Property(a => a.UnitCode).HasMaxLength(6);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.PackageName, a.Status });
        builder.HasIndex(a => a.CertificateHash);
        // 未备案APP in its keyset order (ReportingOversight.AppOrder): a county's by its unit, a wider jurisdiction's by time.
        builder.HasIndex(a => new { a.UnitCode, a.FoundAt, a.PackageName, a.Id }).IsDescending(false, true, false, false);
        builder.HasIndex(a => new { a.FoundAt, a.PackageName, a.Id }).IsDescending(true, false, false);
        builder.HasIndex(a => a.ReporterId);
    }
}

internal sealed class OfflineFilingConfiguration : IEntityTypeConfiguration<OfflineFiling>
{
    public void Configure(EntityTypeBuilder<OfflineFiling> builder)
    {
        builder.ToTable("OfflineFilings");
        builder.Property(f => f.NumberDigits).HasMaxLength(14);
        builder.Property(f => f.NumberDisplay).HasMaxLength(40);
        builder.Property(f => f.IcpNumber).HasMaxLength(40);
        builder.Property(f => f.SiteName).HasMaxLength(200);
        builder.Property(f => f.DomainsText).HasMaxLength(2000);
        builder.Property(f => f.SubjectName).HasMaxLength(200);
        builder.Property(f => f.CertificateHash).HasMaxLength(64);
        builder.Property(f => f.ImportedByUnitCode).HasMaxLength(6);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(f => f.NumberDigits).IsUnique();
        builder.HasIndex(f => f.IcpNumber);
        builder.HasIndex(f => f.CertificateHash);
        // 网站认领 in its keyset order (ImportedRecords.FilingOrder): a county's by its unit, a wider jurisdiction's by time.
        builder.HasIndex(f => new { f.ImportedByUnitCode, f.ImportedAt, f.NumberDigits }).IsDescending(false, true, false);
        builder.HasIndex(f => new { f.ImportedAt, f.NumberDigits }).IsDescending(true, false);
        builder.HasMany(f => f.Domains).WithOne().HasForeignKey(d => d.OfflineFilingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfflineFilingDomainConfiguration : IEntityTypeConfiguration<OfflineFilingDomain>
{
    public void Configure(EntityTypeBuilder<OfflineFilingDomain> builder)
    {
        builder.ToTable("OfflineFilingDomains");
        builder.HasKey(d => new { d.OfflineFilingId, d.Domain });
        builder.Property(d => d.Domain).HasMaxLength(Beian.Core.Websites.DomainName.MaxLength);
        builder.HasIndex(d => d.Domain);
    }
}

internal sealed class UnfiledImportBatchConfiguration : IEntityTypeConfiguration<UnfiledImportBatch>
{
    public void Configure(EntityTypeBuilder<UnfiledImportBatch> builder)
    {
        builder.ToTable("UnfiledImportBatches");
        builder.Ignore(b => b.Failures);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.Property(b => b.ImportedByUserId).HasMaxLength(450);
        builder.Property(b => b.ImportedByUnitCode).HasMaxLength(6);
        builder.HasIndex(b => new { b.ImportedByUserId, b.ImportedAt });
    }
}
