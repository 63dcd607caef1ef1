using System.Text.RegularExpressions;
using Beian.Web.Features.Accounts;
using Microsoft.Playwright;

namespace Beian.E2E.Infrastructure;

/// <summary>What tests of an applicant filing a website share: the subject and the steps of the wizard.</summary>
public abstract class WebsiteApplicantBrowserTest(PlatformServer server, BrowserFixture browser) : ApplicantBrowserTest(server, browser)
{
    protected const string SiteName = "小米科技官方网站";

    /// <summary>② 网站基本信息 of a non-interactive site, with both providers picked from the list.</summary>
    protected async Task FillBasicInfoAsync(string domain)
    {
        await Label("网站名称").FillAsync(SiteName);
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
    }

    /// <summary>③: 同主体负责人信息 ticked for the three required people, each filled in place by the page's script.</summary>
    protected async Task FillPeopleFromSubjectAsync()
    {
        foreach (var person in new[] { "Principal", "SecurityOfficer", "EmergencyContact" })
        {
            var before = Page.Url;
            await Page.Locator($"#person-{person} legend").GetByLabel("同主体负责人信息").CheckAsync();
            await Expect(Page.Locator($"#person-{person} input[name$='.Name']")).ToHaveValueAsync("李明");
            await Expect(Page.Locator($"#person-{person} .upload-file-name").First).ToHaveTextAsync(new Regex(@"\.png$"));
            Assert.Equal(before, Page.Url); // filled in place, nothing posted
        }
    }

    /// <summary>【查询…服务商】 in 浙江省 and 阿里云 from the list.</summary>
    protected async Task PickProviderAsync(string legend)
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
    protected async Task<string> SubmitSubjectAsync()
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

    /// <summary>The 申请编号 on the open application page (what the reviewer finds it by).</summary>
    protected async Task<string> ApplicationNumberAsync() =>
        (await Page.Locator("main dl dd").First.TextContentAsync() ?? string.Empty).Trim();

    /// <summary>The four steps in one go, from 新办网站申请 to 【提交】; the application page is open after.</summary>
    protected async Task FileWebsiteAsync(string domain)
    {
        await OpenMenuItemAsync("网站业务", "新办网站申请");
        await NextStepAsync();
        await FillBasicInfoAsync(domain);
        await NextStepAsync();
        await FillPeopleFromSubjectAsync();
        await NextStepAsync();
        await Page.GetByLabel("我已阅知上述告知事项", new() { Exact = false }).CheckAsync();
        await Button("提交").ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
    }

    /// <summary>
    /// The county's reviewer (西湖区) opens 待审核申请, finds the application by <paramref name="number"/> with its
    /// 业务类型, sees <paramref name="shownOnReview"/> on the review page, 【开始审核】 and 【通过】.
    /// </summary>
    protected async Task ReviewerApprovesAsync(string number, string businessType, string shownOnReview)
    {
        var reviewer = await StaffBrowser.CreateAsync(Server, Roles.Reviewer, "330106", "赵警官");
        var police = await AnotherPersonAsync();
        await StaffBrowser.LogInAsync(police, reviewer, "/Police");
        await police.GetByRole(AriaRole.Link, new() { Name = "待审核申请", Exact = true }).ClickAsync();
        var row = police.Locator("#queue tbody tr").Filter(new() { HasText = number });
        await Expect(row).ToContainTextAsync(businessType);
        await row.GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(police.Locator("main")).ToContainTextAsync(shownOnReview);
        await police.GetByRole(AriaRole.Button, new() { Name = "开始审核", Exact = true }).ClickAsync();
        await ScreenshotAsync(police, "police-review");
        await police.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(police.Locator("#application-status")).ToHaveTextAsync("已通过");
    }
}
