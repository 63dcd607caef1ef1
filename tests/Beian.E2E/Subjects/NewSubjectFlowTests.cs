using System.Text.RegularExpressions;
using Beian.E2E.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;

namespace Beian.E2E.Subjects;

/// <summary>
/// Seed 004 §4.1.1 (新增主体) and §4.3 (我的草稿, 我的申请, 撤销) as a first-time applicant does
/// them: register, log in, 申请主体 from the home page, save a half-filled 单位 form as a draft,
/// reopen it, complete the 负责人, 提交审核, find the application under 我的申请 and revoke it.
/// Test data: tests/Beian.Web.Tests/Subjects/SubjectForms.cs (passes every pre-check rule).
/// </summary>
public sealed class NewSubjectFlowTests(PlatformServer server, BrowserFixture browser) : ApplicantBrowserTest(server, browser)
{
    private const string OrganisationName = "北京小米科技有限责任公司";
    private const string CreditCode = "91110108551385082Q";
    private const string OfficeDetail = "文三路90号东部软件园1号楼";
    private const string LegalRepresentative = "张伟";
    private const string PrincipalName = "李明";
    private const string PrincipalId = "11010519491231002X";
    private const string PrincipalMobile = "13958201734";

    /// <summary>Police review the subject together with the first business (seed 004 §4.1.1 注).</summary>
    private static readonly Regex TogetherWithFirstBusiness = new("民警将与(您的)?首个业务一并审核");

    [Fact]
    public async Task Applicant_saves_a_new_subject_as_draft_completes_submits_and_revokes_it()
    {
        // 1. Register through the UI, then log in.
        var username = await RegisterAndLogInAsync();

        // 2. The home page says there is no subject yet; 【申请主体】.
        await Expect(Page.GetByText("您当前尚无有效主体，请先申请主体", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("body")).ToContainTextAsync(username);
        await ScreenshotAsync("02-home-no-subject");
        await Page.GetByRole(AriaRole.Link, new() { Name = "申请主体", Exact = true }).ClickAsync();

        // 3. 新增主体: 单位 / 企业单位, the 主办单位 part, and only the 负责人姓名; 【保存草稿】.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "新增主体", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("03a-new-subject-empty");
        await Label("开办主体性质").SelectOptionAsync(new SelectOptionValue { Label = "单位" });
        await Label("主办单位性质").SelectOptionAsync(new SelectOptionValue { Label = "企业单位" });
        await Label("主办单位名称").FillAsync(OrganisationName);
        await Label("主办单位证件类型").SelectOptionAsync(new SelectOptionValue { Label = "统一社会信用代码证" });
        await Label("主办单位证件号").FillAsync(CreditCode);
        var licence = Page.Locator("[data-upload-field='Uploads.Licence']");
        await Expect(licence.Locator(".file-picker-name")).ToHaveTextAsync("未选择文件");
        await Label("主办单位有效证件").SetInputFilesAsync(Png("营业执照.png"));
        await Expect(licence.Locator(".file-picker-name")).ToHaveTextAsync("营业执照.png");
        await FillAddressAsync("单位办公地址", "浙江省", "杭州市", "西湖区", OfficeDetail);
        await Label("法定代表人姓名").FillAsync(LegalRepresentative);
        await Label("负责人姓名").FillAsync(PrincipalName);
        await ScreenshotAsync("03b-new-subject-partly-filled");
        await Button("保存草稿").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/My/Drafts", RegexOptions.IgnoreCase));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "我的草稿", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByText("草稿已保存").First).ToBeVisibleAsync();
        var draftRow = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "新增主体" });
        await Expect(draftRow).ToHaveCountAsync(1);
        await Expect(draftRow).ToContainTextAsync(OrganisationName);
        await ScreenshotAsync("03c-my-drafts");

        // 4. 【详情】 brings the form back as it was typed, with the licence by name.
        await draftRow.GetByRole(AriaRole.Link, new() { Name = "详情", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "新增主体", Exact = true })).ToBeVisibleAsync();
        await Expect(Label("主办单位名称")).ToHaveValueAsync(OrganisationName);
        await Expect(Label("主办单位证件号")).ToHaveValueAsync(CreditCode);
        await Expect(Label("法定代表人姓名")).ToHaveValueAsync(LegalRepresentative);
        await Expect(Label("负责人姓名")).ToHaveValueAsync(PrincipalName);
        var office = Address("单位办公地址");
        await Expect(office.GetByLabel("区县", new() { Exact = true })).ToHaveValueAsync("330106");
        await Expect(office.GetByLabel("单位办公详细地址", new() { Exact = true })).ToHaveValueAsync(OfficeDetail);
        await Expect(licence.Locator(".upload-file-name")).ToHaveTextAsync("营业执照.png");
        await Expect(licence.GetByRole(AriaRole.Link, new() { Name = "预览/下载", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("04-draft-reopened");

        // 5. The 负责人 part, then 【提交审核】.
        await Label("负责人证件类型").SelectOptionAsync(new SelectOptionValue { Label = "居民身份证" });
        await Label("负责人证件号码").FillAsync(PrincipalId);
        await Label("负责人证件有效期").FillAsync("2036-05-01");
        await Label("身份证人像面").SetInputFilesAsync(Png("身份证人像面.png"));
        await Label("身份证国徽面").SetInputFilesAsync(Png("身份证国徽面.png"));
        await Label("身份证手持").SetInputFilesAsync(Png("手持身份证.png"));
        await FillAddressAsync("负责人常住地址", "浙江省", "杭州市", "西湖区", "文三路100号3幢2单元501室");
        await Label("负责人手机号码").FillAsync(PrincipalMobile);
        await Label("办公室电话").FillAsync("0571-88156273");
        await Label("电子邮件地址").FillAsync("liming@example.com");
        await ScreenshotAsync("05a-new-subject-complete");
        await Button("提交审核").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "申请详情", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
        await Expect(Page.GetByText(TogetherWithFirstBusiness)).ToBeVisibleAsync();
        await ScreenshotAsync("05b-submitted-detail");

        // 6. Left menu 我的 → 我的申请: one 新增主体 row, 待审核.
        await OpenMenuItemAsync("我的", "我的申请");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "我的申请", Exact = true })).ToBeVisibleAsync();
        var applicationRow = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "新增主体" });
        await Expect(applicationRow).ToHaveCountAsync(1);
        await Expect(applicationRow).ToContainTextAsync("待审核");
        await Expect(applicationRow).ToContainTextAsync(OrganisationName);
        await ScreenshotAsync("06-my-applications");

        // 7. 【详情】 → 【撤销申请】 → 已撤销.
        await applicationRow.GetByRole(AriaRole.Link, new() { Name = "详情", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("待审核");
        await Expect(Page.GetByText(TogetherWithFirstBusiness)).ToBeVisibleAsync();
        await ScreenshotAsync("07a-detail-before-revoke");
        // The page asks "确定撤销该申请吗？"; the applicant confirms.
        Page.Dialog += async (_, dialog) =>
        {
            Assert.Contains("确定撤销", dialog.Message);
            await dialog.AcceptAsync();
        };
        await Button("撤销申请").ClickAsync();
        await Expect(Page.Locator("#application-status")).ToHaveTextAsync("已撤销");
        await Expect(Button("撤销申请")).ToHaveCountAsync(0);
        await ScreenshotAsync("07b-revoked");
    }
}
