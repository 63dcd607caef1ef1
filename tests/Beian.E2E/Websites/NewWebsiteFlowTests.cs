using System.Text.RegularExpressions;
using Beian.E2E.Infrastructure;
using Beian.Web.Features.Accounts;
using Microsoft.Playwright;

namespace Beian.E2E.Websites;

/// <summary>
/// Seed 000 / 004 §4.2.1 as a first-time applicant does it: 新增主体, then 新办网站申请 in four steps —
/// the subject read-only, 网站基本信息 with 【查询网络接入服务商】, 网站负责人 from 同主体负责人信息,
/// the 责任告知书. The county's reviewer logs in with the SMS second factor, finds the application in
/// 待审核申请 and approves the website with its subject. The applicant sees the newest message at the
/// bottom right of the home page, 已备案 with the 公安备案号, its badge and HTML code, and the public
/// record the badge links to.
/// </summary>
public sealed class NewWebsiteFlowTests(PlatformServer server, BrowserFixture browser) : WebsiteApplicantBrowserTest(server, browser)
{
    [Fact]
    public async Task Applicant_files_a_website_in_four_steps_and_gets_its_number_and_badge()
    {
        await RegisterAndLogInAsync();
        await SubmitSubjectAsync();
        var domain = RandomDomain("xm");

        // ① 网站开办主体, read-only.
        await OpenMenuItemAsync("网站业务", "新办网站申请");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "网站开办主体" })).ToBeVisibleAsync();
        await Expect(Page.Locator("body")).ToContainTextAsync("北京小米科技有限责任公司");
        await ScreenshotAsync("1-subject");
        await NextStepAsync();

        // ② 网站基本信息.
        await FillBasicInfoAsync(domain);
        await ScreenshotAsync("2-basic-info");
        await NextStepAsync();

        // ③ 网站负责人: 同主体负责人信息 for the three required people.
        await FillPeopleFromSubjectAsync();
        await ScreenshotAsync("3-people");
        await NextStepAsync();

        // ④ 提示说明: 【提交】 waits for the consent.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "互联网信息服务单位网络安全责任告知书" })).ToBeVisibleAsync();
        await Expect(Button("提交")).ToBeDisabledAsync();
        await Page.GetByLabel("我已阅知上述告知事项", new() { Exact = false }).CheckAsync();
        await ScreenshotAsync("4-notice");
        await Button("提交").ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
        var number = await ApplicationNumberAsync();
        await ScreenshotAsync("5-submitted");

        // The reviewer of 西湖区 approves it, with the subject reviewed together.
        await ReviewerApprovesAsync(number, domain);

        // The applicant: the newest unread message at the bottom right, then 系统通知.
        await Page.GotoAsync("/Home/Applicant");
        var newest = Page.GetByRole(AriaRole.Complementary, new() { Name = "最新未读通知" });
        await Expect(newest).ToContainTextAsync("申请已通过");
        await ScreenshotAsync("6-newest-message");
        // On a phone it sits in the page's flow, so it covers none of the cards' buttons; beside the content it can be closed.
        await Page.SetViewportSizeAsync(PageChecks.PhoneWidth, 844);
        Assert.NotEqual("fixed", await newest.EvaluateAsync<string>("box => getComputedStyle(box).position"));
        await ScreenshotAsync("6-newest-message-phone");
        Assert.True(await Page.EvaluateAsync<bool>("""
            () => [...document.querySelectorAll("table[data-records] td")].every(cell =>
                cell.getBoundingClientRect().right <= cell.closest(".card-body").getBoundingClientRect().right + 1)
            """), "我的网站 on the phone's home page runs out of its card");
        await Page.SetViewportSizeAsync(1280, 900);
        await newest.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
        await Expect(newest).ToBeHiddenAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "系统通知" }).First.ClickAsync();
        var message = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "新办网站申请已通过" });
        await Expect(message).ToContainTextAsync("未读");
        await message.GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(Page.Locator("main")).ToContainTextAsync(new Regex("浙公网安备33010602\\d{6}号"));
        await Expect(Page.Locator("main")).ToContainTextAsync("杭州市公安局西湖区分局");

        // 我的网站 → 详情 shows the number, 【点击复制备案号】, the badge and the HTML code.
        await OpenMenuItemAsync("我的", "我的网站");
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = domain }).GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(Page.Locator("#record-status")).ToHaveTextAsync("已备案");
        await Expect(Page.Locator("body")).ToContainTextAsync(new Regex("浙公网安备33010602\\d{6}号"));
        await Expect(Button("点击复制备案号")).ToBeVisibleAsync();
        var code = await Page.Locator("textarea").InputValueAsync();
        Assert.Contains("/Public/Record/33010602", code);
        await ScreenshotAsync("7-filed");

        // The badge's link: the public record of the number.
        var link = Regex.Match(code, "href=\"([^\"]+)\"").Groups[1].Value;
        await Page.GotoAsync(System.Net.WebUtility.HtmlDecode(link));
        await Expect(Page.Locator("#public-record")).ToContainTextAsync("小米科技官方网站");
        await Expect(Page.Locator("#public-record img")).ToBeVisibleAsync();
        await ScreenshotAsync("8-public-record");
    }

    /// <summary>
    /// 审核民警 of 西湖区 at another computer: 登录 with the SMS code, 待审核申请 → 详情, 【开始审核】,
    /// 【通过】; the application is 已通过 and the SMS names the unit and its phone.
    /// </summary>
    private async Task ReviewerApprovesAsync(string number, string domain)
    {
        var reviewer = await StaffBrowser.CreateAsync(Server, Roles.Reviewer, "330106", "王警官");
        var police = await AnotherPersonAsync();
        await StaffBrowser.LogInAsync(police, reviewer, "/Police");
        await police.GetByRole(AriaRole.Link, new() { Name = "待审核申请", Exact = true }).ClickAsync();
        var row = police.Locator("#queue tbody tr").Filter(new() { HasText = number });
        await Expect(row).ToContainTextAsync("新办网站申请");
        await ScreenshotAsync(police, "police-1-queue");
        await row.GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(police.Locator("#subject-together")).ToBeVisibleAsync();
        await Expect(police.Locator("main")).ToContainTextAsync(domain);
        await police.GetByRole(AriaRole.Button, new() { Name = "开始审核", Exact = true }).ClickAsync();
        await Expect(police.Locator("#application-status")).ToHaveTextAsync("审核中");
        await ScreenshotAsync(police, "police-2-review");
        await police.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(police.Locator("#application-status")).ToHaveTextAsync("已通过");
        await ScreenshotAsync(police, "police-3-approved");
    }
}
