using System.Net;
using AngleSharp.Html.Dom;
using Beian.Core.Applications;
using Beian.Core.Exports;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Audit;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Infrastructure.Storage;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>
/// An export above Exports:BackgroundAbove (3 here) is written in the background: asked from the list, followed on
/// 导出文件 with its progress, taken by one node only, downloadable by its officer alone until it expires, then
/// removed with its file; every export, at once or in the background, is audited as a read of personal data.
/// </summary>
public abstract class BackgroundExportTests(PlatformFixture platform, ManualClock clock)
{
    private ManualClock Clock => clock;

    [Fact]
    public async Task A_large_export_is_written_in_the_background_and_downloaded_by_its_officer_alone_until_it_expires()
    {
        platform.RequireAvailable();
        var now = DateTime.UtcNow;
        var wanted = await SeededApplications.SubmitManyAsync(platform, 5, "330602", BusinessType.NewWebsite, now.AddDays(-3));
        await SeededApplications.SubmitAsync(platform, "330603", BusinessType.NewWebsite, now.AddDays(-3));
        var (reviewer, account) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, "330602");

        var exports = await reviewer.GetAsync(PoliceLinks.ExportHref(await reviewer.GetAsync("/Police/Queue")));
        Assert.Equal("/Police/Exports", exports.PathOf());
        Assert.Contains("待审核申请共5条，数据较多，已转为后台导出", exports.QuerySelector("#export-notice")!.TextContent);
        var row = SingleExport(exports);
        Assert.Contains("等待导出", row.TextContent);
        Assert.Contains("0 / 5 条", row.TextContent);
        Assert.NotNull(exports.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Null(row.QuerySelector("a"));

        while (await RunNextAsync("node-1"))
        {
        }
        exports = await reviewer.GetAsync("/Police/Exports");
        row = SingleExport(exports);
        Assert.Contains("已完成", row.TextContent);
        Assert.Contains("5 / 5 条（100%）", row.TextContent);
        Assert.Equal("100", row.QuerySelector("progress")!.GetAttribute("value"));
        Assert.Null(exports.QuerySelector("meta[http-equiv=refresh]"));
        var href = row.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "下载").GetAttribute("href")!;

        using (var download = await Download.GetAsync(reviewer, href))
        {
            Assert.Equal($"待审核申请_{BeijingTime.DateOf(Clock.GetUtcNow()):yyyyMMdd}.xlsx", download.FileName);
            var rows = Download.RowsOf(download.Workbook.Worksheet("待审核申请"));
            Assert.Equal(wanted.Select(a => a.Number), rows.Select(r => r[0])); // the queue's order, of the officer's county only
        }
        var exportId = row.Id!["export-".Length..];
        var read = await AuditOfAsync(exportId);
        Assert.Equal((AuditActions.ReadPersonalData, account.UserName), (read.Action, read.UserName));
        Assert.Contains("待审核申请，导出5行", read.Detail);

        using (var colleague = (await PoliceLogin.OfficerAsync(platform, Roles.Supervisor, "330602")).Client)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync(href)).StatusCode);
            Assert.Null((await colleague.GetAsync("/Police/Exports")).QuerySelector("#exports"));
        }

        Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        reviewer.Dispose();
        reviewer = await PoliceLogin.AsAsync(platform, account); // the session ended meanwhile
        row = SingleExport(await reviewer.GetAsync("/Police/Exports"));
        Assert.Contains("已过期", row.TextContent);
        Assert.Null(row.QuerySelector("a"));
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.Http.GetAsync(href)).StatusCode);

        var key = await StorageKeyAsync(exportId);
        Assert.True(await platform.Services.GetRequiredService<IFileStorage>().ExistsAsync(key!));
        await platform.ScopedAsync(s => s.GetRequiredService<BackgroundExportJobs>().PurgeExpiredAsync(CancellationToken.None));
        Assert.False(await platform.Services.GetRequiredService<IFileStorage>().ExistsAsync(key!));
        Assert.Null((await reviewer.GetAsync("/Police/Exports")).QuerySelector("#exports"));
        reviewer.Dispose();
    }

    [Fact]
    public async Task The_page_shows_rows_written_of_rows_counted_and_a_silent_nodes_export_is_taken_over()
    {
        platform.RequireAvailable();
        await SeededApplications.SubmitManyAsync(platform, 5, "330681", BusinessType.ChangeWebsite, DateTime.UtcNow.AddDays(-2));
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, "330681");
        var row = SingleExport(await reviewer.GetAsync(PoliceLinks.ExportHref(await reviewer.GetAsync("/Police/Queue"))));
        var id = Guid.Parse(row.Id!["export-".Length..]);

        // Another node took it and has written 2 rows so far.
        Assert.True(await ClaimAsync(id, "node-1"));
        await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().BackgroundExports.Where(e => e.Id == id)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.RowsWritten, 2L)));

        var page = await reviewer.GetAsync("/Police/Exports");
        row = SingleExport(page);
        Assert.Contains("导出中", row.TextContent);
        Assert.Contains("2 / 5 条（40%）", row.TextContent);
        Assert.Equal("40", row.QuerySelector("progress")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("meta[http-equiv=refresh]"));

        Assert.False(await ClaimAsync(id, "node-2")); // node-1's claim holds
        Clock.Advance(TimeSpan.FromMinutes(3)); // node-1 went silent
        while (await RunNextAsync("node-2"))
        {
        }
        Assert.Contains("5 / 5 条（100%）", SingleExport(await reviewer.GetAsync("/Police/Exports")).TextContent);
    }

    [Fact]
    public async Task Of_several_nodes_claiming_one_export_one_gets_it()
    {
        platform.RequireAvailable();
        await SeededApplications.SubmitManyAsync(platform, 4, "330624", BusinessType.NewWebsite, DateTime.UtcNow.AddDays(-2));
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, "330624");
        var row = SingleExport(await reviewer.GetAsync(PoliceLinks.ExportHref(await reviewer.GetAsync("/Police/Queue"))));
        var id = Guid.Parse(row.Id!["export-".Length..]);

        var claims = await Task.WhenAll(Enumerable.Range(1, 4).Select(node => ClaimAsync(id, $"node-{node}")));

        Assert.Single(claims, taken => taken);
    }

    [Fact]
    public async Task An_export_within_the_threshold_is_sent_at_once_and_audited()
    {
        platform.RequireAvailable();
        await SeededApplications.SubmitManyAsync(platform, 2, "330683", BusinessType.NewWebsite, DateTime.UtcNow.AddDays(-2));
        var (reviewer, account) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, "330683");

        using (var download = await Download.GetAsync(reviewer, PoliceLinks.ExportHref(await reviewer.GetAsync("/Police/Queue"))))
            Assert.Equal(2, Download.RowsOf(download.Workbook.Worksheet(1)).Count);

        var read = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.AsNoTracking()
            .SingleAsync(r => r.ObjectType == AuditObjectTypes.Export && r.UserName == account.UserName));
        Assert.Equal((AuditActions.ReadPersonalData, "Queue"), (read.Action, read.ObjectId));
        Assert.Contains("待审核申请，导出2行", read.Detail);
        Assert.Null((await reviewer.GetAsync("/Police/Exports")).QuerySelector("#exports"));
        reviewer.Dispose();
    }

    private static IHtmlElement SingleExport(IHtmlDocument page) =>
        (IHtmlElement)Assert.Single(page.QuerySelectorAll("#exports tbody tr"));

    private Task<bool> ClaimAsync(Guid id, string node) =>
        platform.ScopedAsync(s => s.GetRequiredService<BackgroundExportJobs>().TryClaimAsync(id, node, CancellationToken.None));

    private Task<bool> RunNextAsync(string node) =>
        platform.ScopedAsync(s => s.GetRequiredService<BackgroundExportJobs>().RunNextAsync(node, CancellationToken.None));

    private Task<AuditRecord> AuditOfAsync(string exportId) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.AsNoTracking()
            .SingleAsync(r => r.ObjectType == AuditObjectTypes.Export && r.ObjectId == exportId));

    private Task<string?> StorageKeyAsync(string exportId) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().BackgroundExports.AsNoTracking()
            .Where(e => e.Id == Guid.Parse(exportId)).Select(e => e.StorageKey).SingleAsync());
}

/// <summary>The platform with exports above 3 rows in the background, no node polling for them (the tests run them) and a clock in hand.</summary>
public static class BackgroundExportSettings
{
    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Exports:BackgroundAbove"] = "3",
        ["Exports:PollSeconds"] = "0",
        ["Exports:ProgressEvery"] = "2",
    };
}

public sealed class BackgroundExportSqlitePlatform : SqlitePlatform
{
    public ManualClock Clock { get; } = ProxiedClockedPlatforms.NewClock();
    protected override IDictionary<string, string?> ExtraSettings => BackgroundExportSettings.Settings;
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class BackgroundExportPostgresPlatform : PostgresPlatform
{
    public ManualClock Clock { get; } = ProxiedClockedPlatforms.NewClock();
    protected override IDictionary<string, string?> ExtraSettings => BackgroundExportSettings.Settings;
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class BackgroundExportTests_Sqlite(BackgroundExportSqlitePlatform platform)
    : BackgroundExportTests(platform, platform.Clock), IClassFixture<BackgroundExportSqlitePlatform>;

public sealed class BackgroundExportTests_Postgres(BackgroundExportPostgresPlatform platform)
    : BackgroundExportTests(platform, platform.Clock), IClassFixture<BackgroundExportPostgresPlatform>;
