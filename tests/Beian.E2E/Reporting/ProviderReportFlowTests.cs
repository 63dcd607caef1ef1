using System.Text;
using Beian.E2E.Infrastructure;
using Beian.Web.Features.Accounts;
using Microsoft.Playwright;

namespace Beian.E2E.Reporting;

/// <summary>
/// 服务商业务: a 单位 whose website is filed applies to be a 服务商, its county approves, it uploads an IP段 report in GBK
/// as Excel saves it and watches the progress bar finish; the refused row is named with its line; the reviewers of
/// the county the report names see the unfiled site among their 未备案网站, marked 服务商上报.
/// </summary>
public sealed class ProviderReportFlowTests(PlatformServer server, BrowserFixture browser) : WebsiteApplicantBrowserTest(server, browser)
{
    [Fact]
    public async Task A_provider_uploads_an_ip_range_report_watches_it_finish_and_the_county_police_see_the_unfiled_site()
    {
        await RegisterAndLogInAsync();
        await SubmitSubjectAsync();
        await FileWebsiteAsync($"pr{RandomChars("abcdefghijklmnopqrstuvwxyz0123456789", 10)}.com");
        await ReviewerApprovesAsync(await ApplicationNumberAsync(), "新办网站申请", SiteName);

        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "业务办理" });
        await menu.Locator("summary", new() { HasText = "服务商业务" }).ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "申请服务商", Exact = true }).ClickAsync();
        await Label("IDC/虚拟主机").CheckAsync();
        await Label("CDN").CheckAsync();
        await Label("增值电信业务经营许可证编号").FillAsync("浙B1-20160211");
        await Page.Locator("#Form_Address_ProvinceCode").SelectOptionAsync("330000");
        await Page.Locator("#Form_Address_CityCode").SelectOptionAsync("330100");
        await Page.Locator("#Form_Address_CountyCode").SelectOptionAsync("330106");
        await Label("经营详细地址").FillAsync("文一西路969号1号楼");
        await Label("业务联系人姓名").FillAsync("赵运维");
        await Label("业务联系人手机号码").FillAsync("13905718888");
        await Button("提交").ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
        await ReviewerApprovesAsync(await ApplicationNumberAsync(), "服务商申请", "增值电信业务经营许可证编号");

        await Page.GotoAsync("/Reporting/Providers");
        await Page.Locator("#reporters").GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(Page.Locator("#reporter-status")).ToHaveTextAsync("已通过");
        var unfiled = $"nf{RandomChars("abcdefghijklmnopqrstuvwxyz0123456789", 10)}.cn";
        var lines = new List<string> { "起始IP,结束IP,IP段用途,所在地区,使用单位名称,使用单位证件号码,网站域名,分配日期" };
        for (var i = 0; i < 1500; i++)
            lines.Add($"122.224.{i / 256}.{i % 256},122.224.{i / 256}.{i % 256},网站,浙江省杭州市西湖区,杭州某网络科技有限公司,,{(i == 0 ? unfiled : $"s{i}.{unfiled}")},2026-10-01");
        lines.Add("122.224.9.9,122.224.9.1,网站,,错行公司,,,");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = FileOf("IP段.csv", Encoding.GetEncoding("GB18030").GetBytes(string.Join("\r\n", lines) + "\r\n"));
        await Label("上报文件").SetInputFilesAsync(file);
        await Button("提交上报").ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("上报处理情况");
        await ScreenshotAsync("1-queued");
        await Expect(Page.Locator("#report-status")).ToContainTextAsync("已完成", new() { Timeout = 120_000 });
        await Expect(Page.Locator("#report-percent")).ToHaveTextAsync("100%");
        await Expect(Page.Locator("#failures")).ToContainTextAsync("第1502行");
        await Expect(Page.Locator("#report-unfiled")).ToContainTextAsync("1500");
        await ScreenshotAsync("2-done");

        var reviewer = await StaffBrowser.CreateAsync(Server, Roles.Reviewer, "330106", "钱警官");
        var police = await AnotherPersonAsync();
        await StaffBrowser.LogInAsync(police, reviewer, "/Police");
        await police.GetByRole(AriaRole.Link, new() { Name = "未备案网站导入", Exact = true }).ClickAsync();
        var row = police.Locator("#imported-records tbody tr").Filter(new() { HasText = unfiled }).First;
        await Expect(row).ToContainTextAsync("服务商上报");
        await ScreenshotAsync(police, "police-unfiled");
    }
}
