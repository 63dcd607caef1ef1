using System.Data;
using Beian.Core.Calendar;
using Beian.Core.Statistics;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Calendar;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>
/// Adds the appended <see cref="ReviewCountChange"/>s into the blocks (<see cref="ReviewCountBlocks"/>) and removes
/// them, in one transaction that sees one snapshot (repeatable read on PostgreSQL; SQLite has one writer), so that
/// exactly the changes it adds are the ones it removes; a change committed meanwhile waits for the next fold. A reader
/// adds the changes not folded yet, in the same statement, so the totals are the same before and after. Numbers that fall
/// to zero go, and blocks left with none. Under the lease <see cref="LeaseName"/>, which the backfill also holds, and only once the counts are ready.
/// It first follows the holiday calendar: when it differs from the one the counts were reckoned with, the working-day
/// positions are rewritten from the first day it counts otherwise, and if a decision was made on or after that day the
/// counts are rebuilt from the applications (their working days changed).
/// </summary>
public sealed class ReviewCountsFold(BeianDbContext db, JobLeases leases, HolidayCalendars calendars, TimeProvider clock)
{
    public const string LeaseName = "review-counts";
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    /// <summary>How many changes it folded (0 as well when another holds the lease or the counts are not ready).</summary>
    public Task<int> RunAsync(string holder, CancellationToken cancellationToken) =>
        leases.WhileHoldingAsync(LeaseName, holder, LeaseTime, notHeld: 0, async () =>
        {
            if (!await db.ReviewCountsReady.AnyAsync(ReviewCountsReady.IsCurrent, cancellationToken)) return 0;
            await calendars.ReloadAsync(db, cancellationToken);
            var calculator = calendars.Current;
            var today = BeijingTime.DateOf(clock.GetUtcNow().UtcDateTime);
            await using var transaction = await db.Database.BeginTransactionAsync(OneSnapshot(db), cancellationToken);
            var ready = await db.ReviewCountsReady.AsNoTracking().SingleAsync(cancellationToken);
            if (ready.Calendar != calculator.Calendar.Signature)
            {
                await FollowCalendarAsync(holder, calculator, today, cancellationToken);
                await db.ReviewCountsReady.ExecuteUpdateAsync(r => r.SetProperty(c => c.Calendar, calculator.Calendar.Signature), cancellationToken);
            }
            await CoverChangedDaysAsync(calculator, today, cancellationToken);
            await ReviewCountBlocks.AddAsync(db, "\"ReviewCountChanges\"", cancellationToken);
            var folded = await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ReviewCountChanges\"", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return folded;
        }, cancellationToken);

    private async Task FollowCalendarAsync(string holder, WorkingDayCalculator calculator, DateOnly today, CancellationToken cancellationToken)
    {
        var changedFrom = await ReviewCountBlocks.RewritePositionsAsync(db, calculator, cancellationToken);
        if (changedFrom is not { } day || !await DecidedSinceAsync(day, cancellationToken)) return;
        await leases.RenewAsync(LeaseName, holder, ReviewCountsBackfill.LeaseTime, cancellationToken);
        db.Database.SetCommandTimeout(ReviewCountsBackfill.LeaseTime);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ReviewCountChanges\"", cancellationToken);
        await ReviewCountBlocks.RebuildAsync(db, calculator, today, cancellationToken);
    }

    /// <summary>Whether a block from the one that holds <paramref name="day"/> on keeps a decision (not only on or after the day: a rebuild too many costs time, not counts).</summary>
    private Task<bool> DecidedSinceAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var firstDay = DayBlocks.Holding(day).FirstDay;
        return db.ReviewBlocks.AnyAsync(b => b.FirstDay >= firstDay && b.DailyTimes != null, cancellationToken);
    }

    /// <summary>The positions of every day the changes name (a day outside them would drop its change from the sums).</summary>
    private async Task CoverChangedDaysAsync(WorkingDayCalculator calculator, DateOnly today, CancellationToken cancellationToken)
    {
        var days = await db.ReviewCountChanges.GroupBy(_ => 1).Select(g => new
        {
            First = g.Min(c => c.DecidedOn != ReviewCountKey.NotDecided && c.DecidedOn < c.SubmittedOn ? c.DecidedOn : c.SubmittedOn),
            Last = g.Max(c => c.DecidedOn > c.SubmittedOn ? c.DecidedOn : c.SubmittedOn),
        }).SingleOrDefaultAsync(cancellationToken);
        if (days != null) await ReviewCountBlocks.CoverAsync(db, calculator, days.First, days.Last, today, cancellationToken);
    }

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
