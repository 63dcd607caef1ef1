using System.Text.RegularExpressions;
using Beian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Beian.E2E.Apps;

/// <summary>
/// 新办APP申请 as an applicant does it without command-line tools: the APK uploaded on APP基本信息 and
/// 【读取安装包】 fills the 包名, 签名MD5, 公钥 and version; the county's reviewer approves it; a visitor
/// finds the APP in 公共查询 by two characters of its name and opens its public record.
/// </summary>
public sealed class NewAppFlowTests(PlatformServer server, BrowserFixture browser) : WebsiteApplicantBrowserTest(server, browser)
{
    [Fact]
    public async Task Applicant_uploads_an_apk_sees_the_fields_filled_and_a_visitor_finds_the_approved_app()
    {
        await RegisterAndLogInAsync();
        await SubmitSubjectAsync();
        var name = "甬上" + RandomChars("茶书画琴棋诗酒花", 2) + "通";

        await OpenMenuItemAsync("APP业务", "新办APP申请");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "APP开办主体" })).ToBeVisibleAsync();
        await NextStepAsync();

        await Label("APP名称").FillAsync(name);
        await Label("功能介绍").FillAsync("提供宁波本地茶叶知识、茶馆导览和茶事活动报名的移动应用。");
        foreach (var n in new[] { 1, 2, 3 }) await Label($"截图{n}").SetInputFilesAsync(Png($"截图{n}.png"));
        var android = Page.Locator("#platform-Android");
        await android.GetByLabel("Android", new() { Exact = true }).CheckAsync();
        await android.GetByLabel("Android安装包（选填）").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "PackageSamples", "v2-rsa.apk"));
        await ScreenshotAsync("1-apk-chosen");
        await android.GetByRole(AriaRole.Button, new() { Name = "读取安装包" }).ClickAsync();

        await Expect(Page.Locator("[data-package-notice]")).ToContainTextAsync("已从Android安装包读取包名、签名MD5、公钥、版本号");
        await Expect(Page.Locator("#platform-Android input[name$='.Identifier']")).ToHaveValueAsync("cn.gov.beian.demo");
        await Expect(Page.Locator("#platform-Android input[name$='.Fingerprint']")).ToHaveValueAsync("5190358C1EA02A69B1F310FD5D0634ED");
        await Expect(Page.Locator("input[name='BasicInfo.Versions[0].Number']")).ToHaveValueAsync("1.4.2");
        await ScreenshotAsync("2-package-read");

        await Page.GetByLabel("第1行应用市场").FillAsync("华为应用市场");
        await Page.GetByLabel("第1行下载地址").FillAsync("https://appgallery.huawei.com/app/C100000001");
        await Page.Locator("#has-icp-yes").CheckAsync();
        await Label("工信部APP备案号").FillAsync("浙ICP备2026055717号-3A");
        await Label("当前用户量").SelectOptionAsync(new SelectOptionValue { Label = "1万-10万" });
        await Label("运营情况").FillAsync("已上线运营，日活跃用户约两千人");
        await Page.Locator("#interactive-no").CheckAsync();
        await Label("app服务").CheckAsync();
        await Page.Locator("#dangerous-no").CheckAsync();
        await Page.Locator("#permits-no").CheckAsync();
        await Label("中文简体").CheckAsync();
        await NextStepAsync();

        await FillPeopleFromSubjectAsync();
        await NextStepAsync();
        await Page.GetByLabel("我已阅知上述告知事项", new() { Exact = false }).CheckAsync();
        await Button("提交").ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
        var number = await ApplicationNumberAsync();
        await ScreenshotAsync("3-submitted");

        await ReviewerApprovesAsync(number, "新办APP申请", "cn.gov.beian.demo");

        await OpenMenuItemAsync("我的", "我的APP");
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(Page.Locator("#record-status")).ToHaveTextAsync("已备案");
        await Expect(Page.Locator("main")).ToContainTextAsync("APP公安机关备案号");
        await Expect(Page.Locator("main textarea")).ToHaveValueAsync(new Regex("/Public/Record/33010603\\d{6}"));
        await ScreenshotAsync("4-my-app");

        var visitor = await AnotherPersonAsync();
        await visitor.GotoAsync("/Public/Query");
        await visitor.GetByLabel("查询对象").SelectOptionAsync(new SelectOptionValue { Label = "APP" });
        await visitor.GetByLabel("查询内容").FillAsync(name[2..4]);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var result = visitor.Locator("#query-results li").Filter(new() { HasText = name });
        await Expect(result).ToContainTextAsync(new Regex("浙公网安备33010603\\d{6}号"));
        await Expect(result).ToContainTextAsync("Android");
        await ScreenshotAsync(visitor, "5-public-query");
        await result.GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(visitor.Locator("#public-record")).ToContainTextAsync(name);
        await ScreenshotAsync(visitor, "6-public-record");
    }
}
