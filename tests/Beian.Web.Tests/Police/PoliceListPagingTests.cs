using System.Net;
using AngleSharp.Html.Dom;
using Beian.Web.Features.Filing;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Assessments;
using Beian.Web.Features.Reporting;
using Beian.Web.Features.Unfiled;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>
/// 未备案网站导入 (未备案网站, 网站认领), 服务商上报 (核查事项, 未备案APP) and 安全评估 on keyset pages: 下一页 walks every row of
/// a county's list once, in the list's order (the database's, ties included), while new rows arrive between the clicks; the
/// count stops at its bound (<see cref="KeysetPagingTests.Bound"/>); another county's rows never show, not even through a
/// cursor made of one of them; a garbled cursor or an old page number (?p=) is the first page.
/// </summary>
public abstract class PoliceListPagingTests(PlatformFixture platform)
{
    private const int PageSize = 20;

    [Fact]
    public async Task Imported_unfiled_sites_walk_once_in_order_while_more_are_imported_and_stay_within_the_county()
    {
        platform.RequireAvailable();
        const string county = "330302";
        var batch = Whole(DateTime.UtcNow.AddDays(-2));
        // Two imports, one domain twice in the first (its id breaks the tie), and a newer import of another county.
        var own = await AddAsync(Enumerable.Range(0, 22).Select(i => UnfiledSite(county, batch, i == 21 ? "d00.example.com" : $"d{i:00}.example.com"))
            .Concat(Enumerable.Range(0, 13).Select(i => UnfiledSite(county, batch.AddMinutes(1), $"e{i:00}.example.com"))));
        var others = await AddAsync(Enumerable.Range(0, 5).Select(i => UnfiledSite("330303", batch.AddMinutes(2), $"f{i:00}.example.com")));
        var expected = await IdsAsync(db => db.Set<UnfiledSite>().Where(s => s.ImportedByUnitCode == county)
            .OrderByDescending(s => s.ImportedAt).ThenBy(s => s.Domain).ThenBy(s => s.Id).Select(s => s.Id));
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, county);

        var first = await reviewer.GetAsync("/Police/Imports");
        Assert.Equal($"超过 {KeysetPagingTests.Bound} 条", first.QuerySelector("#record-total")!.TextContent);
        var arrived = new List<UnfiledSite>();
        var walked = await KeysetPages.WalkAsync(reviewer, first, "next", Rows,
            async () => arrived.AddRange(await AddAsync([UnfiledSite(county, Whole(DateTime.UtcNow), $"new{arrived.Count}.example.com")])));
        Assert.Equal(expected, walked);
        Assert.Equal(arrived.Select(s => s.Id.ToString()).Reverse(), Rows(await reviewer.GetAsync("/Police/Imports")).Take(arrived.Count));

        await AssertOwnRowsOnlyAsync(reviewer, "/Police/Imports?type=unfiled", Rows, expected.Concat(arrived.Select(s => s.Id.ToString())),
            ImportedRecords.SiteOrder.CursorOf(others[2]));
        var offlineTab = first.QuerySelectorAll(".nav-tabs a").Single(a => a.TextContent == "网站认领").GetAttribute("href")!;
        Assert.DoesNotContain("cursor", offlineTab);

        using var neighbour = await Officers.LoggedInAsync(platform, Roles.Reviewer, "330303");
        var theirs = await neighbour.GetAsync("/Police/Imports");
        Assert.Equal("共 5 条", theirs.QuerySelector("#record-total")!.TextContent);
        Assert.Null(theirs.QuerySelector("nav.keyset-pager"));

        static List<string> Rows(IHtmlDocument page) => KeysetPages.Ids(page, "#imported-records");
    }

    [Fact]
    public async Task Offline_filings_walk_once_in_order_while_more_are_imported_and_stay_within_the_county()
    {
        platform.RequireAvailable();
        const string county = "330304";
        var batch = Whole(DateTime.UtcNow.AddDays(-2));
        var prefix = Random.Shared.Next(10_000, 99_999);
        await AddAsync(Enumerable.Range(0, 34).Select(i => OfflineFiling(county, batch.AddMinutes(i / 10), $"330304{prefix}{i:000}")));
        var others = await AddAsync(Enumerable.Range(0, 3).Select(i => OfflineFiling("330305", batch.AddMinutes(9), $"330305{prefix}{i:000}")));
        var expected = await IdsAsync(db => db.Set<OfflineFiling>().Where(f => f.ImportedByUnitCode == county)
            .OrderByDescending(f => f.ImportedAt).ThenBy(f => f.NumberDigits).Select(f => f.Id));
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, county);

        var first = await reviewer.GetAsync("/Police/Imports?type=offline");
        Assert.Equal($"超过 {KeysetPagingTests.Bound} 条", first.QuerySelector("#record-total")!.TextContent);
        var arrived = 0;
        var walked = await KeysetPages.WalkAsync(reviewer, first, "next", Rows,
            async () => await AddAsync([OfflineFiling(county, Whole(DateTime.UtcNow), $"330304{prefix}{900 + arrived++}")]));
        Assert.Equal(expected, walked);
        var backwards = await KeysetPages.WalkAsync(reviewer, await reviewer.GetAsync("/Police/Imports?type=offline&cursor=last"), "prev", Rows);
        Assert.Equal(expected, backwards.Skip(arrived));

        var everything = Rows(await reviewer.GetAsync("/Police/Imports?type=offline")).Take(arrived).Concat(expected);
        await AssertOwnRowsOnlyAsync(reviewer, "/Police/Imports?type=offline", Rows, everything, ImportedRecords.FilingOrder.CursorOf(others[1]));

        static List<string> Rows(IHtmlDocument page) => KeysetPages.Ids(page, "#imported-records");
    }

    [Fact]
    public async Task Findings_and_unfiled_apps_walk_once_in_order_each_in_its_tab_and_verifying_keeps_the_page()
    {
        platform.RequireAvailable();
        const string county = "330324";
        var report = Whole(DateTime.UtcNow.AddDays(-1));
        await AddAsync(Enumerable.Range(0, 33).Select(i => Finding(county, report.AddMinutes(i / 12), $"site{i % 30:00}.example.com")));
        var otherFindings = await AddAsync(Enumerable.Range(0, 4).Select(i => Finding("330326", report.AddMinutes(5), $"other{i}.example.com")));
        await AddAsync([Finding(county, report.AddMinutes(3), "closed.example.com", closed: true)]);
        await AddAsync(Enumerable.Range(0, 31).Select(i => UnfiledApp(county, report.AddMinutes(i / 8), $"com.example.app{i % 25:00}")));
        var otherApps = await AddAsync(Enumerable.Range(0, 2).Select(i => UnfiledApp("330326", report.AddMinutes(7), $"com.example.other{i}")));
        var findings = await IdsAsync(db => db.Set<ReportFinding>().Where(f => f.UnitCode == county && f.ClosedAt == null)
            .OrderByDescending(f => f.FoundAt).ThenBy(f => f.Domain).ThenBy(f => f.Id).Select(f => f.Id));
        var apps = await IdsAsync(db => db.Set<UnfiledApp>().Where(a => a.UnitCode == county)
            .OrderByDescending(a => a.FoundAt).ThenBy(a => a.PackageName).ThenBy(a => a.Id).Select(a => a.Id));
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, county);

        var first = await reviewer.GetAsync("/Police/Reporting");
        Assert.Equal($"超过 {KeysetPagingTests.Bound} 条", first.QuerySelector("#finding-total")!.TextContent);
        Assert.Contains($"核查事项（超过 {KeysetPagingTests.Bound}）", first.QuerySelector(".nav-tabs")!.TextContent);
        var arrived = 0;
        Assert.Equal(findings, await KeysetPages.WalkAsync(reviewer, first, "next", FindingRows,
            async () => { arrived++; await AddAsync([Finding(county, Whole(DateTime.UtcNow), "new.example.com")]); }));
        var appsFirst = await reviewer.GetAsync("/Police/Reporting?tab=apps");
        Assert.Equal($"超过 {KeysetPagingTests.Bound} 条", appsFirst.QuerySelector("#app-total")!.TextContent);
        Assert.Equal(apps, await KeysetPages.WalkAsync(reviewer, appsFirst, "next", AppRows,
            async () => await AddAsync([UnfiledApp(county, Whole(DateTime.UtcNow), "com.example.arrived")])));

        var findingsTab = await reviewer.GetAsync("/Police/Reporting?tab=findings");
        var secondPage = await reviewer.GetAsync(findingsTab.QuerySelector("nav.keyset-pager a[rel=next]")!.GetAttribute("href")!);
        Assert.All(secondPage.QuerySelectorAll(".nav-tabs a"), tab => Assert.DoesNotContain("cursor", tab.GetAttribute("href")!));
        Assert.Contains("tab=findings", secondPage.QuerySelector("nav.keyset-pager a[rel=prev]")!.GetAttribute("href")!);
        var shown = FindingRows(secondPage);
        var afterVerifying = await reviewer.SubmitAsync(secondPage, "已核实");
        Assert.Equal(shown.Skip(1), FindingRows(afterVerifying).Take(shown.Count - 1));

        var everyFinding = await IdsAsync(db => db.Set<ReportFinding>().Where(f => f.UnitCode == county && f.ClosedAt == null)
            .Select(f => f.Id));
        await AssertOwnRowsOnlyAsync(reviewer, "/Police/Reporting?tab=findings", FindingRows, everyFinding,
            ReportingOversight.FindingOrder.CursorOf(otherFindings[0]));
        var everyApp = await IdsAsync(db => db.Set<UnfiledApp>().Where(a => a.UnitCode == county).Select(a => a.Id));
        await AssertOwnRowsOnlyAsync(reviewer, "/Police/Reporting?tab=apps", AppRows, everyApp, ReportingOversight.AppOrder.CursorOf(otherApps[1]));

        static List<string> FindingRows(IHtmlDocument page) => KeysetPages.Ids(page, "#findings");
        static List<string> AppRows(IHtmlDocument page) => KeysetPages.Ids(page, "#unfiled-apps");
    }

    [Fact]
    public async Task Assessments_walk_once_in_order_under_a_status_while_more_are_started_and_stay_within_the_county()
    {
        platform.RequireAvailable();
        const string county = "330327";
        var start = Whole(DateTime.UtcNow.AddDays(-3));
        // Three started at each instant (the id breaks the tie); another county's, started later.
        await AddAsync(Enumerable.Range(0, 36).Select(i => Assessment.Start(Guid.NewGuid(), "seed-owner", county, Step(start.AddMinutes(i / 3)))));
        var others = await AddAsync(Enumerable.Range(0, 4).Select(i => Assessment.Start(Guid.NewGuid(), "seed-owner", "330328", Step(start.AddHours(1)))));
        var expected = await IdsAsync(db => db.Set<Assessment>().Where(a => a.JurisdictionUnitCode == county)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Select(a => a.Id));
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, county);

        const string pending = "/Police/Assessments?status=Pending";
        var first = await reviewer.GetAsync(pending);
        Assert.Equal($"超过 {KeysetPagingTests.Bound} 条", first.QuerySelector("#assessment-total")!.TextContent);
        Assert.Contains("status=Pending", first.QuerySelector("nav.keyset-pager a[rel=next]")!.GetAttribute("href")!);
        var arrived = new List<Assessment>();
        Assert.Equal(expected, await KeysetPages.WalkAsync(reviewer, first, "next", Rows,
            async () => arrived.AddRange(await AddAsync([Assessment.Start(Guid.NewGuid(), "seed-owner", county, Step(Whole(DateTime.UtcNow)))]))));
        Assert.Equal(expected.TakeLast(PageSize), Rows(await reviewer.GetAsync(pending + "&cursor=last")));
        Assert.Null((await reviewer.GetAsync("/Police/Assessments?status=Required")).QuerySelector("#police-assessments"));

        await AssertOwnRowsOnlyAsync(reviewer, pending, Rows, expected.Concat(arrived.Select(a => a.Id.ToString())),
            AssessmentOversight.Order.CursorOf(others[0]));

        static List<string> Rows(IHtmlDocument page) => KeysetPages.Ids(page, "#police-assessments");
    }

    /// <summary>
    /// A cursor made of another county's row, and garbled ones, show only the officer's own rows, the garbled the first
    /// page; an old page number (?p=2) is the first page too.
    /// </summary>
    private static async Task AssertOwnRowsOnlyAsync(PlatformClient officer, string list, Func<IHtmlDocument, List<string>> rows,
        IEnumerable<string> own, string othersCursor)
    {
        var ownIds = own.ToHashSet();
        var firstPage = rows(await officer.GetAsync(list));
        Assert.Equal(PageSize, firstPage.Count);
        foreach (var forged in new[] { "n." + othersCursor, "p." + othersCursor })
        {
            var page = rows(await officer.GetAsync($"{list}&cursor={forged}"));
            Assert.NotEmpty(page);
            Assert.All(page, id => Assert.Contains(id, ownIds));
        }
        foreach (var garbled in new[] { "n.garbled", "p.AAAA", "n." + KeysetPages.Cursor("[\"x\",\"y\",\"z\"]"), "zzz" })
            Assert.Equal(firstPage, rows(await officer.GetAsync($"{list}&cursor={Uri.EscapeDataString(garbled)}")));
        var oldLink = await officer.GetAsync($"{list}&p=2");
        Assert.Equal(HttpStatusCode.OK, officer.LastResponse!.StatusCode);
        Assert.Equal(firstPage, rows(oldLink));
    }

    private static DateTime Whole(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static RecordStep Step(DateTime at) => new("seed-owner", at, "测试数据");

    private static UnfiledSite UnfiledSite(string unit, DateTime importedAt, string domain) => new()
    {
        Id = Guid.NewGuid(), Domain = domain, Ip = "203.0.113.10", Provider = "测试接入商", FirstSeenOn = new DateOnly(2026, 1, 5),
        Deadline = new DateOnly(2099, 1, 1), ImportedByUnitCode = unit, ImportedAt = importedAt, BatchId = Guid.NewGuid(),
    };

    private static OfflineFiling OfflineFiling(string unit, DateTime importedAt, string digits) => new()
    {
        Id = Guid.NewGuid(), NumberDigits = digits, NumberDisplay = $"浙公网安备{digits}号", SiteName = "线下备案网站", DomainsText = $"o{digits}.example.com",
        SubjectName = "测试单位", FiledOn = new DateOnly(2020, 1, 1), ImportedByUnitCode = unit, ImportedAt = importedAt, BatchId = Guid.NewGuid(),
    };

    private static ReportFinding Finding(string unit, DateTime foundAt, string domain, bool closed = false) => new()
    {
        Id = Guid.NewGuid(), WebsiteId = Guid.NewGuid(), Domain = domain, NumberDisplay = "浙公网安备33032402000001号", UnitCode = unit,
        ReporterId = Guid.NewGuid(), ReporterName = "测试服务商", ReportId = Guid.NewGuid(), Kind = ReportFindingKind.IpNotFiled,
        Detail = "上报IP不在备案IP中", FoundAt = foundAt, ClosedAt = closed ? foundAt : null,
    };

    private static UnfiledApp UnfiledApp(string unit, DateTime foundAt, string package) => new()
    {
        Id = Guid.NewGuid(), PackageName = package, AppName = "测试APP", Developer = "测试开发者", StoreName = "测试应用市场",
        FirstSeenOn = new DateOnly(2026, 1, 5), Deadline = new DateOnly(2099, 1, 1), UnitCode = unit, FoundAt = foundAt,
        ReporterId = Guid.NewGuid(), ReportId = Guid.NewGuid(),
    };

    private Task<List<T>> AddAsync<T>(IEnumerable<T> rows) where T : class =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var list = rows.ToList();
            db.AddRange(list);
            await db.SaveChangesAsync();
            return list;
        });

    /// <summary>The ids the query reads, in its order, as the pages write them (data-id).</summary>
    private Task<List<string>> IdsAsync(Func<BeianDbContext, IQueryable<Guid>> query) =>
        platform.ScopedAsync(async s => (await query(s.GetRequiredService<BeianDbContext>()).ToListAsync()).Select(id => id.ToString()).ToList());
}

public sealed class PoliceListPagingTests_Sqlite(BoundedCountSqlitePlatform platform) : PoliceListPagingTests(platform), IClassFixture<BoundedCountSqlitePlatform>;

public sealed class PoliceListPagingTests_Postgres(BoundedCountPostgresPlatform platform) : PoliceListPagingTests(platform), IClassFixture<BoundedCountPostgresPlatform>;
