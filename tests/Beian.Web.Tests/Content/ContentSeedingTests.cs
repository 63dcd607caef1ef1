using Beian.Core.Content;
using Beian.Web.Data;
using Beian.Web.Features.Content;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beian.Web.Tests.Content.ContentFlows;

namespace Beian.Web.Tests.Content;

/// <summary>The starting content (备案须知, 政策法规, 常见问题, 通知公告 and the CSV templates) is there in every environment, once.</summary>
public abstract class ContentSeedingTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_starting_content_is_published_at_start_and_a_second_node_adds_nothing()
    {
        platform.RequireAvailable();
        foreach (var kind in ContentKinds.All)
            Assert.Equal(ContentSeeder.Articles.Count(a => a.Kind == kind), await SeededCountAsync(kind));
        Assert.Equal(DownloadTemplates.All.Count, await TemplateCountAsync());

        var visitor = platform.NewClient();
        Assert.Equal("关于本平台（演示实现）上线运行的公告", Titles(await visitor.GetAsync("/Public/Notices"))[0]);
        var guide = await visitor.GetAsync("/Public/Guide");
        Assert.Equal("公安联网备案办理流程", Titles(guide)[0]);
        Assert.Contains("互联网信息服务单位网络安全责任告知书", Titles(guide));
        Assert.Contains("中华人民共和国网络安全法", Titles(await visitor.GetAsync("/Public/Policies")));
        Assert.Contains("审核需要多长时间？", Titles(await visitor.GetAsync("/Public/Faq")));

        // The responsibility notice has its seven items; the basis cites 第十二条 and its thirty days.
        var notice = await visitor.GetAsync(Link(guide, "互联网信息服务单位网络安全责任告知书"));
        Assert.Equal(7, notice.QuerySelectorAll("#article-body ol > li").Length);
        Assert.Contains("在网站首页显著位置张贴公安机关核发的备案图标", notice.QuerySelector("#article-body")!.TextContent);
        var basis = await visitor.GetAsync(Link(guide, "备案依据、办理时限与收费"));
        Assert.Contains("应当自网络正式联通之日起三十日内", basis.QuerySelector("#article-body blockquote")!.TextContent);
        Assert.Contains("21个工作日", basis.QuerySelector("#article-body")!.TextContent);

        // An administrator deletes one starting item; another node starting on the same database
        // brings nothing back and adds nothing.
        var deleted = await platform.ScopedAsync(async s =>
        {
            var item = await s.GetRequiredService<BeianDbContext>().ContentItems.AsNoTracking().SingleAsync(c => c.SeedKey == "notice-download-templates");
            Assert.Equal(ContentOutcome.Done, await s.GetRequiredService<ContentService>().DeleteAsync(item.Id, item.Version));
            return item.Id;
        });
        var rows = await RowCountAsync();
        await using (var second = platform.Factory.WithWebHostBuilder(_ => { }))
        {
            _ = second.Server;
        }
        Assert.Equal(rows, await RowCountAsync());
        Assert.Equal(ContentStatus.Deleted, await platform.ScopedAsync(s =>
            s.GetRequiredService<BeianDbContext>().ContentItems.Where(c => c.Id == deleted).Select(c => c.Status).SingleAsync()));
        Assert.DoesNotContain("关于在下载中心提供数据上报模板的通知", Titles(await visitor.GetAsync("/Public/Notices")));
    }

    [Fact]
    public async Task Two_nodes_seeding_at_the_same_moment_put_each_item_in_once()
    {
        platform.RequireAvailable();
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            await db.ContentItems.Where(c => c.SeedKey != null).ExecuteDeleteAsync();
            return await db.DownloadItems.Where(d => d.TemplateKey != null).ExecuteDeleteAsync();
        });
        await using var second = platform.Factory.WithWebHostBuilder(_ => { });
        using var start = new SemaphoreSlim(0);
        var seeders = new[] { platform.Services, second.Services }.Select(async services =>
        {
            await start.WaitAsync();
            using var scope = services.CreateScope();
            await ContentSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<BeianDbContext>(), TimeProvider.System);
        }).ToList();
        start.Release(2);
        await Task.WhenAll(seeders);

        var keys = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().ContentItems.Where(c => c.SeedKey != null).Select(c => c.SeedKey!).ToListAsync());
        Assert.Equal(ContentSeeder.Articles.Select(a => a.Key).Order(), keys.Order());
        Assert.Equal(DownloadTemplates.All.Count, await TemplateCountAsync());
    }

    [Fact]
    public async Task Html_rendered_by_an_older_renderer_is_rendered_again_at_start()
    {
        platform.RequireAvailable();
        var id = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var item = await db.ContentItems.AsNoTracking().FirstAsync(c => c.SeedKey == "faq-drafts");
            await db.ContentItems.Where(c => c.Id == item.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.BodyHtml, "<p>旧的渲染结果</p>").SetProperty(c => c.RenderVersion, 0));
            return item.Id;
        });
        await platform.ScopedAsync(async s =>
        {
            await ContentSeeder.SeedAsync(s.GetRequiredService<BeianDbContext>(), TimeProvider.System);
            return 0;
        });
        var rendered = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().ContentItems.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(ContentMarkdown.Version, rendered.RenderVersion);
        Assert.Contains("<strong>30天内</strong>", rendered.BodyHtml);
    }

    private Task<int> SeededCountAsync(ContentKind kind) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().ContentItems.CountAsync(c => c.Kind == kind && c.SeedKey != null && c.Status == ContentStatus.Published));

    private Task<int> TemplateCountAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().DownloadItems.CountAsync(d => d.TemplateKey != null));

    private Task<int> RowCountAsync() =>
        platform.ScopedAsync(async s => await s.GetRequiredService<BeianDbContext>().ContentItems.CountAsync() + await s.GetRequiredService<BeianDbContext>().DownloadItems.CountAsync());

    private static string Link(AngleSharp.Html.Dom.IHtmlDocument list, string title) =>
        list.QuerySelectorAll("#content-list li a").Single(a => a.TextContent.Trim() == title).GetAttribute("href")!;
}

public sealed class ContentSeedingTests_Sqlite(SqlitePlatform platform) : ContentSeedingTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ContentSeedingTests_Postgres(PostgresPlatform platform) : ContentSeedingTests(platform), IClassFixture<PostgresPlatform>;
