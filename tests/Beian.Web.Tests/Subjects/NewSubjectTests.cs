using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Beian.Core.Applications;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Infrastructure.PersonalData;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Subjects;

/// <summary>新增主体 (seed 004 §4.1.1), drafts, 我的申请 and 撤销申请, on each database.</summary>
public abstract class NewSubjectTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_organisation_subject_is_submitted_and_waits_for_review_with_its_first_business()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var home = await client.GetAsync("/Home/Applicant");
        Assert.Contains("您当前尚无有效主体，请先申请主体", home.Text());
        Assert.Equal("暂无网站。", WebsitesWidget(home).QuerySelector("p")!.TextContent.Trim());

        var detail = await SubmitAsync(client, SubjectForms.Organisation());

        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        home = await client.GetAsync("/Home/Applicant");
        Assert.Null(home.QuerySelector("#no-subject-dialog"));
        Assert.Contains("北京小米科技有限责任公司", home.QuerySelector("#subject-heading")!.ParentElement!.ParentElement!.TextContent);
        Assert.Contains("当前主体：北京小米科技有限责任公司", home.QuerySelector("#current-subject")!.TextContent);
        Assert.Equal("/Websites/New", WebsitesWidget(home).QuerySelector("p a")!.GetAttribute("href"));
        Assert.Contains("公安机关不会单独审核主体", detail.Text());
        Assert.Contains("杭州市公安局西湖区分局网安大队", detail.Text());
        Assert.Contains("110***********002X", detail.Text());
        Assert.DoesNotContain(SubjectForms.PrincipalId, detail.Text());

        var list = await client.GetAsync("/My/Applications?type=NewSubject&status=Pending");
        Assert.Contains("北京小米科技有限责任公司", list.Text());

        var subject = await SingleSubjectOfAsync(applicant);
        Assert.Equal(SubjectStatus.Pending, subject.Status);
        Assert.Equal("330106", subject.JurisdictionUnitCode);
        Assert.DoesNotContain(SubjectForms.PrincipalId, subject.DataCipher);
        var expectedHash = platform.Services.GetRequiredService<PersonalDataProtector>().Hash(SubjectForms.CreditCode);
        Assert.Equal(expectedHash, subject.CertificateHash);
    }

    [Fact]
    public async Task A_double_clicked_submission_creates_one_application()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");

        await client.SubmitAsync(form, "提交审核", SubjectForms.Organisation(), SubjectForms.AllFiles());
        var second = await client.SubmitAsync(form, "提交审核", SubjectForms.Organisation(), SubjectForms.AllFiles());

        Assert.Equal("待审核", second.QuerySelector("#application-status")!.TextContent);
        var count = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Applications
            .CountAsync(a => a.OwnerUserId == UserIdOf(s, applicant)));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task A_wrong_credit_code_is_explained_next_to_the_field_and_nothing_typed_or_uploaded_is_lost()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var fields = SubjectForms.Organisation();
        fields["Form.Organisation.CertificateNumber"] = "91110108551385082R";
        fields["Form.Organisation.OfficeAddress.CountyCode"] = "";

        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var page = await client.SubmitAsync(form, "提交审核", fields, SubjectForms.AllFiles());

        Assert.Equal("/Subjects/New", page.PathOf());
        Assert.Contains("校验", page.FieldError("Form.Organisation.CertificateNumber"));
        Assert.Equal("请选择区县", page.FieldError("Form.Organisation.OfficeAddress.CountyCode"));
        Assert.Equal("91110108551385082R", Input(page, "Form.Organisation.CertificateNumber"));
        Assert.Equal("李明", Input(page, "Form.Principal.Name"));
        Assert.Contains("licence.png", page.QuerySelector("[data-upload-field='Uploads.Licence']")!.TextContent);

        // Correcting the two fields, without choosing the files again, is enough.
        var corrected = await client.SubmitAsync(page, "提交审核", new Dictionary<string, string>
        {
            ["Form.Organisation.CertificateNumber"] = SubjectForms.CreditCode,
            ["Form.Organisation.OfficeAddress.CountyCode"] = "330106",
        });
        Assert.Equal("待审核", corrected.QuerySelector("#application-status")!.TextContent);
    }

    [Fact]
    public async Task A_renamed_text_file_is_refused_as_an_identity_photo()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var files = SubjectForms.AllFiles();
        files["Uploads.IdFront.File"] = new TestUpload("front.png", "这不是图片"u8.ToArray(), "image/png");
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var page = await client.SubmitAsync(form, "提交审核", SubjectForms.Organisation(), files);
        Assert.NotEqual(string.Empty, page.FieldError("Uploads.IdFront"));
        Assert.Equal("/Subjects/New", page.PathOf());
    }

    [Fact]
    public async Task The_error_summary_lists_errors_in_the_order_of_the_form_fields()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var files = SubjectForms.AllFiles();
        files["Uploads.IdFront.File"] = new TestUpload("front.png", "这不是图片"u8.ToArray(), "image/png");
        var fields = SubjectForms.Organisation();
        fields["Form.Organisation.Name"] = "";
        fields["Form.Principal.Mobile"] = "";
        var form = await client.GetAsync("/Subjects/New?fresh=true");

        var page = await client.SubmitAsync(form, "提交审核", fields, files);

        var order = page.QuerySelectorAll(".validation-summary-errors li").Select(li => li.GetAttribute("data-error-for")).ToList();
        Assert.Equal(["Form.Organisation.Name", "Uploads.IdFront", "Form.Principal.Mobile"], order);
    }

    [Fact]
    public async Task A_saved_draft_is_listed_offered_again_and_reopens_with_what_was_typed()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New");
        var fields = new Dictionary<string, string>
        {
            ["Form.Nature"] = "Organisation",
            ["Form.Organisation.Name"] = "杭州西湖草稿科技有限公司",
            ["Form.Principal.Name"] = "王芳",
        };
        var drafts = await client.SubmitAsync(form, "保存草稿", fields, new Dictionary<string, TestUpload> { ["Uploads.Licence.File"] = TestUpload.Png("licence.png") });

        Assert.Equal("/My/Drafts", drafts.PathOf());
        Assert.Contains("杭州西湖草稿科技有限公司", drafts.Text());
        Assert.Contains("新增主体", drafts.Text());
        Assert.Contains("超过30天未更新的草稿将被系统自动删除", drafts.Text());

        var offered = await client.GetAsync("/Subjects/New");
        Assert.Contains("您有一条草稿", offered.Text());
        var reopened = await client.GetAsync(offered.QuerySelectorAll("a").First(a => a.TextContent == "是").GetAttribute("href")!);
        Assert.Equal("杭州西湖草稿科技有限公司", Input(reopened, "Form.Organisation.Name"));
        Assert.Equal("王芳", Input(reopened, "Form.Principal.Name"));
        Assert.Contains("licence.png", reopened.QuerySelector("[data-upload-field='Uploads.Licence']")!.TextContent);

        var fresh = await client.GetAsync(offered.QuerySelectorAll("a").First(a => a.TextContent == "否").GetAttribute("href")!);
        Assert.Equal(string.Empty, Input(fresh, "Form.Organisation.Name"));
    }

    [Fact]
    public async Task A_pending_application_is_revoked_within_30_minutes()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var detail = await SubmitAsync(client, SubjectForms.Organisation());
        var revoked = await client.SubmitAsync(detail, "撤销申请");
        Assert.Equal("已撤销", revoked.QuerySelector("#application-status")!.TextContent);
        Assert.Null(revoked.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent == "撤销申请"));
        Assert.Equal(SubjectStatus.Withdrawn, (await SingleSubjectOfAsync(applicant)).Status);
        Assert.Contains("申请内容已保存到“我的草稿”", revoked.Text());
        var drafts = await client.GetAsync("/My/Drafts");
        Assert.Contains("北京小米科技有限责任公司", drafts.Text());
    }

    [Fact]
    public async Task Approval_makes_the_subject_valid_passes_identity_verification_and_tells_the_owner()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var detail = await SubmitAsync(client, SubjectForms.Organisation());
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);

        var result = await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer-test"));
        Assert.True(result.Succeeded, result.Error);

        Assert.Equal(SubjectStatus.Valid, (await SingleSubjectOfAsync(applicant)).Status);
        var credit = await client.GetAsync("/Profile/Credit");
        Assert.Contains("已通过", credit.QuerySelector("#identity-heading")!.ParentElement!.TextContent);
        var sms = (await OutboxReader.MessagesAsync(platform)).First(m => m.Recipient == applicant.Mobile && m.Body.Contains("审核通过"));
        Assert.Contains("杭州市公安局西湖区分局网安大队", sms.Body);
        var messages = await client.GetAsync("/Messages");
        Assert.Contains("新增主体申请已通过", messages.Text());

        var again = await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer-test"));
        Assert.False(again.Succeeded);
    }

    [Fact]
    public async Task Another_applicant_cannot_see_the_application_or_the_draft()
    {
        platform.RequireAvailable();
        var (owner, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var detail = await SubmitAsync(owner, SubjectForms.Organisation());
        var form = await owner.GetAsync("/Subjects/New?fresh=true");
        var drafts = await owner.SubmitAsync(form, "保存草稿", new Dictionary<string, string> { ["Form.Principal.Name"] = "赵六" });
        var draftLink = drafts.QuerySelectorAll("a").First(a => a.TextContent == "详情").GetAttribute("href")!;

        var (stranger, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        await stranger.GetAsync(new Uri(detail.Url).PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, stranger.LastResponse!.StatusCode);
        await stranger.GetAsync(draftLink);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, stranger.LastResponse!.StatusCode);
        var list = await stranger.GetAsync("/My/Applications");
        Assert.DoesNotContain("北京小米科技有限责任公司", list.Text());
    }

    [Fact]
    public async Task A_lower_case_x_ending_the_principals_id_number_is_stored_as_X_and_the_help_says_so()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        Assert.Contains("身份证号码末位的X大写、小写均可，保存为大写X。", form.QuerySelector("[name='Form.Principal.CertificateNumber']")!.ParentElement!.TextContent);

        var fields = SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile());
        fields["Form.Principal.CertificateNumber"] = "11010519491231002x";
        await SubmitAsync(client, fields);

        var subject = await SingleSubjectOfAsync(applicant);
        var (stored, hash) = await platform.ScopedAsync(s => Task.FromResult((
            s.GetRequiredService<Beian.Web.Features.Subjects.SubjectService>().Read(subject).Principal.CertificateNumber,
            s.GetRequiredService<PersonalDataProtector>().Hash("11010519491231002X"))));
        Assert.Equal("11010519491231002X", stored);
        Assert.Equal(hash, subject.PrincipalCertificateHash);
    }

    private static async Task<IHtmlDocument> SubmitAsync(PlatformClient client, Dictionary<string, string> fields)
    {
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var detail = await client.SubmitAsync(form, "提交审核", fields, SubjectForms.AllFiles());
        Assert.True(detail.PathOf().StartsWith("/My/ApplicationDetail"), detail.QuerySelector(".validation-summary-errors")?.TextContent ?? detail.PathOf());
        return detail;
    }

    private Task<Beian.Web.Features.Subjects.Subject> SingleSubjectOfAsync(TestApplicant applicant) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Subjects.AsNoTracking()
            .SingleAsync(x => x.OwnerUserId == UserIdOf(s, applicant)));

    private static string UserIdOf(IServiceProvider services, TestApplicant applicant) =>
        services.GetRequiredService<BeianDbContext>().Users.Single(u => u.UserName == applicant.UserName).Id;

    private static string Input(IDocument page, string name) =>
        (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value ?? string.Empty;

    private static AngleSharp.Dom.IElement WebsitesWidget(AngleSharp.Html.Dom.IHtmlDocument home) =>
        home.QuerySelector("#widget-Websites")!;
}

public sealed class NewSubjectTests_Sqlite(SqlitePlatform platform) : NewSubjectTests(platform), IClassFixture<SqlitePlatform>;

public sealed class NewSubjectTests_Postgres(PostgresPlatform platform) : NewSubjectTests(platform), IClassFixture<PostgresPlatform>;
