using System.Net;
using System.Security.Cryptography;
using System.Text;
using Beian.Core.Reporting;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Apps;
using Beian.Web.Features.Unfiled;
using Beian.Web.Features.Websites;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Reporting;

/// <summary>What one chunk of rows changed: entries new or changed, 未备案 records pushed, findings raised.</summary>
public sealed record ChunkOutcome(int Changed, int Unfiled, int Findings);

/// <summary>
/// Takes a chunk of a report's valid rows into the reporter's entries and matches what changed against the filings:
/// a domain or package with no filing becomes a 未备案网站 / 未备案APP of its jurisdiction (<see cref="UnfiledPushes"/>);
/// a filed site reported on IPs it did not file, by a provider it did not name, or with another number is a finding
/// for its reviewers. A row whose content equals what the reporter reported before changes nothing. Adds to the
/// context; the caller saves the chunk with its progress.
/// </summary>
public sealed class ReportIngestion(BeianDbContext db, FiledSiteLookup filedSites, FiledAppLookup filedApps, UnfiledPushes pushes, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<ChunkOutcome> IngestAsync(Reporter reporter, ServiceReport report, IReadOnlyList<IReportRow> rows, CancellationToken cancellationToken) =>
        report.Kind switch
        {
            ReportKind.IpRanges => IpRangesAsync(reporter, report, rows.Cast<IpRangeRow>().ToList(), cancellationToken),
            ReportKind.Cdn => SitesAsync(reporter, report, rows.Cast<CdnRow>().Select(Site).ToList(), 0, cancellationToken),
            _ => AppsAsync(reporter, report, rows.Cast<AppListingRow>().ToList(), cancellationToken),
        };

    /// <summary>A site as a row reports it, before it is stored.</summary>
    private sealed record SiteReport(DomainName Domain, ReportKind Kind, IReadOnlyList<IpRange> Ips, IReadOnlyList<IpRange> CheckedIps, string? RegionCode,
        string? HolderName, string? HolderCertificate, string? DeclaredNumberDigits);

    private static SiteReport Site(CdnRow row) =>
        new(row.Domain, ReportKind.Cdn, [.. row.NodeIps, .. row.OriginIps], [.. row.NodeIps, .. row.OriginIps], row.RegionCode,
            row.CustomerName, row.CustomerCertificateNumber, row.Number?.Digits);

    private async Task<ChunkOutcome> IpRangesAsync(Reporter reporter, ServiceReport report, List<IpRangeRow> rows, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => (Start: Key(r.Range.Start), End: Key(r.Range.End))).ToList();
        var starts = keys.Select(k => k.Start).Distinct().ToList();
        var existing = (await db.Set<ReportedIpRange>().Where(r => r.ReporterId == reporter.Id && starts.Contains(r.StartKey)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.StartKey, r.EndKey));
        var changed = 0;
        var fresh = new List<ReportedIpRange>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var hash = Hash(row.Purpose, row.RegionCode, row.UnitName, row.UnitCertificateNumber, string.Join(',', row.Domains.Select(d => d.Ascii)), row.AssignedOn);
            if (!existing.TryGetValue(keys[i], out var entry))
            {
                entry = new ReportedIpRange { Id = Guid.CreateVersion7(), ReporterId = reporter.Id, StartKey = keys[i].Start, EndKey = keys[i].End, FirstReportedAt = Now };
                existing[keys[i]] = entry;
                fresh.Add(entry);
            }
            else if (entry.ContentHash == hash) continue;
            changed++;
            entry.RangeText = row.Range.ToString();
            entry.Purpose = row.Purpose;
            entry.RegionCode = row.RegionCode;
            entry.UnitName = row.UnitName;
            entry.UnitCertificateHash = pushes.HashOf(row.UnitCertificateNumber);
            entry.AssignedOn = row.AssignedOn;
            Touch(entry, report, hash);
        }
        await db.InsertAsync(fresh, cancellationToken);
        var sites = rows.SelectMany(row => row.Domains.Select(domain =>
            new SiteReport(domain, ReportKind.IpRanges, [row.Range], [row.Range], row.RegionCode, row.UnitName, row.UnitCertificateNumber, null))).ToList();
        return await SitesAsync(reporter, report, sites, changed, cancellationToken);
    }

    private async Task<ChunkOutcome> SitesAsync(Reporter reporter, ServiceReport report, List<SiteReport> reported, int changedBefore, CancellationToken cancellationToken)
    {
        var latest = reported.GroupBy(s => s.Domain.Ascii).Select(g => g.Last()).ToList();
        var domains = latest.Select(s => s.Domain.Ascii).ToList();
        var existing = (await db.Set<ReportedSite>().Where(s => s.ReporterId == reporter.Id && domains.Contains(s.Domain)).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Domain, StringComparer.Ordinal);
        var toMatch = new List<(SiteReport Report, ReportedSite Entry)>();
        var fresh = new List<ReportedSite>();
        foreach (var site in latest)
        {
            var hash = Hash(site.Kind, IpsText(site.Ips), site.RegionCode, site.HolderName, site.HolderCertificate, site.DeclaredNumberDigits);
            if (!existing.TryGetValue(site.Domain.Ascii, out var entry))
            {
                entry = new ReportedSite { Id = Guid.CreateVersion7(), ReporterId = reporter.Id, Domain = site.Domain.Ascii, FirstReportedAt = Now };
                fresh.Add(entry);
            }
            else if (entry.ContentHash == hash) continue;
            entry.Kind = site.Kind;
            entry.Ips = Shorten(IpsText(site.Ips), 2000);
            entry.RegionCode = site.RegionCode;
            entry.HolderName = site.HolderName;
            entry.HolderCertificateHash = pushes.HashOf(site.HolderCertificate);
            entry.DeclaredNumberDigits = site.DeclaredNumberDigits;
            Touch(entry, report, hash);
            toMatch.Add((site, entry));
        }
        if (toMatch.Count == 0) return new ChunkOutcome(changedBefore, 0, 0);

        var filed = await filedSites.ByDomainAsync(toMatch.Select(m => m.Report.Domain).ToList(), withContent: true, cancellationToken);
        var unfiled = new List<ReportedUnfiledSite>();
        var findings = new List<ReportFinding>();
        foreach (var (site, entry) in toMatch)
        {
            if (filed.TryGetValue(site.Domain.Ascii, out var filing))
            {
                entry.WebsiteId = filing.WebsiteId;
                entry.UnitCode = filing.JurisdictionUnitCode;
                findings.AddRange(FindingsOf(reporter, report, site, filing));
            }
            else
            {
                entry.WebsiteId = null;
                entry.UnitCode = ReportJurisdiction.Default.UnitFor(site.RegionCode, site.Ips, reporter.JurisdictionUnitCode);
                unfiled.Add(new ReportedUnfiledSite(site.Domain.Ascii, IpsText(site.Ips), entry.UnitCode, site.HolderCertificate));
            }
        }
        await db.InsertAsync(fresh, cancellationToken);
        var pushed = await pushes.PushReportedSitesAsync(unfiled, reporter.Name, reporter.Id, report.Id, cancellationToken);
        var raised = await RaiseAsync(findings, cancellationToken);
        return new ChunkOutcome(changedBefore + toMatch.Count, pushed.Count, raised);
    }

    private IEnumerable<ReportFinding> FindingsOf(Reporter reporter, ServiceReport report, SiteReport site, FiledSite filing)
    {
        ReportFinding Finding(ReportFindingKind kind, string detail) => new()
        {
            Id = Guid.CreateVersion7(), WebsiteId = filing.WebsiteId, Domain = site.Domain.Ascii, NumberDisplay = filing.NumberDisplay,
            UnitCode = filing.JurisdictionUnitCode, ReporterId = reporter.Id, ReporterName = reporter.Name, ReportId = report.Id, Kind = kind,
            Detail = Shorten(detail, 1000), FoundAt = Now,
        };
        if (filing.Ips.Count > 0 && site.CheckedIps.Count > 0 && !site.CheckedIps.Any(ip => filing.Ips.Any(ip.Overlaps)))
            yield return Finding(ReportFindingKind.IpNotFiled,
                $"{reporter.Name}上报的IP {IpsText(site.CheckedIps)} 不在备案的网站IP（{IpsText(filing.Ips)}）中");
        if (filing.ProviderNames.Count > 0 && !filing.ProviderNames.Contains(reporter.Name, StringComparer.Ordinal))
            yield return Finding(ReportFindingKind.OtherProvider,
                $"{reporter.Name}上报为该网站提供{site.Kind.Label()}服务，备案的网络接入服务商为{string.Join("、", filing.ProviderNames)}");
        if (site.DeclaredNumberDigits is { } declared && !filing.NumberDisplay.Contains(declared, StringComparison.Ordinal))
            yield return Finding(ReportFindingKind.NumberMismatch, $"{reporter.Name}上报的公安备案号为{declared}，该网站的备案号为{filing.NumberDisplay}");
    }

    /// <summary>The findings not already open for the same site, reporter and kind.</summary>
    private async Task<int> RaiseAsync(List<ReportFinding> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0) return 0;
        var websites = findings.Select(f => f.WebsiteId).Distinct().ToList();
        var reporterId = findings[0].ReporterId;
        var open = (await db.Set<ReportFinding>().Where(f => websites.Contains(f.WebsiteId) && f.ReporterId == reporterId && f.ClosedAt == null)
            .Select(f => new { f.WebsiteId, f.Kind }).ToListAsync(cancellationToken)).Select(f => (f.WebsiteId, f.Kind)).ToHashSet();
        var raised = findings.Where(f => open.Add((f.WebsiteId, f.Kind))).ToList();
        db.AddRange(raised);
        return raised.Count;
    }

    private async Task<ChunkOutcome> AppsAsync(Reporter reporter, ServiceReport report, List<AppListingRow> rows, CancellationToken cancellationToken)
    {
        var latest = rows.GroupBy(r => r.PackageName).Select(g => g.Last()).ToList();
        var packages = latest.Select(r => r.PackageName).ToList();
        var existing = (await db.Set<ListedApp>().Where(a => a.ReporterId == reporter.Id && packages.Contains(a.PackageName)).ToListAsync(cancellationToken))
            .ToDictionary(a => a.PackageName, StringComparer.Ordinal);
        var toMatch = new List<(AppListingRow Row, ListedApp Entry)>();
        var fresh = new List<ListedApp>();
        foreach (var row in latest)
        {
            var hash = Hash(row.AppName, row.Developer, row.Version, row.DownloadUrl, row.IcpNumber, row.Number?.Digits, row.DeveloperCertificateNumber, row.RegionCode);
            if (!existing.TryGetValue(row.PackageName, out var entry))
            {
                entry = new ListedApp { Id = Guid.CreateVersion7(), ReporterId = reporter.Id, PackageName = row.PackageName, FirstReportedAt = Now };
                fresh.Add(entry);
            }
            else if (entry.ContentHash == hash) continue;
            entry.AppName = row.AppName;
            entry.Developer = row.Developer;
            entry.Version = row.Version;
            entry.DownloadUrl = row.DownloadUrl;
            entry.IcpNumber = row.IcpNumber;
            entry.DeclaredNumberDigits = row.Number?.Digits;
            entry.DeveloperCertificateHash = pushes.HashOf(row.DeveloperCertificateNumber);
            entry.RegionCode = row.RegionCode;
            Touch(entry, report, hash);
            toMatch.Add((row, entry));
        }
        if (toMatch.Count == 0) return new ChunkOutcome(0, 0, 0);

        var filed = await filedApps.ByPackageAsync(toMatch.Select(m => m.Row.PackageName).ToList(), cancellationToken);
        var unfiled = new List<ReportedUnfiledApp>();
        foreach (var (row, entry) in toMatch)
        {
            if (filed.TryGetValue(row.PackageName, out var app))
            {
                entry.AppId = app.AppId;
                entry.UnitCode = app.JurisdictionUnitCode;
                continue;
            }
            entry.AppId = null;
            entry.UnitCode = ReportJurisdiction.Default.UnitFor(row.RegionCode, [], reporter.JurisdictionUnitCode);
            unfiled.Add(new ReportedUnfiledApp(row.PackageName, row.AppName, row.Developer, row.DownloadUrl, entry.UnitCode, row.DeveloperCertificateNumber));
        }
        await db.InsertAsync(fresh, cancellationToken);
        var pushed = await pushes.PushReportedAppsAsync(unfiled, reporter.Name, reporter.Id, report.Id, cancellationToken);
        return new ChunkOutcome(toMatch.Count, pushed.Count, 0);
    }

    private void Touch(ReportedEntry entry, ServiceReport report, string hash)
    {
        entry.ContentHash = hash;
        entry.LastReportId = report.Id;
        entry.UpdatedAt = Now;
    }

    /// <summary>An address as 32 hex digits of its IPv6 form, so that IPv4 and IPv6 ranges sort in one column.</summary>
    public static string Key(IPAddress address) => Convert.ToHexStringLower(address.MapToIPv6().GetAddressBytes());

    private static string IpsText(IEnumerable<IpRange> ips) => string.Join('；', ips.Select(ip => ip.ToString()));

    private static string Hash(params object?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p?.ToString() ?? "")))));

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
