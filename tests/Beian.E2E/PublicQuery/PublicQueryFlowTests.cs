using System.Text.RegularExpressions;
using Beian.E2E.Infrastructure;
using Beian.Web.Features.Applications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beian.E2E.PublicQuery;

/// <summary>
/// 公共查询 as seed 000 二、1 describes it: a visitor, without logging in, copies the number out of a
/// filed site's HTML code, types it into the home page's 公共查询, finds the site and opens its record
/// with the badge; then looks up by name and by a typed URL, and mistypes a number.
/// </summary>
public sealed partial class PublicQueryFlowTests(PlatformServer server, BrowserFixture browser) : WebsiteApplicantBrowserTest(server, browser)
{
    [Fact]
    public async Task A_visitor_finds_a_filed_site_by_the_number_in_its_html_code_and_opens_its_record()
    {
        await RegisterAndLogInAsync();
        await SubmitSubjectAsync();
        var domain = RandomDomain("pq");
        await FileWebsiteAsync(domain);
        await ApproveAsync(new Uri(Page.Url).Segments[^1]);

        // The applicant's 已备案网站 details: the HTML code for the site's footer.
        await OpenMenuItemAsync("我的", "我的网站");
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = domain }).GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        var code = await Page.Locator("textarea").InputValueAsync();
        var number = NumberInCode().Match(code).Value;
        Assert.Matches("^浙公网安备33010602\\d{6}号$", number);

        // A visitor elsewhere: 首页 → 公共查询 → 公安备案号, the number pasted.
        var visitor = await AnotherPersonAsync();
        await visitor.GotoAsync("/");
        var search = visitor.GetByRole(AriaRole.Search, new() { Name = "公共查询" });
        await search.GetByLabel("查询方式").SelectOptionAsync(new SelectOptionValue { Label = "公安备案号" });
        await search.GetByLabel("查询内容").FillAsync(number);
        await search.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        await Expect(visitor).ToHaveURLAsync(new Regex("/Public/Query\\?type=number"));
        await Expect(visitor.Locator("#query-summary")).ToContainTextAsync("共 1 个网站");
        var row = visitor.Locator("#query-results .query-result");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(SiteName);
        await Expect(row).ToContainTextAsync(domain);
        await Expect(row).ToContainTextAsync("北京小米科技有限责任公司");
        await Expect(row).ToContainTextAsync("杭州市公安局西湖区分局网安大队");
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync("李明");
        await ScreenshotAsync(visitor, "1-by-number");

        await row.GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex("/Public/Record/33010602\\d{6}$"));
        await Expect(visitor.Locator("#public-record")).ToContainTextAsync(number);
        await Expect(visitor.Locator("#public-record img")).ToBeVisibleAsync();
        await Expect(visitor.Locator("#public-record")).ToContainTextAsync("已备案");
        await ScreenshotAsync(visitor, "2-record");

        // The menu's 公共查询: by a part of the name (自动识别), then by a pasted URL.
        await visitor.GetByRole(AriaRole.Navigation, new() { Name = "公共菜单" }).GetByRole(AriaRole.Link, new() { Name = "公共查询" }).ClickAsync();
        await visitor.GetByLabel("查询内容").FillAsync("科技官方");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(visitor.Locator("#query-summary")).ToContainTextAsync("按网站名称查询");
        await Expect(visitor.Locator("#query-results")).ToContainTextAsync(number);
        await ScreenshotAsync(visitor, "3-by-name");

        await visitor.GetByLabel("查询内容").FillAsync($"https://m.{domain}/about.html");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(visitor.Locator("#query-summary")).ToContainTextAsync("按域名查询");
        await Expect(visitor.Locator("#query-results .query-result")).ToHaveCountAsync(1);
        await ScreenshotAsync(visitor, "4-by-url");

        // A number one digit short: the message sits next to the field.
        await visitor.GetByLabel("查询方式").SelectOptionAsync(new SelectOptionValue { Label = "公安备案号" });
        await visitor.GetByLabel("查询内容").FillAsync(number.Replace("号", "")[..^1]);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(visitor.Locator("[data-valmsg-for='Keyword']")).ToHaveTextAsync("备案号应为14位数字（旧备案号为12位）");
        await ScreenshotAsync(visitor, "5-malformed");
    }

    private async Task ApproveAsync(string applicationId)
    {
        using var scope = Server.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ApplicationService>().ApproveAsync(Guid.Parse(applicationId), "e2e-reviewer");
        Assert.True(result.Succeeded, result.Error);
    }

    [GeneratedRegex("[\\p{IsCJKUnifiedIdeographs}]公网安备\\d{12,14}号")]
    private static partial Regex NumberInCode();
}
