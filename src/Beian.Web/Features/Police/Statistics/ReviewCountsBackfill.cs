using Beian.Core.Statistics;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Calendar;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>
/// Builds the kept counts from the applications when they are not ready (a database from before they were kept, or
/// kept otherwise: <see cref="ReviewCountsReady.Codes"/>) with <see cref="ReviewCountBlocks.RebuildAsync"/>. One
/// transaction that sees one snapshot replaces whatever counts and changes there were: the changes it sees are those of
/// the applications it counts, and a change committed after its snapshot stays for the fold. Under the fold's lease, and
/// marking the counts ready (with the calendar they were reckoned with) in the same transaction, so two nodes starting at
/// once build them once.
/// </summary>
public sealed class ReviewCountsBackfill(BeianDbContext db, JobLeases leases, HolidayCalendars calendars, TimeProvider clock) : IStartupBackfill
{
    internal static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(30);

    public string Filled => "kept statistics counts built from the applications";

    public async Task<int> RunAsync(string holder, CancellationToken cancellationToken)
    {
        if (await db.ReviewCountsReady.AnyAsync(ReviewCountsReady.IsCurrent, cancellationToken)) return 0;
        return await leases.WhileHoldingAsync(ReviewCountsFold.LeaseName, holder, LeaseTime, notHeld: 0, async () =>
        {
            // Its statements read every application: at national scale they run for minutes, not the default 30 s.
            db.Database.SetCommandTimeout(LeaseTime);
            await calendars.ReloadAsync(db, cancellationToken);
            var calculator = calendars.Current;
            await using var transaction = await db.Database.BeginTransactionAsync(ReviewCountsFold.OneSnapshot(db), cancellationToken);
            if (await db.ReviewCountsReady.AnyAsync(ReviewCountsReady.IsCurrent, cancellationToken)) return 0;
            await db.ReviewCountsReady.ExecuteDeleteAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ReviewCountChanges\"", cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var written = await ReviewCountBlocks.RebuildAsync(db, calculator, BeijingTime.DateOf(now), cancellationToken);
            db.ReviewCountsReady.Add(new ReviewCountsReady { BuiltAt = now, Calendar = calculator.Calendar.Signature, Codes = ReviewMeasures.Signature });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return written;
        }, cancellationToken);
    }
}
