using Beian.Web.Data;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Audit;

/// <summary>
/// Moves sealed audit records older than the online period (<c>Audit:OnlineDays</c>, default 366) into compressed
/// blocks (<see cref="AuditBlock"/>) of <see cref="BlockSize"/> records, in sequence order: in one transaction the block is
/// written and its records deleted (the PostgreSQL trigger lets a record go only once a block holds its sequence). The
/// records are kept, and 审计日志 searches them as 归档记录; a national log's rows stay those of the last year. Only full
/// blocks are written, and only of records that continue the chain: a broken chain is logged and left in place for
/// 【校验完整性】 to report, never archived over.
/// </summary>
public sealed class AuditArchiver(BeianDbContext db, JobLeases leases, TimeProvider clock, IConfiguration configuration,
    ILogger<AuditArchiver> logger)
{
    public const string LeaseName = "audit-archiver";
    public const string OnlineDaysSetting = "Audit:OnlineDays";
    public const int DefaultOnlineDays = 366;
    /// <summary>The law asks for six months of logs at hand (网络安全法 第二十一条); a shorter setting is raised to it.</summary>
    public const int MinimumOnlineDays = 183;
    public const int BlockSize = 10_000;
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    public int OnlineDays => Math.Max(MinimumOnlineDays, configuration.GetValue(OnlineDaysSetting, DefaultOnlineDays));

    /// <summary>Records before this moment are archived.</summary>
    public DateTime CutoffUtc => clock.GetUtcNow().UtcDateTime.AddDays(-OnlineDays);

    /// <summary>Archives every full block due while holding the lease; how many records were archived (0 when another node holds it).</summary>
    public Task<int> ArchiveDueAsync(string holder, CancellationToken cancellationToken = default) =>
        leases.WhileHoldingAsync(LeaseName, holder, LeaseDuration, notHeld: 0, async () =>
        {
            var total = 0;
            int archived;
            do
            {
                archived = await ArchiveBlockAsync(CutoffUtc, BlockSize, cancellationToken);
                total += archived;
            } while (archived > 0 && await leases.RenewAsync(LeaseName, holder, LeaseDuration, cancellationToken));
            return total;
        }, cancellationToken);

    /// <summary>
    /// The next block, if <paramref name="blockSize"/> sealed records follow the last block, all before
    /// <paramref name="cutoffUtc"/> and continuing its chain; how many records it took (0 when none was due).
    /// </summary>
    internal async Task<int> ArchiveBlockAsync(DateTime cutoffUtc, int blockSize, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var last = await db.AuditBlocks.AsNoTracking().OrderByDescending(b => b.LastSequence)
                .Select(b => new { b.LastSequence, b.LastChainHash }).FirstOrDefaultAsync(cancellationToken);
            var after = last?.LastSequence ?? 0;
            // The block's last record first: most hours it is not due, and then nothing more is read.
            var end = after + blockSize;
            if (!await db.AuditRecords.AnyAsync(r => r.Sequence == end && r.At < cutoffUtc, cancellationToken)) return 0;
            var records = await db.AuditRecords.AsNoTracking().Where(r => r.Sequence != null && r.Sequence > after)
                .OrderBy(r => r.Sequence).Take(blockSize).ToListAsync(cancellationToken);
            if (records.Count < blockSize || records.Any(r => r.At >= cutoffUtc)) return 0;
            if (BreakIn(records, after, last?.LastChainHash ?? AuditHashes.Genesis) is { } broken)
            {
                logger.LogError("The audit chain does not continue at sequence {Sequence}; records from there are not archived", broken);
                return 0;
            }

            var block = AuditBlock.Of(records, clock.GetUtcNow().UtcDateTime);
            db.AuditBlocks.Add(block);
            await db.SaveChangesAsync(cancellationToken);
            var deleted = await db.AuditRecords.Where(r => r.Sequence >= block.FirstSequence && r.Sequence <= block.LastSequence)
                .ExecuteDeleteAsync(cancellationToken);
            if (deleted != records.Count) throw new InvalidOperationException($"Archiving deleted {deleted} audit records, expected {records.Count}.");
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Audit records {First}–{Last} archived ({Bytes} bytes)", block.FirstSequence, block.LastSequence, block.Payload.Length);
            return records.Count;
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Another archiver wrote the same audit block first; this one was rolled back");
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The first sequence where <paramref name="records"/> do not continue the chain after <paramref name="after"/>, or null.</summary>
    private static long? BreakIn(IReadOnlyList<AuditRecord> records, long after, string previous)
    {
        var expected = after + 1;
        foreach (var record in records)
        {
            if (record.Sequence != expected || record.PreviousHash != previous || AuditHashes.FaultOf(record) != null) return expected;
            previous = record.ChainHash!;
            expected++;
        }
        return null;
    }
}

/// <summary>Runs the archiver every <c>Audit:ArchiveMinutes</c> (default 60); 0 or less turns it off on this node.</summary>
public sealed class AuditArchiverService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AuditArchiverService> logger)
    : PeriodicJob(logger)
{
    private readonly string _holder = JobLeases.NewHolder();

    protected override TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue("Audit:ArchiveMinutes", 60.0));
    protected override string FailureMessage => "Archiving the audit log failed; will retry";

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AuditArchiver>().ArchiveDueAsync(_holder, cancellationToken);
    }
}
