using System.Net;
using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Hardening;

/// <summary>
/// A control character or an over-long value in any field is refused next to that field, in Chinese,
/// with what was typed kept and nothing stored; a query string with one answers the Chinese 400 page.
/// </summary>
public abstract class RefusedInputTests(PlatformFixture platform)
{
    private static readonly string HundredKilobytes = new('网', 100 * 1024);

    [Fact]
    public async Task A_nul_in_a_urlencoded_login_form_is_refused_next_to_its_field_with_the_typed_value_kept()
    {
        platform.RequireAvailable();
        using var visitor = platform.NewClient();
        var login = await visitor.GetAsync("/Accounts/Login");
        var page = await visitor.SubmitAsync(login, "登录", new Dictionary<string, string>
        {
            ["Login"] = "zhang\0san",
            ["Password"] = "Beian#Test2026",
            ["CaptchaAnswer"] = PlatformFixture.CaptchaAnswer,
        });
        Assert.Equal(HttpStatusCode.OK, visitor.LastResponse!.StatusCode);
        Assert.Equal("用户名/手机号含有不允许的控制字符或无效字符，请删除后重新填写", page.FieldError("Login"));
        Assert.Equal("zhang\uFFFDsan", page.QuerySelector("#Login")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_hundred_kilobyte_organisation_name_on_save_draft_is_refused_next_to_the_field_and_no_draft_is_stored()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using (client)
        {
            var form = await client.GetAsync("/Subjects/New?fresh=true");
            var typed = SubjectForms.Organisation();
            typed["Form.Organisation.Name"] = HundredKilobytes;
            var page = await client.SubmitAsync(form, "保存草稿", typed);

            Assert.Equal("/Subjects/New", page.PathOf());
            Assert.Equal("主办单位名称不能超过100个字符（当前102400个）", page.FieldError("Form.Organisation.Name"));
            Assert.Equal(HundredKilobytes, page.QuerySelector("#Form_Organisation_Name")!.GetAttribute("value"));
            Assert.Equal("李明", page.QuerySelector("#Form_Principal_Name")!.GetAttribute("value"));
            Assert.Equal(0, await DraftCountAsync(applicant.UserName));
        }
    }

    [Fact]
    public async Task A_nul_in_a_multipart_subject_form_is_refused_on_submit_and_nothing_is_submitted()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using (client)
        {
            var form = await client.GetAsync("/Subjects/New?fresh=true");
            var typed = SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile());
            typed["Form.Principal.Name"] = "李\0明";
            var page = await client.SubmitAsync(form, "提交审核", typed, SubjectForms.AllFiles());

            Assert.Equal("/Subjects/New", page.PathOf());
            Assert.Equal("负责人姓名含有不允许的控制字符或无效字符，请删除后重新填写", page.FieldError("Form.Principal.Name"));
            Assert.Equal("北京小米科技有限责任公司", page.QuerySelector("#Form_Organisation_Name")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task A_hundred_kilobyte_website_name_on_save_draft_is_refused_and_the_earlier_draft_stands()
    {
        platform.RequireAvailable();
        var (client, subjectId) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        using (client)
        {
            var step1 = await client.GetAsync("/Websites/New?step=1");
            var step2 = await client.SubmitAsync(step1, "下一步");
            var typed = WebsiteWizardTests.BasicInfo("refused-input.com");
            await client.SubmitAsync(step2, "保存草稿", typed);

            step2 = await client.GetAsync("/Websites/New?step=2");
            typed["BasicInfo.Name"] = HundredKilobytes;
            var page = await client.SubmitAsync(step2, "保存草稿", typed);
            Assert.Equal("/Websites/New", page.PathOf());
            Assert.Equal("网站名称不能超过50个字符（当前102400个）", page.FieldError("BasicInfo.Name"));
            Assert.Equal(HundredKilobytes, page.QuerySelector("#BasicInfo_Name")!.GetAttribute("value"));
            Assert.Equal("refused-input.com", page.QuerySelector("#BasicInfo_MainDomain")!.GetAttribute("value"));

            typed["BasicInfo.Name"] = "小米\u0007科技";
            page = await client.SubmitAsync(step2, "下一步", typed);
            Assert.Equal("网站名称含有不允许的控制字符或无效字符，请删除后重新填写", page.FieldError("BasicInfo.Name"));

            var titles = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Drafts
                .Where(d => d.TargetId == subjectId && d.BusinessType == BusinessType.NewWebsite).Select(d => d.Title).ToListAsync());
            Assert.Equal(["小米科技官方网站"], titles);
        }
    }

    [Fact]
    public async Task A_checkbox_posted_with_a_value_that_is_no_boolean_is_refused_next_to_it_and_the_form_shown_again()
    {
        platform.RequireAvailable();
        var (administrator, _) = await PoliceLogin.StaffAsync(platform, Roles.Administrator, null, "/Admin");
        using (administrator)
        {
            var form = await administrator.GetAsync("/Admin/Content/Edit?kind=Notice");
            var page = await administrator.SubmitAsync(form, "保存草稿", new Dictionary<string, string>
            {
                ["Input.Title"] = "关于开展网站安全检查的通知",
                ["Input.Body"] = "正文",
                ["Input.Pinned"] = "maybe",
            });
            Assert.Equal(HttpStatusCode.OK, administrator.LastResponse!.StatusCode);
            Assert.Equal("此项只能勾选或不勾选", page.FieldError("Input.Pinned"));
            // A form that saves asks to correct and submit again (a list's filter asks to query again).
            Assert.Equal("请修改以下问题后再提交：", page.QuerySelector(".validation-summary-title")?.TextContent.Trim());
            Assert.Equal("关于开展网站安全检查的通知", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        }
    }

    [Theory]
    [InlineData("/Public/Query?type=name&keyword=%E5%B0%8F%E7%B1%B3%00")]
    [InlineData("/Public/Query?keyword=%01")]
    [InlineData("/Accounts/Login?ReturnUrl=%2F%00")]
    public async Task A_control_character_in_a_query_string_answers_the_chinese_400_page(string url)
    {
        platform.RequireAvailable();
        using var visitor = platform.NewClient();
        var page = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, visitor.LastResponse!.StatusCode);
        Assert.Contains("请求无效", page.Text());
        Assert.Contains("不允许的控制字符", page.Text());
        Assert.DoesNotContain("Exception", page.Text());
    }

    private Task<int> DraftCountAsync(string userName) => platform.ScopedAsync(s =>
    {
        var db = s.GetRequiredService<BeianDbContext>();
        return db.Drafts.CountAsync(d => db.Users.Any(u => u.Id == d.OwnerUserId && u.UserName == userName));
    });
}

public sealed class RefusedInputTests_Sqlite(SqlitePlatform platform)
    : RefusedInputTests(platform), IClassFixture<SqlitePlatform>;

public sealed class RefusedInputTests_Postgres(PostgresPlatform platform)
    : RefusedInputTests(platform), IClassFixture<PostgresPlatform>;
