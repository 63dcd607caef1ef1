using Beian.Core.Applications;
using Beian.Core.PoliceUnits;
using Beian.Core.Statistics;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>
/// Builds the kept counts from the applications when they are not ready (a database from before they were kept), in
/// set-based SQL: each application as its unit's own (a unit the table does not know: the ministry's), then below every
/// supervising unit short of the ministry. One transaction that sees one snapshot replaces whatever counts and changes
/// there were: the changes it sees are those of the applications it counts, and a change committed after its snapshot
/// stays for the fold. Under the fold's lease, and marking the counts ready in the same transaction, so two nodes
/// starting at once build them once.
/// </summary>
public sealed class ReviewCountsBackfill(BeianDbContext db, JobLeases leases, TimeProvider clock) : IStartupBackfill
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(30);

    public string Filled => "kept statistics counts built from the applications";

    public async Task<int> RunAsync(string holder, CancellationToken cancellationToken)
    {
        if (await db.ReviewCountsReady.AnyAsync(cancellationToken)) return 0;
        return await leases.WhileHoldingAsync(ReviewCountsFold.LeaseName, holder, LeaseTime, notHeld: 0, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ReviewCountsFold.OneSnapshot(db), cancellationToken);
            if (await db.ReviewCountsReady.AnyAsync(cancellationToken)) return 0;
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ReviewCountChanges\"", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ReviewCounts\"", cancellationToken);
            var own = await db.Database.ExecuteSqlRawAsync(OwnSql(db.Database.IsNpgsql()), cancellationToken);
            var below = await db.Database.ExecuteSqlRawAsync(BelowSql, cancellationToken);
            db.ReviewCountsReady.Add(new ReviewCountsReady { BuiltAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return own + below;
        }, cancellationToken);
    }

    private static string OwnSql(bool postgres)
    {
        string BeijingDay(string column) => postgres ? $"(({column} AT TIME ZONE 'UTC') + INTERVAL '8 hours')::date" : $"date({column}, '+8 hours')";
        var notDecided = postgres ? $"DATE '{ReviewCountKey.NotDecided:yyyy-MM-dd}'" : $"'{ReviewCountKey.NotDecided:yyyy-MM-dd}'";
        return $"""
            INSERT INTO "ReviewCounts" ({ReviewCountsFold.KeyColumns}, "Count")
            SELECT COALESCE(u."Code", '{PoliceUnitCatalog.MinistryCode}'), '{CountScope.Own}', {BeijingDay("a.\"SubmittedAt\"")}, a."BusinessType", a."Status",
                   CASE WHEN a."Status" IN ('{ApplicationStatus.Approved}', '{ApplicationStatus.Returned}') AND a."DecidedAt" IS NOT NULL THEN {BeijingDay("a.\"DecidedAt\"")} ELSE {notDecided} END,
                   COUNT(*)
            FROM "Applications" a LEFT JOIN "PoliceUnits" u ON u."Code" = a."JurisdictionUnitCode"
            WHERE a."BusinessType" <> '{BusinessType.NewSubject}'
            GROUP BY 1, 2, 3, 4, 5, 6
            """;
    }

    private static readonly string BelowSql = $"""
        WITH RECURSIVE "Supervisors" ("Code", "SupervisorCode") AS (
            SELECT "Code", "ParentCode" FROM "PoliceUnits" WHERE "ParentCode" <> '{PoliceUnitCatalog.MinistryCode}'
            UNION ALL
            SELECT s."Code", p."ParentCode" FROM "Supervisors" s JOIN "PoliceUnits" p ON p."Code" = s."SupervisorCode"
            WHERE p."ParentCode" <> '{PoliceUnitCatalog.MinistryCode}'
        )
        INSERT INTO "ReviewCounts" ({ReviewCountsFold.KeyColumns}, "Count")
        SELECT s."SupervisorCode", '{CountScope.Below}', o."SubmittedOn", o."BusinessType", o."Status", o."DecidedOn", SUM(o."Count")
        FROM "ReviewCounts" o JOIN "Supervisors" s ON s."Code" = o."UnitCode"
        WHERE o."Scope" = '{CountScope.Own}'
        GROUP BY 1, 2, 3, 4, 5, 6
        """;
}
