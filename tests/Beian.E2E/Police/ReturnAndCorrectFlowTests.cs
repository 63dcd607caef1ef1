using Beian.E2E.Infrastructure;
using Beian.Web.Features.Accounts;
using Microsoft.Playwright;

namespace Beian.E2E.Police;

/// <summary>
/// 退回 as both people live it: the reviewer returns a new website with a reason on 网站名称 (picked
/// with 【退回此项】 beside 网站基本信息, whose first field it is); the applicant gets the message, opens the application, sees the reason beside
/// 网站名称 on 修改后重新提交, corrects it and resubmits; the reviewer approves the corrected site.
/// </summary>
public sealed class ReturnAndCorrectFlowTests(PlatformServer server, BrowserFixture browser) : WebsiteApplicantBrowserTest(server, browser)
{
    [Fact]
    public async Task A_returned_website_is_corrected_beside_the_reason_and_then_approved()
    {
        await RegisterAndLogInAsync();
        await SubmitSubjectAsync();
        var domain = RandomDomain("rc");
        await FileWebsiteAsync(domain);
        var applicationUrl = Page.Url;
        var number = await ApplicationNumberAsync();

        var reviewer = await StaffBrowser.CreateAsync(Server, Roles.Reviewer, "330106", "赵警官");
        var police = await AnotherPersonAsync();
        await StaffBrowser.LogInAsync(police, reviewer, "/Police");
        await OpenReviewAsync(police, number, SiteName);
        await police.GetByRole(AriaRole.Button, new() { Name = "开始审核", Exact = true }).ClickAsync();
        await police.Locator(".review-section", new() { Has = police.Locator("tr[data-field='BasicInfo.Name']") })
            .GetByRole(AriaRole.Link, new() { Name = "退回此项" }).ClickAsync();
        var reason = police.Locator("#Reasons_0__Message");
        await Expect(reason).ToBeFocusedAsync();
        await Expect(police.Locator("#Reasons_0__Field")).ToHaveValueAsync("BasicInfo.Name");
        await reason.FillAsync("网站名称应与网站实际内容一致");
        await ScreenshotAsync(police, "police-1-return");
        await police.GetByRole(AriaRole.Button, new() { Name = "确认退回", Exact = true }).ClickAsync();
        await Expect(police.Locator("#application-status")).ToHaveTextAsync("已退回");

        // The applicant corrects the name beside the reason and resubmits the same application.
        await Page.GotoAsync(applicationUrl);
        await Expect(Page.Locator("#return-reasons")).ToContainTextAsync("网站名称：网站名称应与网站实际内容一致");
        await Page.GetByRole(AriaRole.Link, new() { Name = "修改后重新提交", Exact = true }).ClickAsync();
        var name = Label("网站名称");
        await Expect(Page.Locator("[data-valmsg-for='BasicInfo.Name']")).ToContainTextAsync("网站名称应与网站实际内容一致");
        await ScreenshotAsync("1-correct");
        await name.FillAsync("小米商城");
        await Button("提交").ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
        await ScreenshotAsync("2-resubmitted");

        await OpenReviewAsync(police, number, "小米商城");
        await police.GetByRole(AriaRole.Button, new() { Name = "开始审核", Exact = true }).ClickAsync();
        await police.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(police.Locator("#application-status")).ToHaveTextAsync("已通过");
        await Expect(police.Locator("#history")).ToContainTextAsync("修改后重新提交");
        await ScreenshotAsync(police, "police-2-approved");
    }

    private async Task OpenReviewAsync(IPage police, string number, string title)
    {
        await police.GotoAsync("/Police/Queue");
        var row = police.Locator("#queue tbody tr").Filter(new() { HasText = number });
        await row.GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(police.GetByRole(AriaRole.Heading, new() { Name = $"审核申请：{title}" })).ToBeVisibleAsync();
    }
}
