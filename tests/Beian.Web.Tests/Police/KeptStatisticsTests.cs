using System.Text.Json;
using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Core.PoliceUnits;
using Beian.Core.Time;
using Beian.Web.Features.Accounts;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Calendar;
using Beian.Web.Features.Police.Statistics;
using Beian.Web.Infrastructure.Jobs;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>
/// The kept counts of 统计分析 against a recount of the applications (the queries the statistics ran before the counts
/// were kept): after a random history of submissions and decisions, after decisions made at the same moment on two
/// servers, after a fold, and after the backfill of a database whose counts were never kept. The fold runs only when a
/// test says so.
/// </summary>
public abstract class KeptStatisticsTests(PlatformFixture platform)
{
    private static readonly PoliceUnitCatalog Catalog = PoliceUnitCatalog.Default;
    private static readonly DateTime Start = BeijingTime.StartOfDayUtc(new DateOnly(2026, 9, 20));

    /// <summary>Two counties of 杭州, one of 宁波, one of 南京 and one of 北京, and a city and a province that receive applications themselves.</summary>
    private static readonly string[] Units =
    [
        .. Catalog.ChildrenOf("330100").Take(2).Select(u => u.Code),
        Catalog.ChildrenOf("330200")[0].Code,
        Catalog.ChildrenOf("320100")[0].Code,
        Catalog.ChildrenOf("110100")[0].Code,
        "330100",
        "330000",
    ];

    private static readonly BusinessType[] Types =
    [
        BusinessType.NewWebsite, BusinessType.ChangeWebsite, BusinessType.CancelWebsite, BusinessType.NewApp,
        BusinessType.CancelSubject, BusinessType.NewSubject,
    ];

    [Fact]
    public async Task After_a_random_history_of_submissions_and_decisions_the_kept_statistics_equal_a_recount()
    {
        platform.RequireAvailable();
        await RandomHistoryAsync(new Random(18), steps: 160);

        Assert.True(await CountChangesAsync() > 0);
        await AssertKeptEqualsRecountAsync();
        var province = await ReportAsync("330000", Period(Start, Start.AddDays(40)));
        Assert.True(province.Submitted > 0 && province.ReviewTimes.Decided > 0, "the history has submissions and decisions to count");
    }

    [Fact]
    public async Task A_fold_leaves_every_figure_as_it_was_and_the_counts_go_on_from_there()
    {
        platform.RequireAvailable();
        await RandomHistoryAsync(new Random(1018), steps: 60);
        var before = await ReportsAsync(ReviewStatisticsKind.Kept);

        Assert.True(await FoldAsync() > 0);

        Assert.Equal(0, await CountChangesAsync());
        Assert.Equal(before, await ReportsAsync(ReviewStatisticsKind.Kept));
        await RandomHistoryAsync(new Random(2018), steps: 60);
        await AssertKeptEqualsRecountAsync();
    }

    [Fact]
    public async Task Decisions_made_at_the_same_moment_on_two_servers_lose_no_count()
    {
        platform.RequireAvailable();
        var county = Catalog.ChildrenOf("330300")[0].Code; // none of the random histories' units
        var submitted = Start.AddDays(3).AddHours(2);
        var waiting = new List<Guid>();
        for (var i = 0; i < 8; i++)
            waiting.Add((await SaveNewAsync(county, BusinessType.NewWebsite, submitted)).Id);
        await using var secondServer = platform.Factory.WithWebHostBuilder(_ => { });
        var decided = submitted.AddDays(2);

        await AtOnce.RunAsync(Enumerable.Range(0, waiting.Count).Select(i => i % 2 == 0 ? platform.Services : secondServer.Services).ToList(),
            async (services, i) =>
            {
                var db = services.GetRequiredService<BeianDbContext>();
                var application = await db.Applications.SingleAsync(a => a.Id == waiting[i]);
                if (i % 3 == 0) application.Return("reviewer", [new ReturnReason(null, "整体", "请补充材料")], decided);
                else application.Approve("reviewer", null, decided);
                return await db.SaveChangesAsync();
            });

        var report = await ReportAsync(county, Period(submitted, decided));
        Assert.Equal(5, report.ByStatus[ApplicationStatus.Approved]);
        Assert.Equal(3, report.ByStatus[ApplicationStatus.Returned]);
        Assert.True(report.ReviewTimes.Decided >= 8);
        await AssertKeptEqualsRecountAsync();
        await FoldAsync();
        await AssertKeptEqualsRecountAsync();
    }

    [Fact]
    public async Task The_backfill_builds_the_counts_of_a_database_that_never_kept_them()
    {
        platform.RequireAvailable();
        await RandomHistoryAsync(new Random(3018), steps: 80);
        await FoldAsync();
        await ForgetTheCountsAsync();
        // Changes recorded after the upgrade and before the backfill: the backfill counts their applications once.
        await RandomHistoryAsync(new Random(4018), steps: 40);
        Assert.Equal(await ReportsAsync(ReviewStatisticsKind.Recount), await ReportsAsync(ReviewStatisticsKind.Shown));

        Assert.True(await BackfillAsync() > 0);

        Assert.Equal(0, await CountChangesAsync());
        Assert.True(await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().ReviewCountsReady.AnyAsync()));
        await AssertKeptEqualsRecountAsync();
        Assert.Equal(0, await BackfillAsync());
        await RandomHistoryAsync(new Random(5018), steps: 40);
        await AssertKeptEqualsRecountAsync();
    }

    [Fact]
    public async Task A_holiday_entered_inside_the_history_changes_the_kept_review_times_as_it_changes_the_recount()
    {
        platform.RequireAvailable();
        await RandomHistoryAsync(new Random(6018), steps: 120);
        await FoldAsync();
        var period = Period(Start, Start.AddDays(40));
        var before = await ReportAsync("330000", period);
        // Every weekday of the history's first three weeks becomes a holiday: most decisions took fewer working days.
        var days = Enumerable.Range(0, 21).Select(i => BeijingTime.DateOf(Start).AddDays(i)).Where(HolidayYear.IsWeekday).ToList();

        await EnterHolidaysAsync(days);
        await FoldAsync();

        await AssertKeptEqualsRecountAsync();
        var after = await ReportAsync("330000", period);
        Assert.Equal(before.ReviewTimes.Decided, after.ReviewTimes.Decided);
        Assert.True(after.ReviewTimes.AverageWorkingDays < before.ReviewTimes.AverageWorkingDays,
            $"average {before.ReviewTimes.AverageWorkingDays} → {after.ReviewTimes.AverageWorkingDays}");

        await EnterHolidaysAsync([]);
        await FoldAsync();
        await AssertKeptEqualsRecountAsync();
        Assert.Equal(before.ReviewTimes, (await ReportAsync("330000", period)).ReviewTimes);
    }

    [Fact]
    public async Task A_holiday_entered_after_every_decision_counts_for_the_decisions_made_across_it()
    {
        platform.RequireAvailable();
        await RandomHistoryAsync(new Random(7018), steps: 60);
        await FoldAsync();
        var county = Catalog.ChildrenOf("330400")[0].Code; // none of the random histories' units
        var holiday = BeijingTime.DateOf(Start).AddDays(90);
        while (!HolidayYear.IsWeekday(holiday)) holiday = holiday.AddDays(1);

        await EnterHolidaysAsync([holiday]);
        await FoldAsync();
        var submitted = BeijingTime.StartOfDayUtc(holiday.AddDays(-1)).AddHours(3);
        var application = await SaveNewAsync(county, BusinessType.NewApp, submitted);
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            (await db.Applications.SingleAsync(a => a.Id == application.Id)).Approve("reviewer", null, submitted.AddDays(2));
            return await db.SaveChangesAsync();
        });

        var day = BeijingTime.DateOf(submitted);
        foreach (var folded in new[] { false, true })
        {
            if (folded) await FoldAsync();
            var report = await ReportAsync(county, new StatisticsFilter(day, day.AddDays(2), null));
            Assert.Equal(1.0, report.ReviewTimes.AverageWorkingDays); // the holiday between does not count
            await AssertKeptEqualsRecountAsync(day.AddDays(-100), day.AddDays(5));
        }
        await EnterHolidaysAsync([]);
        await FoldAsync();
    }

    [Fact]
    public async Task A_website_filed_and_approved_through_the_pages_is_counted_as_it_is_recounted()
    {
        platform.RequireAvailable();
        var county = Units[1];
        var filed = await ReviewFlows.FileWebsiteInAsync(platform, county);
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, county);
        await ReviewFlows.ApproveAsync(reviewer, filed.ApplicationId);

        var today = BeijingTime.DateOf(DateTime.UtcNow);
        var report = await ReportAsync(county, new StatisticsFilter(today.AddDays(-1), today.AddDays(1), BusinessType.NewWebsite));
        Assert.Equal(1, report.ByStatus[ApplicationStatus.Approved]);
        await AssertKeptEqualsRecountAsync(today.AddDays(-1), today.AddDays(1));
    }

    /// <summary>
    /// Applications submitted, claimed, released, sent for inspection, approved, returned, resubmitted, withdrawn, moved
    /// to another unit and (rarely) deleted, each step in a save of its own, at times that only move forward.
    /// </summary>
    private async Task RandomHistoryAsync(Random random, int steps)
    {
        var known = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Applications
            .Where(a => a.OwnerUserId.StartsWith("kept-")).Select(a => a.Id).ToListAsync());
        for (var step = 0; step < steps; step++)
        {
            if (known.Count == 0 || random.Next(100) < 30)
            {
                var submitted = Start.AddMinutes(random.Next(0, 20 * 24 * 60));
                known.Add((await SaveNewAsync(Pick(random, Units), Pick(random, Types), submitted)).Id);
                continue;
            }
            var id = Pick(random, known);
            var deleted = await platform.ScopedAsync(async s =>
            {
                var db = s.GetRequiredService<BeianDbContext>();
                var application = await db.Applications.Include(a => a.Transitions).SingleAsync(a => a.Id == id);
                var final = application.Status is ApplicationStatus.Approved or ApplicationStatus.Revoked;
                var deleting = random.Next(100) < (final ? 10 : 2);
                if (deleting) db.Applications.Remove(application);
                else if (!final) Act(application, random);
                await db.SaveChangesAsync();
                return deleting;
            });
            if (deleted) known.Remove(id);
        }
    }

    private static void Act(FilingApplication application, Random random)
    {
        var last = application.Transitions.Max(t => t.At);
        var at = last.AddHours(random.Next(1, 72));
        // A waiting application is withdrawn within 30 minutes of its submission; a returned one at any time.
        var revokeAt = application.Status == ApplicationStatus.Pending ? application.SubmittedAt.AddMinutes(10) : at;
        var reviewer = application.AssignedReviewerUserId ?? "reviewer";
        var actions = Enum.GetValues<ApplicationAction>()
            .Where(a => ApplicationStateMachine.CanApply(application.Status, a))
            .Where(a => a != ApplicationAction.Revoke || (revokeAt >= last && application.RefuseRevoke(revokeAt) == null))
            .ToList();
        switch (Pick(random, actions))
        {
            case ApplicationAction.Claim: application.Claim(reviewer, at); break;
            case ApplicationAction.Release: application.Release(reviewer, at); break;
            case ApplicationAction.Reassign: application.Reassign("supervisor", Pick(random, Units), null, "改派", at); break;
            case ApplicationAction.RequestInspection: application.RequestInspection(reviewer, "面审", at); break;
            case ApplicationAction.RecordInspection: application.RecordInspection(reviewer, "已面审", at); break;
            case ApplicationAction.Approve: application.Approve(reviewer, null, at); break;
            case ApplicationAction.Return: application.Return(reviewer, [new ReturnReason(null, "整体", "请补充材料")], at); break;
            case ApplicationAction.Resubmit:
                if (random.Next(4) == 0) application.MoveToJurisdiction(Pick(random, Units));
                application.Resubmit(application.OwnerUserId, at);
                break;
            case ApplicationAction.Revoke: application.Revoke(application.OwnerUserId, revokeAt); break;
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private Task<FilingApplication> SaveNewAsync(string unit, BusinessType type, DateTime submittedUtc) =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var application = FilingApplication.Submit($"kept-{Guid.NewGuid():N}", type, Guid.NewGuid(), null, "统计测试", unit, Guid.NewGuid(),
                DateTime.SpecifyKind(submittedUtc, DateTimeKind.Utc));
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application;
        });

    private enum ReviewStatisticsKind
    {
        Kept,
        Recount,
        Shown,
    }

    /// <summary>Every unit of the history, its city, province and the ministry; the whole history, a period inside it, one business type.</summary>
    private static IEnumerable<(string Unit, StatisticsFilter Filter)> Views(DateOnly from, DateOnly to)
    {
        var units = Units.SelectMany(u => Catalog.AncestorsOf(u).Select(a => a.Code).Prepend(u)).Distinct().Order().ToList();
        var middle = from.AddDays((to.DayNumber - from.DayNumber) / 3);
        StatisticsFilter[] filters =
        [
            new(from, to, null),
            new(middle, middle.AddDays(9), null),
            new(from, to, BusinessType.CancelWebsite),
        ];
        return units.SelectMany(unit => filters.Select(filter => (unit, filter)));
    }

    private async Task<List<string>> ReportsAsync(ReviewStatisticsKind kind, DateOnly? from = null, DateOnly? to = null)
    {
        var reports = new List<string>();
        foreach (var (unit, filter) in Views(from ?? BeijingTime.DateOf(Start).AddDays(-2), to ?? BeijingTime.DateOf(Start).AddDays(60)))
        {
            var report = await platform.ScopedAsync(s =>
            {
                var statistics = s.GetRequiredService<ReviewStatistics>();
                return kind == ReviewStatisticsKind.Recount ? statistics.RecountAsync(unit, filter)
                    : kind == ReviewStatisticsKind.Kept ? statistics.KeptAsync(unit, filter)
                    : statistics.ForUnitAsync(unit, filter);
            });
            reports.Add($"{unit} {JsonSerializer.Serialize(report)}");
        }
        return reports;
    }

    private async Task AssertKeptEqualsRecountAsync(DateOnly? from = null, DateOnly? to = null)
    {
        var kept = await ReportsAsync(ReviewStatisticsKind.Kept, from, to);
        var recount = await ReportsAsync(ReviewStatisticsKind.Recount, from, to);
        foreach (var (expected, actual) in recount.Zip(kept)) Assert.Equal(expected, actual);
    }

    private Task<StatisticsReport> ReportAsync(string unit, StatisticsFilter filter) =>
        platform.ScopedAsync(s => s.GetRequiredService<ReviewStatistics>().KeptAsync(unit, filter));

    private static StatisticsFilter Period(DateTime fromUtc, DateTime toUtc) => new(BeijingTime.DateOf(fromUtc), BeijingTime.DateOf(toUtc), null);

    private Task<int> CountChangesAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().ReviewCountChanges.CountAsync());

    private Task<int> FoldAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<ReviewCountsFold>().RunAsync(JobLeases.NewHolder(), CancellationToken.None));

    private Task<int> BackfillAsync() =>
        platform.ScopedAsync(s => s.GetServices<IStartupBackfill>().OfType<ReviewCountsBackfill>().Single()
            .RunAsync(JobLeases.NewHolder(), CancellationToken.None));

    /// <summary>
    /// The year of the history as the shipped calendar has it plus <paramref name="holidays"/> (none: the entered year
    /// removed), as 节假日设置 saves it.
    /// </summary>
    private Task<int> EnterHolidaysAsync(IReadOnlyList<DateOnly> holidays) =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var year = BeijingTime.DateOf(Start).Year;
            await db.Set<HolidayYearEntry>().Where(e => e.Year == year).ExecuteDeleteAsync();
            if (holidays.Count == 0) return 0;
            var shipped = HolidayCalendar.Shipped.Single(y => y.Year == year);
            var entry = HolidayYearEntry.For(year);
            var withTheirs = new Dictionary<DateOnly, string>(shipped.Holidays);
            foreach (var day in holidays) withTheirs.TryAdd(day, "测试");
            entry.Set(shipped with { Holidays = withTheirs }, HolidayYearSource.Entered, "admin", DateTime.UtcNow);
            db.Add(entry);
            return await db.SaveChangesAsync();
        });

    /// <summary>The database as an older version left it: no kept counts, no changes, not ready.</summary>
    private Task<int> ForgetTheCountsAsync() =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            await db.ReviewCountsReady.ExecuteDeleteAsync();
            await db.ReviewCountChanges.ExecuteDeleteAsync();
            await db.WorkingDayPositions.ExecuteDeleteAsync();
            return await db.ReviewBlocks.ExecuteDeleteAsync();
        });
}

/// <summary>The platform with the fold's timer off: a test folds when it means to.</summary>
public sealed class KeptCountsSqlitePlatform : SqlitePlatform
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Statistics:FoldSeconds"] = "0" };
}

public sealed class KeptCountsPostgresPlatform : PostgresPlatform
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Statistics:FoldSeconds"] = "0" };
}

public sealed class KeptStatisticsTests_Sqlite(KeptCountsSqlitePlatform platform) : KeptStatisticsTests(platform), IClassFixture<KeptCountsSqlitePlatform>;

public sealed class KeptStatisticsTests_Postgres(KeptCountsPostgresPlatform platform) : KeptStatisticsTests(platform), IClassFixture<KeptCountsPostgresPlatform>;
