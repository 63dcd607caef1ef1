using Beian.Core.Reporting;
using Beian.Web.Data;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Reporting;

/// <summary>
/// How many of a reporter's entries (a provider's sites, a store's APPs) lie in a unit and how many of them are unfiled,
/// as its last completed report left them. 统计分析 and 服务商上报 add these up for a jurisdiction instead of counting
/// millions of entries per view. <see cref="UnitCode"/> is empty for entries no unit could be found for.
/// </summary>
public class ReportedCount
{
    public Guid ReporterId { get; set; }
    public string UnitCode { get; set; } = string.Empty;
    public int Reported { get; set; }
    public int Unfiled { get; set; }
}

/// <summary>Keeps <see cref="ReportedCount"/>: the reporter's rows replaced when a report of theirs completes.</summary>
public sealed class ReportedCounts(BeianDbContext db)
{
    /// <summary>Recounts the reporter's entries per unit, in the caller's transaction (after its entries are saved).</summary>
    public async Task RecountAsync(Guid reporterId, ReporterRole role, CancellationToken cancellationToken)
    {
        var counts = role == ReporterRole.ServiceProvider
            ? await db.Set<ReportedSite>().Where(s => s.ReporterId == reporterId).GroupBy(s => s.UnitCode)
                .Select(g => new { Unit = g.Key, Reported = g.Count(), Unfiled = g.Count(s => s.WebsiteId == null) }).ToListAsync(cancellationToken)
            : await db.Set<ListedApp>().Where(a => a.ReporterId == reporterId).GroupBy(a => a.UnitCode)
                .Select(g => new { Unit = g.Key, Reported = g.Count(), Unfiled = g.Count(a => a.AppId == null) }).ToListAsync(cancellationToken);
        await db.Set<ReportedCount>().Where(c => c.ReporterId == reporterId).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(counts.Select(c => new ReportedCount { ReporterId = reporterId, UnitCode = c.Unit ?? string.Empty, Reported = c.Reported, Unfiled = c.Unfiled }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Per reporter of the role: its entries within the officer's jurisdiction, and how many are unfiled.</summary>
    public Task<Dictionary<Guid, (int Reported, int Unfiled)>> InAsync(string officerUnitCode, ReporterRole role, CancellationToken cancellationToken)
    {
        var reporters = db.Set<Reporter>().Where(r => r.Role == role).Select(r => r.Id);
        return db.Set<ReportedCount>().AsNoTracking().WithinUnit(officerUnitCode, c => c.UnitCode)
            .Where(c => reporters.Contains(c.ReporterId))
            .GroupBy(c => c.ReporterId)
            .Select(g => new { g.Key, Reported = g.Sum(c => c.Reported), Unfiled = g.Sum(c => c.Unfiled) })
            .ToDictionaryAsync(c => c.Key, c => (c.Reported, c.Unfiled), cancellationToken);
    }
}

/// <summary>Counts the entries of every reporter that has entries but no kept counts (those reported before the counts existed).</summary>
public sealed class ReportedCountsBackfill(BeianDbContext db, ReportedCounts counts, JobLeases leases) : IStartupBackfill
{
    public const string LeaseName = "reported-counts-backfill";
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    public string Filled => "reporters given their kept entry counts";

    public Task<int> RunAsync(string holder, CancellationToken cancellationToken) =>
        leases.WhileHoldingAsync(LeaseName, holder, LeaseTime, notHeld: 0, async () =>
        {
            var counted = db.Set<ReportedCount>().Select(c => c.ReporterId);
            var missing = await db.Set<Reporter>().AsNoTracking()
                .Where(r => !counted.Contains(r.Id)
                            && (db.Set<ReportedSite>().Any(s => s.ReporterId == r.Id) || db.Set<ListedApp>().Any(a => a.ReporterId == r.Id)))
                .Select(r => new { r.Id, r.Role }).ToListAsync(cancellationToken);
            foreach (var reporter in missing)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await counts.RecountAsync(reporter.Id, reporter.Role, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                if (!await leases.RenewAsync(LeaseName, holder, LeaseTime, cancellationToken)) break;
            }
            return missing.Count;
        }, cancellationToken);
}

internal sealed class ReportedCountConfiguration : IEntityTypeConfiguration<ReportedCount>
{
    public void Configure(EntityTypeBuilder<ReportedCount> builder)
    {
        builder.ToTable("ReportedCounts");
        builder.HasKey(c => new { c.ReporterId, c.UnitCode });
        builder.Property(c => c.UnitCode).HasMaxLength(6);
    }
}
