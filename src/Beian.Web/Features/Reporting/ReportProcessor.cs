using Beian.Core.Reporting;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Jobs;
using Beian.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Reporting;

/// <summary>
/// Reads queued reports in the background, one node per report: a report is claimed for <see cref="ClaimFor"/> by one
/// conditional UPDATE (queued, or processing with its claim run out because its node died), then read in chunks of
/// <see cref="ChunkRows"/> rows; each chunk's entries, 未备案 records, messages, failures and progress commit together,
/// and the claim is renewed with it. A node that takes over starts after the last committed row.
/// </summary>
public sealed class ReportProcessor(BeianDbContext db, IFileStorage storage, ReportIngestion ingestion, ReportedCounts counts, TimeProvider clock,
    ILogger<ReportProcessor> logger)
{
    public const int ChunkRows = 5000;
    /// <summary>Failed rows kept with their reasons (all are counted).</summary>
    public const int MaxFailuresKept = 10000;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Reads every report there is to read now; returns how many it finished.</summary>
    public async Task<int> RunAsync(string holder, CancellationToken cancellationToken)
    {
        var finished = 0;
        while (await ClaimAsync(holder, cancellationToken) is { } report)
        {
            await ProcessAsync(report, holder, cancellationToken);
            finished++;
        }
        return finished;
    }

    private async Task<ServiceReport?> ClaimAsync(string holder, CancellationToken cancellationToken)
    {
        var now = Now;
        var candidates = await db.Set<ServiceReport>().AsNoTracking()
            .Where(r => r.Status == ReportStatus.Queued || (r.Status == ReportStatus.Processing && r.ClaimedUntil < now))
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var until = now + ClaimFor;
            var taken = await db.Set<ServiceReport>()
                .Where(r => r.Id == id && (r.Status == ReportStatus.Queued || (r.Status == ReportStatus.Processing && r.ClaimedUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReportStatus.Processing).SetProperty(r => r.ClaimedBy, holder)
                    .SetProperty(r => r.ClaimedUntil, until).SetProperty(r => r.StartedAt, r => r.StartedAt ?? now), cancellationToken);
            if (taken == 1) return await db.Set<ServiceReport>().FirstAsync(r => r.Id == id, cancellationToken);
        }
        return null;
    }

    private async Task ProcessAsync(ServiceReport report, string holder, CancellationToken cancellationToken)
    {
        var reporter = await db.Set<Reporter>().AsNoTracking().FirstAsync(r => r.Id == report.ReporterId, cancellationToken);
        await using var file = await LocalCopyAsync(report, cancellationToken);
        if (file == null)
        {
            await FailAsync(report, "上报文件已不在文件存储中，请重新上报", cancellationToken);
            return;
        }
        try
        {
            report.TotalRows ??= Math.Max(0, ReportFile.CountRows(file) - 1);
            file.Position = 0;
            await ReadRowsAsync(reporter, report, holder, file, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or System.Text.DecoderFallbackException)
        {
            logger.LogWarning(ex, "Report {ReportId} could not be read", report.Id);
            await FailAsync(report, "文件无法读取，请检查文件格式后重新上报", cancellationToken);
        }
    }

    private async Task ReadRowsAsync(Reporter reporter, ServiceReport report, string holder, Stream file, CancellationToken cancellationToken)
    {
        ReportHeader? header = null;
        var chunk = new List<IReportRow>();
        var failures = new List<ReportRowFailure>();
        var position = 0;
        foreach (var (row, cells) in ReportFile.Rows(file))
        {
            if (header == null)
            {
                header = ReportHeader.Read(ReportTemplates.Of(report.Kind), cells, out var error);
                if (header == null)
                {
                    await FailAsync(report, error!, cancellationToken);
                    return;
                }
                continue;
            }
            position++;
            if (position <= report.ProcessedRows) continue;
            if (!ReportRows.IsBlank(cells))
            {
                var (read, failure) = ReportRows.Read(header, row, cells);
                if (read != null) chunk.Add(read);
                else failures.Add(failure!);
            }
            if (position - report.ProcessedRows >= ChunkRows)
            {
                await CommitChunkAsync(reporter, report, holder, chunk, failures, position, done: false, cancellationToken);
                chunk.Clear();
                failures.Clear();
            }
        }
        await CommitChunkAsync(reporter, report, holder, chunk, failures, position, done: true, cancellationToken);
    }

    private async Task CommitChunkAsync(Reporter reporter, ServiceReport report, string holder, List<IReportRow> rows, List<ReportRowFailure> failures,
        int position, bool done, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await ingestion.IngestAsync(reporter, report, rows, cancellationToken);
        var room = Math.Max(0, MaxFailuresKept - report.FailedRows);
        db.AddRange(failures.Take(room).Select(f => new ServiceReportFailure { ReportId = report.Id, Line = f.Line, Reason = f.Reason }));
        report.ProcessedRows = position;
        report.AcceptedRows += rows.Count;
        report.FailedRows += failures.Count;
        report.ChangedEntries += outcome.Changed;
        report.UnfiledFound += outcome.Unfiled;
        report.FindingsRaised += outcome.Findings;
        report.ClaimedUntil = Now + ClaimFor;
        if (done)
        {
            report.TotalRows = position;
            report.Status = ReportStatus.Completed;
            report.FinishedAt = Now;
            report.ClaimedBy = null;
            report.ClaimedUntil = null;
        }
        // Only the holder of the claim may write: a node whose claim ran out stops here.
        var stillHeld = await db.Set<ServiceReport>().AnyAsync(r => r.Id == report.Id && r.ClaimedBy == holder, cancellationToken);
        if (!stillHeld) throw new InvalidOperationException($"Report {report.Id} was claimed by another node.");
        await db.SaveChangesAsync(cancellationToken);
        if (done) await counts.RecountAsync(reporter.Id, reporter.Role, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        db.Attach(report);
    }

    private async Task FailAsync(ServiceReport report, string reason, CancellationToken cancellationToken)
    {
        report.Status = ReportStatus.Failed;
        report.Error = reason;
        report.FinishedAt = Now;
        report.ClaimedBy = null;
        report.ClaimedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The stored report as a local, seekable file (an object store's stream is neither), deleted when disposed.</summary>
    private async Task<FileStream?> LocalCopyAsync(ServiceReport report, CancellationToken cancellationToken)
    {
        await using var stored = await storage.OpenReadAsync(report.StorageKey, cancellationToken);
        if (stored == null) return null;
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await stored.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }
}

/// <summary>Runs <see cref="ReportProcessor"/> every <c>Reporting:ProcessSeconds</c> (5) on every node; zero turns it off on a node.</summary>
public sealed class ReportProcessing(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReportProcessing> logger) : PeriodicJob(logger)
{
    private readonly string _holder = JobLeases.NewHolder();

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Reporting:ProcessSeconds", 5.0));
    protected override string FailureMessage => "Reading the reports failed; will retry";

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReportProcessor>().RunAsync(_holder, cancellationToken);
    }
}
