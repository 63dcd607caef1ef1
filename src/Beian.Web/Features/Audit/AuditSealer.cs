using Beian.Web.Data;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Audit;

/// <summary>
/// Links unsealed audit records into the hash chain, oldest first (by time, then id): each gets
/// sequence = previous + 1 and chainHash = SHA-256(previous chain hash ‖ content hash). Only the
/// holder of the lease <see cref="LeaseName"/> seals; should two sealers still overlap (a lease
/// lost mid-batch), the unique sequence and the "still unsealed" condition of every UPDATE make
/// the later batch fail and roll back, so the chain never forks.
/// </summary>
public sealed class AuditSealer(BeianDbContext db, JobLeases leases, TimeProvider clock, ILogger<AuditSealer> logger)
{
    public const string LeaseName = "audit-sealer";
    public const int BatchSize = 500;
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(1);

    /// <summary>Seals everything pending while holding the lease; 0 when another node holds it.</summary>
    public Task<int> SealPendingAsync(string holder, CancellationToken cancellationToken = default) =>
        leases.WhileHoldingAsync(LeaseName, holder, LeaseDuration, notHeld: 0, async () =>
        {
            var total = 0;
            int sealedNow;
            do
            {
                sealedNow = await SealBatchAsync(cancellationToken);
                total += sealedNow;
            } while (sealedNow == BatchSize && await leases.RenewAsync(LeaseName, holder, LeaseDuration, cancellationToken));
            return total;
        }, cancellationToken);

    /// <summary>
    /// One batch in one transaction, without looking at the lease (the caller holds it). Returns
    /// how many were sealed; 0 when a concurrent sealer got there first.
    /// </summary>
    internal async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The chain's head is its last sealed row, or, when every sealed record is archived, the last block's end.
            var head = await db.AuditRecords.AsNoTracking().Where(r => r.Sequence != null)
                           .OrderByDescending(r => r.Sequence).Select(r => new { r.Sequence, r.ChainHash }).FirstOrDefaultAsync(cancellationToken)
                       ?? await db.AuditBlocks.AsNoTracking().OrderByDescending(b => b.LastSequence)
                           .Select(b => new { Sequence = (long?)b.LastSequence, ChainHash = (string?)b.LastChainHash }).FirstOrDefaultAsync(cancellationToken);
            var batch = await db.AuditRecords.Where(r => r.Sequence == null)
                .OrderBy(r => r.At).ThenBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) return 0;

            var sequence = head?.Sequence ?? 0;
            var previous = head?.ChainHash ?? AuditHashes.Genesis;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var record in batch)
            {
                record.Seal(++sequence, previous, now);
                previous = record.ChainHash!;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Audit chain sealed up to {Sequence} ({ChainHash})", sequence, previous);
            return batch.Count;
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Another sealer sealed the same audit records first; this batch was rolled back");
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>Runs the sealer every <c>Audit:SealSeconds</c> (default 5) on every node; 0 or less turns it off on this node.</summary>
public sealed class AuditSealerService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AuditSealerService> logger)
    : PeriodicJob(logger)
{
    private readonly string _holder = JobLeases.NewHolder();

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Audit:SealSeconds", 5.0));
    protected override string FailureMessage => "Sealing the audit chain failed; will retry";

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(_holder, cancellationToken);
    }
}
