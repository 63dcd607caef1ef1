using Beian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Beian.E2E.Assessments;

/// <summary>
/// 安全评估: an applicant whose website is filed starts a self-assessment of it, answers the nine parts with the
/// report, submits; the county's reviewer approves it; it shows under 历史安全评估.
/// </summary>
public sealed class SelfAssessmentFlowTests(PlatformServer server, BrowserFixture browser) : WebsiteApplicantBrowserTest(server, browser)
{
    private const string Answer = "已建立制度并由专人负责，技术措施完备，定期检查并留存记录，发现问题及时整改。";

    [Fact]
    public async Task Applicant_submits_a_self_assessment_of_a_filed_website_the_reviewer_approves_and_it_is_history()
    {
        await RegisterAndLogInAsync();
        await SubmitSubjectAsync();
        var domain = $"sa{RandomChars("abcdefghijklmnopqrstuvwxyz0123456789", 10)}.com";
        await FileWebsiteAsync(domain);
        await ReviewerApprovesAsync(await ApplicationNumberAsync(), "新办网站申请", SiteName);

        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "业务办理" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "安全评估", Exact = true }).First.ClickAsync();
        await Expect(Page.Locator("#assessment-cases li")).ToHaveCountAsync(5);
        await Page.GetByRole(AriaRole.Link, new() { Name = "发起安全评估" }).First.ClickAsync();

        await Page.GetByLabel(SiteName, new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("具有舆论属性或社会动员能力的信息服务上线", new() { Exact = false }).CheckAsync();
        await Label("自评估").CheckAsync();
        await Label("姓名").FillAsync("王安全");
        await Label("职务").FillAsync("信息安全部经理");
        await Label("联系电话").FillAsync("0571-88156273");
        await Label("电子邮箱").FillAsync("security@example.com");
        foreach (var part in new[] { "用户真实身份核验及注册信息留存", "日志信息留存", "违法有害信息防范处置", "个人信息保护及技术措施", "投诉举报机制" })
            await Label(part).FillAsync(Answer);
        await Button("提交").ClickAsync();

        await Expect(Page.Locator("[data-valmsg-for='Form.Measures.TechnicalAssistance']")).Not.ToBeEmptyAsync();
        await Expect(Label("日志信息留存")).ToHaveValueAsync(Answer);
        await ScreenshotAsync("1-part-missing");
        await Page.Locator("textarea[name='Form.Measures.TechnicalAssistance']").FillAsync(Answer);
        await Label("安全评估报告").SetInputFilesAsync(Pdf("安全评估报告.pdf"));
        await Button("提交").ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
        await ScreenshotAsync("2-submitted");

        await ReviewerApprovesAsync(await ApplicationNumberAsync(), "安全评估", "用户真实身份核验及注册信息留存");

        await Page.GotoAsync("/Home/Applicant");
        await Page.Locator("#widget-assessments").GetByRole(AriaRole.Link, new() { Name = "更多" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "历史安全评估" }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = SiteName });
        await Expect(row).ToContainTextAsync("已通过");
        await ScreenshotAsync("3-history");
        await row.GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Expect(Page.Locator("#assessment-status")).ToHaveTextAsync("已通过");
        await Expect(Page.Locator("#assessment-snapshot")).ToContainTextAsync("自评估");
        await ScreenshotAsync("4-detail");
    }
}
