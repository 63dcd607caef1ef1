using Beian.Core.Filing;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.E2E.Infrastructure;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beian.E2E.Content;

/// <summary>
/// The public portal's content in a browser (SPEC §11): the administrator writes a 通知公告 at
/// 内容管理 with a 【预览】 and 【发布】s it; a visitor finds it on the home page and reads it, with the
/// Markdown rendered and the script written into it gone. The 备案展厅 scrolls the newly filed sites,
/// stops while the pointer or focus is on it, and never moves for a visitor who asks for reduced motion.
/// </summary>
public sealed class ContentFlowTests(PlatformServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private const string Body = """
        ## 上线须知

        本平台自即日起受理公安联网备案申请，办理前请阅读：

        - [备案须知](/Public/Guide)
        - [常见问题](/Public/Faq)

        <script>alert('不应执行')</script>
        """;

    [Fact]
    public async Task The_administrator_publishes_a_notice_and_a_visitor_reads_it_from_the_home_page()
    {
        var title = "关于平台受理备案的通知" + Guid.NewGuid().ToString("N")[..4];
        var admin = await StaffBrowser.CreateAsync(Server, Roles.Administrator, null, "内容管理员");
        await StaffBrowser.LogInAsync(Page, admin, "/Admin");
        await Page.GetByRole(AriaRole.Link, new() { Name = "内容管理", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "内容管理", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("#content-items")).ToContainTextAsync("公安联网备案办理流程");
        await ScreenshotAsync("1-list");

        await Page.GetByRole(AriaRole.Link, new() { Name = "新增内容", Exact = true }).ClickAsync();
        await Label("栏目").SelectOptionAsync(new SelectOptionValue { Label = "通知公告" });
        await Label("标题").FillAsync(title);
        await Label("正文").FillAsync(Body);
        await Button("预览").ClickAsync();
        await Expect(Page.Locator("#preview-body h2")).ToHaveTextAsync("上线须知");
        await Expect(Page.Locator("#preview-removed")).ToContainTextAsync("<script> 标签");
        await Expect(Label("标题")).ToHaveValueAsync(title);
        await ScreenshotAsync("2-preview");

        await Button("发布").ClickAsync();
        await Expect(Page.Locator("#notice")).ToContainTextAsync($"《{title}》已发布");
        await Expect(Page.Locator("#content-items tbody tr").Filter(new() { HasText = title })).ToContainTextAsync("已发布");
        await ScreenshotAsync("3-published");

        var visitor = await AnotherPersonAsync();
        var dialogs = 0;
        visitor.Dialog += (_, _) => dialogs++;
        await visitor.GotoAsync("/");
        var notices = visitor.GetByRole(AriaRole.Region, new() { Name = "通知公告" });
        await Expect(notices.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await ScreenshotAsync(visitor, "4-home");

        await notices.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(visitor.Locator("#article-body h2")).ToHaveTextAsync("上线须知");
        await Expect(visitor.Locator("#article-body li")).ToHaveCountAsync(2);
        await Expect(visitor.Locator("#article-body script")).ToHaveCountAsync(0);
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "通知公告", Exact = true }).Last).ToHaveAttributeAsync("aria-current", "page");
        await ScreenshotAsync(visitor, "5-article");
        await visitor.Locator("#article-body").GetByRole(AriaRole.Link, new() { Name = "常见问题" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "常见问题", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task The_administrator_uploads_a_file_to_the_download_centre_and_a_visitor_downloads_it()
    {
        var title = "网站安全自查表" + Guid.NewGuid().ToString("N")[..4];
        var admin = await StaffBrowser.CreateAsync(Server, Roles.Administrator, null, "内容管理员");
        await StaffBrowser.LogInAsync(Page, admin, "/Admin");
        await Page.GotoAsync("/Admin/Content");
        await Page.GetByRole(AriaRole.Link, new() { Name = "下载中心", Exact = true }).Last.ClickAsync();
        await Expect(Page.Locator("#download-items")).ToContainTextAsync("CDN_IP上报模板");
        await Page.GetByRole(AriaRole.Link, new() { Name = "上传文件", Exact = true }).ClickAsync();

        await Label("文件名称").FillAsync(title);
        await Label("文件说明").FillAsync("开办者自查网站安全保护技术措施落实情况使用。");
        await Label("文件").SetInputFilesAsync(new FilePayload { Name = "自查表.pdf", MimeType = "application/pdf", Buffer = [.. "MZ"u8, .. new byte[2000]] });
        await Button("发布").ClickAsync();
        await Expect(Page.Locator("[data-valmsg-for='Upload']")).ToHaveTextAsync("文件内容与扩展名不符");
        await Expect(Label("文件名称")).ToHaveValueAsync(title);
        await ScreenshotAsync("1-refused");

        var pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
        await Label("文件").SetInputFilesAsync(new FilePayload { Name = "自查表.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Button("发布").ClickAsync();
        await Expect(Page.Locator("#notice")).ToContainTextAsync($"《{title}》已发布");
        await ScreenshotAsync("2-list");

        var visitor = await AnotherPersonAsync();
        await visitor.GotoAsync("/Public/Downloads");
        var row = visitor.Locator("#downloads tbody tr").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("PDF");
        await ScreenshotAsync(visitor, "3-downloads");
        var download = await visitor.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "下载" }).ClickAsync());
        Assert.Equal("自查表.pdf", download.SuggestedFilename);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(await download.PathAsync()));
    }

    [Fact]
    public async Task The_showcase_scrolls_by_itself_pauses_on_hover_and_focus_and_stays_still_for_reduced_motion()
    {
        await FiledWebsitesAsync(24);
        await Page.Clock.InstallAsync();
        await Page.GotoAsync("/Public/Showcase");
        var region = Page.GetByRole(AriaRole.Region, new() { Name = "最新备案网站" });
        await Expect(region).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-scrolling"));
        await Expect(Page.Locator("#showcase tbody tr").First).ToContainTextAsync("展厅测试网站");
        await ScreenshotAsync("1-showcase");

        await Page.Clock.RunForAsync(6000);
        var moved = await ScrollTopAsync(region);
        Assert.True(moved > 0, $"scrollTop {moved}");

        await region.HoverAsync();
        var hovered = await ScrollTopAsync(region);
        await Page.Clock.RunForAsync(3000);
        Assert.Equal(hovered, await ScrollTopAsync(region));

        await Page.Mouse.MoveAsync(5, 5);
        await Page.Clock.RunForAsync(1000);
        Assert.True(await ScrollTopAsync(region) > hovered);

        await region.FocusAsync();
        var focused = await ScrollTopAsync(region);
        await Page.Clock.RunForAsync(3000);
        Assert.Equal(focused, await ScrollTopAsync(region));

        await Button("暂停滚动").ClickAsync();
        var stopped = await ScrollTopAsync(region);
        await Page.Mouse.MoveAsync(5, 5);
        await Page.Clock.RunForAsync(3000);
        Assert.Equal(stopped, await ScrollTopAsync(region));
        await Expect(Button("继续滚动")).ToBeVisibleAsync();

        var still = await AnotherPersonAsync();
        await still.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await still.Clock.InstallAsync();
        await still.GotoAsync("/");
        var home = still.GetByRole(AriaRole.Region, new() { Name = "最新备案网站" });
        await Expect(home).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-scrolling"));
        await still.Clock.RunForAsync(6000);
        Assert.Equal(0, await ScrollTopAsync(home));
        await Expect(still.GetByRole(AriaRole.Button, new() { Name = "暂停滚动" })).ToBeHiddenAsync();
        await ScreenshotAsync(still, "2-home");
    }

    private static Task<int> ScrollTopAsync(ILocator region) => region.EvaluateAsync<int>("e => Math.round(e.scrollTop)");

    private ILocator Label(string text) => Page.GetByLabel(text, new() { Exact = true });

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Filed websites put straight into the database (this test is about the showcase, not filing), newest last, every third an individual's.</summary>
    private async Task FiledWebsitesAsync(int count)
    {
        using var scope = Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeianDbContext>();
        var start = DateTime.UtcNow.AddHours(1); // newer than whatever other browser tests filed
        var serial = Random.Shared.Next(1000, 9000) * 100;
        for (var i = 0; i < count; i++)
        {
            var individual = i % 3 == 0;
            var step = new Beian.Web.Features.Filing.RecordStep("e2e-showcase", start.AddMinutes(i), "测试数据");
            var subject = Subject.NewPending("e2e-showcase", step);
            subject.Nature = individual ? SubjectNature.Individual : SubjectNature.Organisation;
            subject.Name = individual ? "王小明" : $"宁波展厅测试{i}号科技有限公司";
            subject.JurisdictionUnitCode = "330281";
            subject.Approve(step);
            var website = Website.NewPending(subject.Id, "e2e-showcase", step);
            website.Name = $"展厅测试网站{i}";
            website.MainDomain = website.RegistrableDomain = $"showcase{serial + i}.example.cn";
            website.JurisdictionUnitCode = "330281";
            website.File($"33028102{serial + i:000000}", $"浙公网安备33028102{serial + i:000000}号", step);
            db.Subjects.Add(subject);
            db.Websites.Add(website);
        }
        await db.SaveChangesAsync();
    }
}
