using System.Text.Json;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Unfiled;

/// <summary>
/// Imports the police's CSV files of 未备案网站 and of offline filings (网站认领). Valid rows are
/// stored with the keyed hash of the certificate number; rows whose hash matches a current subject
/// notify its owner (one SMS and site message per owner and import). The records, the batch and the
/// messages are saved together.
/// </summary>
public sealed class UnfiledImportService(BeianDbContext db, PersonalDataProtector protector, UnfiledPushes pushes, TimeProvider clock)
{
    public async Task<UnfiledImportBatch> ImportAsync(UnfiledImportKind kind, string fileName, byte[] content,
        ApplicationUser officer, CancellationToken cancellationToken = default)
    {
        var unitCode = officer.PoliceUnitCode ?? throw new InvalidOperationException("Only an officer of a police unit imports records.");
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new UnfiledImportBatch
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 260 } name ? name : "import.csv",
            ImportedByUserId = officer.Id,
            ImportedByUnitCode = unitCode,
            ImportedAt = now,
        };
        var failures = kind == UnfiledImportKind.UnfiledSites
            ? await ImportUnfiledSitesAsync(batch, content, cancellationToken)
            : await ImportOfflineFilingsAsync(batch, content, cancellationToken);
        batch.FailureCount = failures.Count;
        batch.FailuresJson = JsonSerializer.Serialize(failures.OrderBy(f => f.Line).ToList());
        db.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        return batch;
    }

    private async Task<List<ImportFailure>> ImportUnfiledSitesAsync(UnfiledImportBatch batch, byte[] content, CancellationToken ct)
    {
        var parsed = UnfiledCsv.ParseUnfiledSites(content);
        var failures = parsed.Failures.ToList();
        var domains = parsed.Rows.Select(r => r.Domain.Ascii).ToList();
        var existing = (await db.Set<UnfiledSite>()
            .Where(s => domains.Contains(s.Domain) && s.Status == UnfiledSiteStatus.Pending)
            .Select(s => s.Domain).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var sites = new List<UnfiledSite>();
        foreach (var row in parsed.Rows)
        {
            if (existing.Contains(row.Domain.Ascii))
            {
                failures.Add(new ImportFailure(row.Line, "该域名已导入且尚未备案，不能重复导入"));
                continue;
            }
            sites.Add(new UnfiledSite
            {
                Id = Guid.CreateVersion7(),
                Domain = row.Domain.Ascii,
                Ip = row.Ip,
                Provider = row.Provider,
                FirstSeenOn = row.FirstSeenOn,
                Deadline = row.Deadline,
                CertificateHash = protector.Hash(row.CertificateNumber),
                ImportedByUnitCode = batch.ImportedByUnitCode,
                ImportedAt = batch.ImportedAt,
                BatchId = batch.Id,
                Status = UnfiledSiteStatus.Pending,
            });
        }

        await pushes.PushSitesAsync(sites, ct);
        batch.ImportedCount = sites.Count;
        batch.MatchedCount = sites.Count(s => s.SubjectId != null);
        return failures;
    }

    private async Task<List<ImportFailure>> ImportOfflineFilingsAsync(UnfiledImportBatch batch, byte[] content, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
        var parsed = UnfiledCsv.ParseOfflineFilings(content, today);
        var failures = parsed.Failures.ToList();
        var numbers = parsed.Rows.Select(r => r.Number.Digits).ToList();
        var existing = (await db.Set<OfflineFiling>().Where(f => numbers.Contains(f.NumberDigits))
            .Select(f => f.NumberDigits).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var filings = new List<OfflineFiling>();
        foreach (var row in parsed.Rows)
        {
            if (existing.Contains(row.Number.Digits))
            {
                failures.Add(new ImportFailure(row.Line, $"公安备案号{row.Number.Display}已导入，不能重复导入"));
                continue;
            }
            var id = Guid.CreateVersion7();
            filings.Add(new OfflineFiling
            {
                Id = id,
                NumberDigits = row.Number.Digits,
                NumberDisplay = row.Number.Display,
                IcpNumber = row.IcpNumber,
                SiteName = row.SiteName,
                DomainsText = string.Join('；', row.Domains.Select(d => d.Ascii)),
                Domains = row.Domains.Select(d => new OfflineFilingDomain { OfflineFilingId = id, Domain = d.Ascii }).ToList(),
                SubjectName = row.SubjectName,
                CertificateHash = protector.Hash(row.CertificateNumber),
                FiledOn = row.FiledOn,
                ImportedByUnitCode = batch.ImportedByUnitCode,
                ImportedAt = batch.ImportedAt,
                BatchId = batch.Id,
                Status = OfflineFilingStatus.Pending,
            });
        }

        var owners = await pushes.MatchAsync(filings.Select(f => f.CertificateHash), ct);
        foreach (var filing in filings)
        {
            if (owners.TryGetValue(filing.CertificateHash, out var subjects)) filing.SubjectId = subjects[0].Id;
        }
        db.AddRange(filings);
        batch.ImportedCount = filings.Count;
        batch.MatchedCount = filings.Count(f => f.SubjectId != null);

        await pushes.NotifyOwnersAsync(owners, filings.Select(f => (f.CertificateHash, f.DomainsText, (DateOnly?)null)), (names, _) => UnfiledNotices.OfflineFilings(names), ct);
        return failures;
    }
}
