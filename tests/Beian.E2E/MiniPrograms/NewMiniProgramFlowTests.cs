using System.Text.RegularExpressions;
using Beian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Beian.E2E.MiniPrograms;

/// <summary>
/// 新办小程序申请 of a 微信 小程序: the applicant types its AppID (a malformed one is refused next to the field
/// with the platform's shape), files it; the county's reviewer approves it; a visitor finds it in 公共查询 by
/// its name and opens its public record.
/// </summary>
public sealed class NewMiniProgramFlowTests(PlatformServer server, BrowserFixture browser) : WebsiteApplicantBrowserTest(server, browser)
{
    [Fact]
    public async Task Applicant_files_a_wechat_mini_program_the_reviewer_approves_and_a_visitor_finds_it_by_name()
    {
        await RegisterAndLogInAsync();
        await SubmitSubjectAsync();
        var name = "甬上" + RandomChars("茶书画琴棋诗酒花", 2) + "小程序";
        var appId = "wx" + RandomChars("0123456789abcdef", 16);

        await OpenMenuItemAsync("小程序业务", "新办小程序申请");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "小程序开办主体" })).ToBeVisibleAsync();
        await NextStepAsync();

        await Label("小程序名称").FillAsync(name);
        await Label("功能介绍").FillAsync("提供宁波本地茶馆导览和茶事活动报名的微信小程序。");
        await Label("所属平台").SelectOptionAsync(new SelectOptionValue { Label = "微信" });
        await Expect(Page.Locator("[data-when-select][data-values='WeChat']")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-when-select][data-values='Other']").First).ToBeHiddenAsync();
        await Label("AppID（快应用填写包名）").FillAsync("wx123");
        await Page.GetByLabel("第1行版本号").FillAsync("1.0.3");
        await Page.GetByLabel("第1行发布日期").FillAsync(DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"));
        await Page.Locator("#has-icp-yes").CheckAsync();
        await Label("工信部备案号").FillAsync("浙ICP备2026055717号-5X");
        await Page.Locator("#interactive-no").CheckAsync();
        await Label("app服务").CheckAsync();
        await Page.Locator("#dangerous-no").CheckAsync();
        await Page.Locator("#permits-no").CheckAsync();
        await Label("中文简体").CheckAsync();
        await Button("下一步").ClickAsync();

        await Expect(Page.Locator("[data-valmsg-for='BasicInfo.AppId']")).ToContainTextAsync("AppID格式不正确");
        await Expect(Label("小程序名称")).ToHaveValueAsync(name);
        await ScreenshotAsync("1-app-id-refused");
        await Label("AppID（快应用填写包名）").FillAsync(appId);
        await NextStepAsync();

        await FillPeopleFromSubjectAsync();
        await NextStepAsync();
        await Page.GetByLabel("我已阅知上述告知事项", new() { Exact = false }).CheckAsync();
        await Button("提交").ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
        var number = await ApplicationNumberAsync();
        await ScreenshotAsync("2-submitted");

        await ReviewerApprovesAsync(number, "新办小程序申请", appId);

        await OpenMenuItemAsync("我的", "我的小程序");
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(Page.Locator("#record-status")).ToHaveTextAsync("已备案");
        await Expect(Page.Locator("main")).ToContainTextAsync("小程序公安机关备案号");
        await Expect(Page.Locator("#mp-versions")).ToContainTextAsync("1.0.3");
        await ScreenshotAsync("3-my-mini-program");

        var visitor = await AnotherPersonAsync();
        await visitor.GotoAsync("/Public/Query");
        await visitor.GetByLabel("查询对象").SelectOptionAsync(new SelectOptionValue { Label = "小程序" });
        await visitor.GetByLabel("查询内容").FillAsync(name[2..4]);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var result = visitor.Locator("#query-results li").Filter(new() { HasText = name });
        await Expect(result).ToContainTextAsync(new Regex("浙公网安备33010604\\d{6}号"));
        await Expect(result).ToContainTextAsync("微信");
        await ScreenshotAsync(visitor, "4-public-query");
        await result.GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(visitor.Locator("#public-record")).ToContainTextAsync(name);
        await ScreenshotAsync(visitor, "5-public-record");
    }
}
