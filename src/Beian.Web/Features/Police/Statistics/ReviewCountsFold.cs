using System.Data;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>
/// Adds the appended <see cref="ReviewCountChange"/>s into the <see cref="ReviewCount"/>s and removes them, in one
/// transaction that sees one snapshot (repeatable read on PostgreSQL; SQLite has one writer), so that exactly the changes
/// it adds are the ones it removes; a change committed meanwhile waits for the next fold. A reader adds the changes
/// not folded yet, in the same statement, so the totals are the same before and after. Counts that fall to zero go.
/// Under the lease <see cref="LeaseName"/>, which the backfill also holds, and only once the counts are ready.
/// </summary>
public sealed class ReviewCountsFold(BeianDbContext db, JobLeases leases)
{
    public const string LeaseName = "review-counts";
    internal const string KeyColumns = "\"UnitCode\", \"Scope\", \"SubmittedOn\", \"BusinessType\", \"Status\", \"DecidedOn\"";
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    private const string AddSql = $"""
        INSERT INTO "ReviewCounts" ({KeyColumns}, "Count")
        SELECT {KeyColumns}, SUM("Delta") FROM "ReviewCountChanges" WHERE TRUE GROUP BY {KeyColumns}
        ON CONFLICT ("UnitCode", "SubmittedOn", "BusinessType", "Status", "DecidedOn", "Scope")
        DO UPDATE SET "Count" = "ReviewCounts"."Count" + excluded."Count"
        """;

    private const string RemoveZerosSql = """
        DELETE FROM "ReviewCounts" WHERE "Count" = 0 AND EXISTS (
            SELECT 1 FROM "ReviewCountChanges" c
            WHERE c."UnitCode" = "ReviewCounts"."UnitCode" AND c."SubmittedOn" = "ReviewCounts"."SubmittedOn"
              AND c."BusinessType" = "ReviewCounts"."BusinessType" AND c."Status" = "ReviewCounts"."Status"
              AND c."DecidedOn" = "ReviewCounts"."DecidedOn" AND c."Scope" = "ReviewCounts"."Scope")
        """;

    /// <summary>How many changes it folded (0 as well when another holds the lease or the counts are not ready).</summary>
    public Task<int> RunAsync(string holder, CancellationToken cancellationToken) =>
        leases.WhileHoldingAsync(LeaseName, holder, LeaseTime, notHeld: 0, async () =>
        {
            if (!await db.ReviewCountsReady.AnyAsync(cancellationToken)) return 0;
            await using var transaction = await db.Database.BeginTransactionAsync(OneSnapshot(db), cancellationToken);
            await db.Database.ExecuteSqlRawAsync(AddSql, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(RemoveZerosSql, cancellationToken);
            var folded = await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ReviewCountChanges\"", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return folded;
        }, cancellationToken);

    /// <summary>Statements of one transaction that see the same rows: repeatable read on PostgreSQL; SQLite's only level.</summary>
    internal static IsolationLevel OneSnapshot(BeianDbContext db) =>
        db.Database.IsNpgsql() ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable;
}

/// <summary>Folds the kept counts' changes every <c>Statistics:FoldSeconds</c> (60 by default; 0 turns it off on this node).</summary>
public sealed class ReviewCountsFoldJob(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReviewCountsFoldJob> logger)
    : PeriodicJob(logger)
{
    private readonly string _holder = JobLeases.NewHolder();

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Statistics:FoldSeconds", 60.0));
    protected override string FailureMessage => "Folding the statistics' count changes failed; will retry";
    protected override LogLevel FailureLevel => LogLevel.Warning;

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReviewCountsFold>().RunAsync(_holder, cancellationToken);
    }
}
