using System.Text.RegularExpressions;
using Beian.E2E.Infrastructure;
using Beian.Web.Features.Applications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beian.E2E.Websites;

/// <summary>
/// Seed 000 / 004 §4.2.1 as a first-time applicant does it: with a subject in place, 新办网站申请 in
/// four steps — the subject read-only, 网站基本信息 with 【查询网络接入服务商】, 网站负责人 from
/// 同主体负责人信息, the 责任告知书 — then, once approved, the 公安备案号 with its badge and HTML code,
/// and the public record the badge links to.
/// </summary>
public sealed class NewWebsiteFlowTests(PlatformServer server, BrowserFixture browser) : ApplicantBrowserTest(server, browser)
{
    [Fact]
    public async Task Applicant_files_a_website_in_four_steps_and_gets_its_number_and_badge()
    {
        await RegisterAndLogInAsync();
        await ApproveAsync(await SubmitSubjectAsync());
        var domain = "xm" + RandomChars("abcdefghijklmnopqrstuvwxyz", 8) + ".com";

        // ① 网站开办主体, read-only.
        await OpenMenuItemAsync("网站业务", "新办网站申请");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "网站开办主体" })).ToBeVisibleAsync();
        await Expect(Page.Locator("body")).ToContainTextAsync("北京小米科技有限责任公司");
        await ScreenshotAsync("1-subject");
        await Button("下一步").ClickAsync();

        // ② 网站基本信息.
        await Label("网站名称").FillAsync("小米科技官方网站");
        await Page.Locator("#has-icp-yes").CheckAsync();
        await Label("ICP备案号").FillAsync("京ICP备10046444号-1");
        await Label("网站开通日期").FillAsync(DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"));
        await Label("主域名").FillAsync(domain);
        await Label("从域名").FillAsync("m." + domain);
        await Label("网站IP").FillAsync("203.0.113.10");
        await PickProviderAsync("网络接入服务商");
        await Label("网站接入方式").SelectOptionAsync(new SelectOptionValue { Label = "云服务器" });
        await PickProviderAsync("域名注册服务商");
        await Page.Locator("#interactive-no").CheckAsync();
        await Label("www服务").CheckAsync();
        await Page.Locator("#dangerous-no").CheckAsync();
        await Page.Locator("#permits-no").CheckAsync();
        await Label("中文简体").CheckAsync();
        await ScreenshotAsync("2-basic-info");
        await Button("下一步").ClickAsync();

        // ③ 网站负责人: 同主体负责人信息 for the three required people.
        foreach (var person in new[] { "Principal", "SecurityOfficer", "EmergencyContact" })
        {
            await Page.Locator($"#person-{person} legend").GetByRole(AriaRole.Button, new() { Name = "同主体负责人信息" }).ClickAsync();
            await Expect(Page.Locator($"#person-{person} input[name$='.Name']")).ToHaveValueAsync("李明");
        }
        await ScreenshotAsync("3-people");
        await Button("下一步").ClickAsync();

        // ④ 提示说明: 【提交】 waits for the consent.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "互联网信息服务单位网络安全责任告知书" })).ToBeVisibleAsync();
        await Expect(Button("提交")).ToBeDisabledAsync();
        await Page.GetByLabel("我已阅知上述告知事项", new() { Exact = false }).CheckAsync();
        await ScreenshotAsync("4-notice");
        await Button("提交").ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
        await ScreenshotAsync("5-submitted");

        // Approved: 我的网站 → 详情 shows the number, 【点击复制备案号】, the badge and the HTML code.
        await ApproveAsync(Page.Url);
        await OpenMenuItemAsync("我的", "我的网站");
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = domain }).GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(Page.Locator("#website-status")).ToHaveTextAsync("已备案");
        await Expect(Page.Locator("body")).ToContainTextAsync(new Regex("浙公网安备33010602\\d{6}号"));
        await Expect(Button("点击复制备案号")).ToBeVisibleAsync();
        var code = await Page.Locator("textarea").InputValueAsync();
        Assert.Contains("/Public/Record/33010602", code);
        await ScreenshotAsync("6-filed");

        // The badge's link: the public record of the number.
        var link = Regex.Match(code, "href=\"([^\"]+)\"").Groups[1].Value;
        await Page.GotoAsync(System.Net.WebUtility.HtmlDecode(link));
        await Expect(Page.Locator("#public-record")).ToContainTextAsync("小米科技官方网站");
        await Expect(Page.Locator("#public-record img")).ToBeVisibleAsync();
        await ScreenshotAsync("7-public-record");
    }

    private async Task PickProviderAsync(string legend)
    {
        var box = Page.GetByRole(AriaRole.Group, new() { Name = legend });
        await box.GetByLabel("所属地区管辖", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "境内" });
        await box.GetByLabel("所属区域", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "浙江省" });
        await box.GetByRole(AriaRole.Button, new() { Name = $"查询{legend}" }).ClickAsync();
        var pick = box.Locator("li", new() { HasText = "阿里云" }).GetByRole(AriaRole.Button, new() { Name = "选择" });
        await pick.First.ClickAsync();
        await Expect(box.GetByLabel("名称", new() { Exact = true })).ToHaveValueAsync(new Regex("阿里云"));
    }

    /// <summary>新增主体 for a 单位 in 杭州市西湖区, filled in one go; returns the application page's URL.</summary>
    private async Task<string> SubmitSubjectAsync()
    {
        await Page.GotoAsync("/Subjects/New?fresh=true");
        await Label("开办主体性质").SelectOptionAsync(new SelectOptionValue { Label = "单位" });
        await Label("主办单位性质").SelectOptionAsync(new SelectOptionValue { Label = "企业单位" });
        await Label("主办单位名称").FillAsync("北京小米科技有限责任公司");
        await Label("主办单位证件类型").SelectOptionAsync(new SelectOptionValue { Label = "统一社会信用代码证" });
        await Label("主办单位证件号").FillAsync("91110108551385082Q");
        await Label("主办单位有效证件").SetInputFilesAsync(Png("营业执照.png"));
        await FillAddressAsync("单位办公地址", "浙江省", "杭州市", "西湖区", "文三路90号东部软件园1号楼");
        await Label("法定代表人姓名").FillAsync("张伟");
        await Label("负责人姓名").FillAsync("李明");
        await Label("负责人证件类型").SelectOptionAsync(new SelectOptionValue { Label = "居民身份证" });
        await Label("负责人证件号码").FillAsync("11010519491231002X");
        await Label("负责人证件有效期").FillAsync("2036-05-01");
        await Label("身份证人像面").SetInputFilesAsync(Png("人像面.png"));
        await Label("身份证国徽面").SetInputFilesAsync(Png("国徽面.png"));
        await Label("身份证手持").SetInputFilesAsync(Png("手持.png"));
        await FillAddressAsync("负责人常住地址", "浙江省", "杭州市", "西湖区", "文三路100号3幢2单元501室");
        await Label("负责人手机号码").FillAsync("1395" + RandomChars("0123456789", 7));
        await Label("办公室电话").FillAsync("0571-88156273");
        await Button("提交审核").ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
        return Page.Url;
    }

    /// <summary>The police console is not built yet: decide through the service it will call.</summary>
    private async Task ApproveAsync(string applicationUrl)
    {
        var id = Guid.Parse(new Uri(applicationUrl).Segments[^1]);
        using var scope = Server.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ApplicationService>().ApproveAsync(id, "reviewer");
        Assert.True(result.Succeeded, result.Error);
    }
}
