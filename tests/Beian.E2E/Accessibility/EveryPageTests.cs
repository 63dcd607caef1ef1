using Beian.E2E.Infrastructure;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Shared;
using Microsoft.Playwright;

namespace Beian.E2E.Accessibility;

/// <summary>
/// Every page of the four roles — the anonymous public, the administrator, the applicant with a subject
/// and a website under review, and the reviewer who claimed it — has no serious or critical axe-core
/// violation at 1280 px and does not scroll sideways on a 390 px phone (screenshots &lt;page&gt;.phone.png).
/// The pages are those of each role's menus plus the ones reached from them (detail, review, forms).
/// </summary>
/// <remarks>Two classes, so that xUnit runs the two halves side by side.</remarks>
public abstract class EveryPageTest(PlatformServer server, BrowserFixture browser) : WebsiteApplicantBrowserTest(server, browser)
{
    private readonly List<string> _problems = [];

    protected void AssertNoProblems() => Assert.True(_problems.Count == 0, string.Join("\n", _problems));

    protected async Task CheckOpenPageAsync(IPage page, string name) =>
        _problems.AddRange(await PageChecks.ProblemsAsync(page, "EveryPage." + name));

    protected async Task CheckAsync(IPage page, string path, string name)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"{name}: {path} answered {response?.Status}");
        await CheckOpenPageAsync(page, name);
    }

    protected static IEnumerable<MenuItem> Leaves(IEnumerable<MenuItem> items) =>
        items.SelectMany(i => i.IsGroup ? Leaves(i.Children!) : [i]);
}

public sealed class EveryPublicAndAdministratorPageTests(PlatformServer server, BrowserFixture browser) : EveryPageTest(server, browser)
{
    [Fact]
    public async Task The_public_and_the_administrators_pages_pass_axe_and_fit_a_phone()
    {
        foreach (var item in Leaves(Navigation.PublicMenu.Concat(Navigation.PublicExtras)))
        {
            await CheckAsync(Page, item.Href, "public." + item.Title);
        }
        await CheckAsync(Page, "/Accounts/Login", "public.登录");
        await CheckAsync(Page, "/Accounts/Register", "public.注册");

        var admin = await StaffBrowser.CreateAsync(Server, Roles.Administrator, null, "平台管理员");
        await StaffBrowser.LogInAsync(Page, admin, "/Admin");
        foreach (var item in Leaves(Navigation.AdminMenu))
        {
            await CheckAsync(Page, item.Href, "admin." + item.Title);
        }
        await CheckAsync(Page, "/Admin/PoliceUsers/New", "admin.新增民警");
        await CheckAsync(Page, "/Admin/Content/Edit", "admin.新增内容");
        await CheckAsync(Page, "/Admin/Content/DownloadEdit", "admin.新增下载");
        AssertNoProblems();
    }
}

public sealed class EveryApplicantAndReviewerPageTests(PlatformServer server, BrowserFixture browser) : EveryPageTest(server, browser)
{
    [Fact]
    public async Task The_applicants_and_the_reviewers_pages_pass_axe_and_fit_a_phone()
    {
        await RegisterAndLogInAsync();
        var subjectApplication = await SubmitSubjectAsync();
        await FileWebsiteAsync(RandomDomain("ap"));
        var websiteApplication = Page.Url;
        var number = await ApplicationNumberAsync();
        foreach (var item in Leaves(Navigation.ApplicantMenu))
        {
            await CheckAsync(Page, item.Href, "applicant." + item.Title);
        }
        await CheckAsync(Page, subjectApplication, "applicant.主体申请");
        await CheckAsync(Page, websiteApplication, "applicant.网站申请");

        var reviewer = await StaffBrowser.CreateAsync(Server, Roles.Reviewer, "330106", "赵警官");
        var police = await AnotherPersonAsync();
        await StaffBrowser.LogInAsync(police, reviewer, "/Police");
        foreach (var item in Leaves(Navigation.PoliceMenu))
        {
            await CheckAsync(police, item.Href, "police." + item.Title);
        }
        // 待审核申请 with a row fits a 1280 px screen whole: neither the page nor the table's own box scrolls sideways.
        await police.GotoAsync("/Police/Queue");
        await Expect(police.Locator("#queue tbody tr").Filter(new() { HasText = number })).ToContainTextAsync("北京小米科技有限责任公司");
        await ScreenshotAsync(police, "queue");
        var widths = await police.EvaluateAsync<int[]>("""
            () => [document.scrollingElement.scrollWidth, innerWidth, ...[...document.querySelectorAll(".table-scroll-box")].flatMap(box => [box.scrollWidth, box.clientWidth])]
            """);
        Assert.True(widths[0] <= widths[1] && widths[2] <= widths[3], $"待审核申请 scrolls sideways at 1280 px: page {widths[0]}/{widths[1]}, table {widths[2]}/{widths[3]}");
        await police.Locator("#queue tbody tr").Filter(new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await police.GetByRole(AriaRole.Button, new() { Name = "开始审核", Exact = true }).ClickAsync();
        await Expect(police.Locator("#application-status")).ToHaveTextAsync("审核中");
        await CheckOpenPageAsync(police, "police.审核申请");
        AssertNoProblems();
    }
}
