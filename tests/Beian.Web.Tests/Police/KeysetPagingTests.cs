using AngleSharp.Html.Dom;
using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Police;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Features.Websites;
using Beian.Web.Infrastructure.Paging;
using Beian.Web.Tests.Assessments;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>
/// 待审核申请 and 已备案网站 on keyset pages: 下一页 from 首页 and 上一页 from 末页 each walk every row of the
/// filtered list once, in its order, ties in the sort key included; the count stops at its bound
/// (<see cref="Bound"/> here); a cursor only narrows the officer's own list, and one that is not ours is 首页.
/// </summary>
public abstract class KeysetPagingTests(PlatformFixture platform)
{
    public const int Bound = 30;

    [Fact]
    public async Task The_queue_walks_every_filtered_row_once_both_ways_and_counts_up_to_its_bound()
    {
        platform.RequireAvailable();
        const string unit = "330281";
        var start = DateTime.UtcNow.AddDays(-5);
        // 45 of one type, three submitted at each instant; others of another type and of another county.
        for (var i = 0; i < 45; i++) await SeededApplications.SubmitAsync(platform, unit, BusinessType.NewWebsite, start.AddMinutes(i / 3));
        await SeededApplications.SubmitManyAsync(platform, 4, unit, BusinessType.ChangeWebsite, start);
        await SeededApplications.SubmitManyAsync(platform, 3, "330282", BusinessType.NewWebsite, start);
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, unit);
        var expected = await ReviewFlows.InDatabaseAsync(platform, db => db.Applications.AsNoTracking()
            .Where(a => a.JurisdictionUnitCode == unit && a.BusinessType == BusinessType.NewWebsite)
            .Select(a => new { a.SubmittedAt, a.Number }).ToListAsync());
        var newestFirst = expected.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Number, StringComparer.Ordinal)
            .Select(a => a.Number).ToList();

        var first = await reviewer.GetAsync("/Police/Queue?type=NewWebsite&sort=Newest");
        Assert.Equal($"超过 {Bound} 条", first.QuerySelector("#queue-total")!.TextContent);
        Assert.Equal(newestFirst, await WalkAsync(reviewer, first, "#queue", "next"));

        var last = await reviewer.GetAsync("/Police/Queue?type=NewWebsite&sort=Newest&cursor=last");
        Assert.Equal(newestFirst.TakeLast(QueueModel.PageSize), Numbers(last, "#queue"));
        Assert.Equal(newestFirst, await WalkAsync(reviewer, last, "#queue", "prev"));

        var oldestFirst = newestFirst.AsEnumerable().Reverse().ToList();
        Assert.Equal(oldestFirst, await WalkAsync(reviewer, await reviewer.GetAsync("/Police/Queue?type=NewWebsite"), "#queue", "next"));
        var changes = await reviewer.GetAsync("/Police/Queue?type=ChangeWebsite");
        Assert.Equal("共 4 条", changes.QuerySelector("#queue-total")!.TextContent);
        Assert.Null(changes.QuerySelector("nav.keyset-pager"));
    }

    [Fact]
    public async Task A_cursor_of_another_county_or_garbled_shows_only_the_officers_own_rows()
    {
        platform.RequireAvailable();
        const string unit = "330212";
        const string other = "330211";
        var start = DateTime.UtcNow.AddDays(-4);
        var own = await SeededApplications.SubmitManyAsync(platform, 25, unit, BusinessType.NewWebsite, start);
        var others = await SeededApplications.SubmitManyAsync(platform, 25, other, BusinessType.NewWebsite, start.AddSeconds(30));
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, unit);
        var order = QueueList.OrderOf(QueueOrder.Oldest);
        var ownNumbers = own.Select(a => a.Number).ToHashSet();
        var firstPage = Numbers(await reviewer.GetAsync("/Police/Queue"), "#queue");
        Assert.Equal(own.Take(QueueModel.PageSize).Select(a => a.Number), firstPage);

        foreach (var forged in new[] { "n." + order.CursorOf(others[3]), "p." + order.CursorOf(others[20]) })
        {
            var page = await reviewer.GetAsync("/Police/Queue?cursor=" + Uri.EscapeDataString(forged));
            Assert.NotEmpty(Numbers(page, "#queue"));
            Assert.All(Numbers(page, "#queue"), number => Assert.Contains(number, ownNumbers));
        }

        var unspecifiedTime = Cursor("[\"2024-01-01T00:00:00\",\"x\"]");
        foreach (var garbled in new[] { "n.!!!", "p.AAAA", "zzz", "n." + Cursor("[\"x\",\"y\"]"), "n." + Cursor("[1]"), "n." + unspecifiedTime, "p." + Cursor("null") })
        {
            var page = await reviewer.GetAsync("/Police/Queue?cursor=" + Uri.EscapeDataString(garbled));
            Assert.Equal(firstPage, Numbers(page, "#queue"));
        }
    }

    [Fact]
    public async Task Filed_websites_walk_both_ways_under_a_name_filter_and_find_by_host_and_number_prefix()
    {
        platform.RequireAvailable();
        var filed = await AssessmentFlows.FiledWebsiteAsync(platform, "330106");
        var mark = "巡" + (char)('甲' + Random.Shared.Next(200));
        var clones = await CloneAsync(filed.Domain, mark, count: 45, county: "330106", digitsFrom: 0);
        await CloneAsync(filed.Domain, mark, count: 5, county: "330108", digitsFrom: 100);
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, "330106");
        var newestFirst = clones.OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.Digits, StringComparer.Ordinal)
            .Select(c => Display(c.Digits)).ToList();

        var named = $"/Police/Websites?name={Uri.EscapeDataString(mark + "站")}";
        var first = await reviewer.GetAsync(named);
        Assert.Equal($"超过 {Bound} 条", first.QuerySelector("#website-total")!.TextContent);
        Assert.Equal(newestFirst, await WalkAsync(reviewer, first, "#filed-websites", "next"));
        var last = await reviewer.GetAsync(named + "&cursor=last");
        Assert.Equal(newestFirst.TakeLast(WebsitesModel.PageSize), Numbers(last, "#filed-websites"));
        Assert.Equal(newestFirst, await WalkAsync(reviewer, last, "#filed-websites", "prev"));
        Assert.Equal(newestFirst.Take(WebsitesModel.PageSize), Numbers(await reviewer.GetAsync(named + "&cursor=n.garbled"), "#filed-websites"));

        var oneCharacter = await reviewer.GetAsync($"/Police/Websites?name={Uri.EscapeDataString(mark[1..])}");
        Assert.Equal(newestFirst.Take(WebsitesModel.PageSize), Numbers(oneCharacter, "#filed-websites"));
        var threeCharacters = await reviewer.GetAsync($"/Police/Websites?name={Uri.EscapeDataString(mark + "站07")}");
        Assert.Equal([Display(clones[7].Digits)], Numbers(threeCharacters, "#filed-websites"));

        var byHost = await reviewer.GetAsync($"/Police/Websites?domain=HTTP://www.v9-{filed.Domain}/index.html");
        Assert.Equal([Display(clones[9].Digits)], Numbers(byHost, "#filed-websites"));
        Assert.Null((await reviewer.GetAsync($"/Police/Websites?domain=v9-{filed.Domain[..5]}")).QuerySelector("#filed-websites"));
        var byPrefix = await reviewer.GetAsync("/Police/Websites?number=3301069000003");
        Assert.Equal("共 10 条", byPrefix.QuerySelector("#website-total")!.TextContent);
        var otherCounty = await reviewer.GetAsync("/Police/Websites?number=33010690000100");
        Assert.Null(otherCounty.QuerySelector("#filed-websites"));
    }

    [Fact]
    public async Task Filed_websites_named_beyond_a_county_walk_the_name_index_in_the_lists_order_while_sites_are_filed()
    {
        platform.RequireAvailable();
        var filed = await AssessmentFlows.FiledWebsiteAsync(platform, "330106");
        var mark = "查" + (char)('甲' + Random.Shared.Next(200));
        var hangzhou = await CloneAsync(filed.Domain, mark, count: 30, county: "330106", digitsFrom: 200);
        hangzhou.AddRange(await CloneAsync(filed.Domain, mark, count: 15, county: "330108", digitsFrom: 300));
        var ningbo = await CloneAsync(filed.Domain, mark, count: 6, county: "330203", digitsFrom: 400);
        using var city = await Officers.LoggedInAsync(platform, Roles.Reviewer, "330100");
        var named = $"/Police/Websites?name={Uri.EscapeDataString(mark + "站")}";

        var first = await city.GetAsync(named);
        Assert.Equal($"超过 {Bound} 条", first.QuerySelector("#website-total")!.TextContent);
        var arrived = new List<(string Digits, DateTime FiledAt)>();
        var walked = await WalkAsync(city, first, "#filed-websites", "next",
            async () => arrived.AddRange(await CloneAsync(filed.Domain, mark, 1, "330108", 500 + arrived.Count, DateTime.UtcNow)));
        Assert.Equal(NewestFirst(hangzhou), walked);
        Assert.NotEmpty(arrived);
        var now = NewestFirst([.. hangzhou, .. arrived]);
        Assert.Equal(now.Take(WebsitesModel.PageSize), Numbers(await city.GetAsync(named), "#filed-websites"));
        Assert.Equal(now, await WalkAsync(city, await city.GetAsync(named + "&cursor=last"), "#filed-websites", "prev"));

        var forged = "n." + Cursor(System.Text.Json.JsonSerializer.Serialize<object[]>([ningbo[2].FiledAt, ningbo[2].Digits]));
        Assert.All(Numbers(await city.GetAsync(named + "&cursor=" + forged), "#filed-websites"), number => Assert.Contains(number, now));
        Assert.Equal(now.Take(WebsitesModel.PageSize), Numbers(await city.GetAsync(named + "&cursor=n.garbled"), "#filed-websites"));

        var byPrefix = await city.GetAsync(named + "&number=3301069000021");
        Assert.Equal("共 10 条", byPrefix.QuerySelector("#website-total")!.TextContent);
        var today = Beian.Core.Time.BeijingTime.DateOf(DateTime.UtcNow).ToString("yyyy-MM-dd");
        Assert.Equal(NewestFirst(arrived), Numbers(await city.GetAsync(named + $"&filedFrom={today}"), "#filed-websites"));
        using var province = await Officers.LoggedInAsync(platform, Roles.Reviewer, "320000");
        Assert.Null((await province.GetAsync(named)).QuerySelector("#filed-websites"));

        // The ministry counts the name index's entries alone, under the dates too; a condition on the sites joins them.
        using var ministry = await Officers.LoggedInAsync(platform, Roles.Reviewer, "000000");
        var everywhere = await ministry.GetAsync(named);
        Assert.Equal($"超过 {Bound} 条", everywhere.QuerySelector("#website-total")!.TextContent);
        Assert.Equal(NewestFirst([.. hangzhou, .. arrived, .. ningbo]).Take(WebsitesModel.PageSize), Numbers(everywhere, "#filed-websites"));
        Assert.Equal($"共 {arrived.Count} 条", (await ministry.GetAsync(named + $"&filedFrom={today}")).QuerySelector("#website-total")!.TextContent);
        Assert.Equal("共 6 条", (await ministry.GetAsync(named + "&number=330106900004")).QuerySelector("#website-total")!.TextContent);
    }

    [Fact]
    public async Task A_period_of_filing_finds_by_name_a_site_projected_after_sites_filed_later()
    {
        platform.RequireAvailable();
        var filed = await AssessmentFlows.FiledWebsiteAsync(platform, "330106");
        var mark = "期" + (char)('甲' + Random.Shared.Next(200));
        var recent = await CloneAsync(filed.Domain, mark, count: 3, county: "330106", digitsFrom: 700, DateTime.UtcNow);
        // Filed two days ago but projected now (as the backfill adds a site filed before the public tables): a later place than its time.
        var late = await CloneAsync(filed.Domain, mark, count: 1, county: "330106", digitsFrom: 750, DateTime.UtcNow.AddDays(-2));
        using var ministry = await Officers.LoggedInAsync(platform, Roles.Reviewer, "000000");
        var named = $"/Police/Websites?name={Uri.EscapeDataString(mark + "站")}";

        var twoDays = Beian.Core.Time.BeijingTime.DateOf(late[0].FiledAt).ToString("yyyy-MM-dd");
        var period = await ministry.GetAsync(named + $"&filedFrom={twoDays}");
        Assert.Equal(NewestFirst([.. recent, .. late]).Order(), Numbers(period, "#filed-websites").Order());
        var today = Beian.Core.Time.BeijingTime.DateOf(recent[0].FiledAt).ToString("yyyy-MM-dd");
        Assert.Equal(NewestFirst(recent), Numbers(await ministry.GetAsync(named + $"&filedFrom={today}"), "#filed-websites"));
        var before = await ministry.GetAsync(named + $"&filedFrom={twoDays}&filedTo={twoDays}");
        Assert.Equal(NewestFirst(late), Numbers(before, "#filed-websites"));

        // Its place is recorded as late, which is how a period ending before the recent ones still reaches it: without
        // the record the period ends at the place of a site filed after it, below the late one's.
        var place = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().PublicWebsites
            .Where(p => p.NumberDigits == late[0].Digits).Select(p => p.FilingOrder).SingleAsync());
        Assert.True(await LatePlaceAsync(place));
        await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().PublicWebsiteLatePlaces.Where(l => l.FilingOrder == place).ExecuteDeleteAsync());
        Assert.Empty(Numbers(await ministry.GetAsync(named + $"&filedFrom={twoDays}&filedTo={twoDays}"), "#filed-websites"));
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            db.PublicWebsiteLatePlaces.Add(new PublicWebsiteLatePlace { FilingOrder = place, FiledAt = late[0].FiledAt });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(NewestFirst(late), Numbers(await ministry.GetAsync(named + $"&filedFrom={twoDays}&filedTo={twoDays}"), "#filed-websites"));

        Task<bool> LatePlaceAsync(int filingOrder) =>
            platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().PublicWebsiteLatePlaces.AnyAsync(l => l.FilingOrder == filingOrder));
    }

    private static List<string> NewestFirst(IEnumerable<(string Digits, DateTime FiledAt)> sites) =>
        sites.OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.Digits, StringComparer.Ordinal).Select(c => Display(c.Digits)).ToList();

    /// <summary>When the last copy was filed: each call files after it, as decisions come one after another (the name index's filing order).</summary>
    private DateTime _lastFiled = DateTime.UtcNow.AddDays(-3);

    /// <summary>
    /// Copies of a filed site through the projection, as a decision writes them: 网站{mark}站NN, v{i}-domain, two filed at each instant,
    /// after the copies made before (a decision files a site at the time it is taken).
    /// </summary>
    private Task<List<(string Digits, DateTime FiledAt)>> CloneAsync(string domain, string mark, int count, string county, int digitsFrom,
        DateTime? filedFrom = null) =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var projection = s.GetRequiredService<PublicWebsiteProjection>();
            var template = await db.Websites.AsNoTracking().SingleAsync(w => w.MainDomain == domain);
            var form = s.GetRequiredService<WebsiteService>().Read(template);
            var start = filedFrom ?? _lastFiled.AddMinutes(1);
            start = new DateTime(start.Ticks - start.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            var clones = new List<(string, DateTime)>();
            for (var i = 0; i < count; i++)
            {
                var step = new RecordStep("test", start.AddMinutes(i / 2), "测试数据");
                var website = Website.NewPending(template.SubjectId, template.OwnerUserId, step);
                website.Name = $"网站{mark}站{i:00}";
                website.MainDomain = $"www.v{i + digitsFrom}-{domain}";
                website.JurisdictionUnitCode = county;
                var digits = $"3301069{digitsFrom + i:0000000}";
                website.File(digits, Display(digits), step);
                db.Websites.Add(website);
                await projection.AddAsync(website, form, CancellationToken.None);
                clones.Add((digits, step.At));
                _lastFiled = step.At;
            }
            await db.SaveChangesAsync();
            return clones;
        });

    private static string Display(string digits) => $"浙公网安备{digits}号";

    private static Task<List<string>> WalkAsync(PlatformClient client, IHtmlDocument page, string table, string rel, Func<Task>? between = null) =>
        KeysetPages.WalkAsync(client, page, rel, p => Numbers(p, table), between);

    private static List<string> Numbers(IHtmlDocument page, string table) => KeysetPages.Numbers(page, table);

    private static string Cursor(string json) => KeysetPages.Cursor(json);
}

public sealed class BoundedCountSqlitePlatform : SqlitePlatform
{
    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { [BoundedCount.LimitSetting] = KeysetPagingTests.Bound.ToString() };
}

public sealed class BoundedCountPostgresPlatform : PostgresPlatform
{
    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { [BoundedCount.LimitSetting] = KeysetPagingTests.Bound.ToString() };
}

public sealed class KeysetPagingTests_Sqlite(BoundedCountSqlitePlatform platform) : KeysetPagingTests(platform), IClassFixture<BoundedCountSqlitePlatform>;

public sealed class KeysetPagingTests_Postgres(BoundedCountPostgresPlatform platform) : KeysetPagingTests(platform), IClassFixture<BoundedCountPostgresPlatform>;
