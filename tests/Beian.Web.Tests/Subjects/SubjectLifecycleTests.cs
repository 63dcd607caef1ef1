using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Subjects;

/// <summary>变更主体 and 注销主体 of an approved subject (seed 004 §4.1.2–4.1.3).</summary>
public abstract class SubjectLifecycleTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_change_shows_the_changed_fields_then_makes_the_subject_changing_and_a_second_one_is_refused()
    {
        platform.RequireAvailable();
        var (client, _, subjectId) = await ApprovedSubjectAsync();

        var form = await client.GetAsync($"/Subjects/Change?subject={subjectId}");
        Assert.Equal("李明", Value(form, "Form.Principal.Name"));
        var preview = await client.SubmitAsync(form, "提交审核", new Dictionary<string, string>
        {
            ["Form.Principal.Name"] = "李明华",
            ["Form.Principal.Email"] = "lmh@example.com",
        });
        var diff = preview.QuerySelector("#change-diff")!;
        Assert.Contains("负责人姓名", diff.TextContent);
        Assert.Contains("李明华", diff.TextContent);
        Assert.Contains("lmh@example.com", diff.TextContent);
        Assert.DoesNotContain("主办单位名称", diff.TextContent);

        var detail = await client.SubmitAsync(preview, "确认");
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.Equal(SubjectStatus.Changing, await StatusAsync(subjectId));

        var again = await client.GetAsync($"/Subjects/Change?subject={subjectId}&fresh=true");
        var refused = await client.SubmitAsync(await client.SubmitAsync(again, "提交审核",
            new Dictionary<string, string> { ["Form.Principal.Email"] = "other@example.com" }), "确认");
        Assert.Contains("存在审核中的单据", refused.Text());

        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var approved = await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer"));
        Assert.True(approved.Succeeded, approved.Error);
        Assert.Equal(SubjectStatus.Valid, await StatusAsync(subjectId));
        var mine = await client.GetAsync($"/My/SubjectDetail/{subjectId}");
        Assert.Contains("李明华", mine.Text());
    }

    [Fact]
    public async Task Cancelling_needs_the_middle_four_digits_and_the_sms_code()
    {
        platform.RequireAvailable();
        var (client, _, subjectId) = await ApprovedSubjectAsync();
        var form = await client.GetAsync($"/Subjects/Cancel?subject={subjectId}");
        Assert.Contains("139****1734", form.Text());

        var wrongDigits = await client.SubmitAsync(form, "获取验证码", new Dictionary<string, string> { ["MobileMiddle"] = "1111" });
        Assert.Equal("手机号码中间四位不正确", wrongDigits.FieldError("MobileMiddle"));

        var sent = await client.SubmitAsync(wrongDigits, "获取验证码", new Dictionary<string, string> { ["MobileMiddle"] = "5820" });
        Assert.Contains("验证码已发送", sent.Text());
        var code = await OutboxReader.LatestSmsCodeAsync(platform, SubjectForms.PrincipalMobile);

        var wrongCode = await client.SubmitAsync(sent, "注销", new Dictionary<string, string>
        {
            ["PrincipalName"] = "李明", ["MobileMiddle"] = "5820", ["SmsCode"] = code == "000000" ? "111111" : "000000", ["Reason"] = "业务调整，不再运营网站",
        });
        Assert.Equal("短信验证码错误或已过期", wrongCode.FieldError("SmsCode"));
        Assert.Equal("业务调整，不再运营网站", wrongCode.QuerySelector<IHtmlTextAreaElement>("#Reason")!.Value);

        var detail = await client.SubmitAsync(wrongCode, "注销", new Dictionary<string, string>
        {
            ["PrincipalName"] = "李明", ["MobileMiddle"] = "5820", ["SmsCode"] = code, ["Reason"] = "业务调整，不再运营网站",
        });
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.Equal(SubjectStatus.Cancelling, await StatusAsync(subjectId));

        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer"));
        Assert.Equal(SubjectStatus.Cancelled, await StatusAsync(subjectId));
    }

    [Fact]
    public async Task A_returned_change_puts_the_subject_back_to_valid()
    {
        platform.RequireAvailable();
        var (client, _, subjectId) = await ApprovedSubjectAsync();
        var form = await client.GetAsync($"/Subjects/Change?subject={subjectId}");
        var preview = await client.SubmitAsync(form, "提交审核", new Dictionary<string, string> { ["Form.Principal.Email"] = "new@example.com" });
        var detail = await client.SubmitAsync(preview, "确认");
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);

        var returned = await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ReturnAsync(applicationId, "reviewer", [new Beian.Core.Applications.ReturnReason("Principal.Email", "电子邮件地址", "电子邮件地址无法联系")]));
        Assert.True(returned.Succeeded);
        Assert.Equal(SubjectStatus.Valid, await StatusAsync(subjectId));
        var page = await client.GetAsync(new Uri(detail.Url).PathAndQuery);
        Assert.Contains("电子邮件地址无法联系", page.Text());
        Assert.Equal("已退回", page.QuerySelector("#application-status")!.TextContent);
    }

    [Fact]
    public async Task Another_applicant_cannot_open_the_change_or_cancel_form_of_a_subject()
    {
        platform.RequireAvailable();
        var (_, _, subjectId) = await ApprovedSubjectAsync();
        var (stranger, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var change = await stranger.GetAsync($"/Subjects/Change?subject={subjectId}");
        Assert.Equal("/My/Subjects", change.PathOf());
        var cancel = await stranger.GetAsync($"/Subjects/Cancel?subject={subjectId}");
        Assert.Equal("/My/Subjects", cancel.PathOf());
        await stranger.GetAsync($"/My/SubjectDetail/{subjectId}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, stranger.LastResponse!.StatusCode);
    }

    private async Task<(PlatformClient Client, TestApplicant Applicant, Guid SubjectId)> ApprovedSubjectAsync()
    {
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var detail = await client.SubmitAsync(form, "提交审核", SubjectForms.Organisation(), SubjectForms.AllFiles());
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var subjectId = await platform.ScopedAsync(async s =>
        {
            var result = await s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer");
            Assert.True(result.Succeeded, result.Error);
            return (await s.GetRequiredService<BeianDbContext>().Applications.SingleAsync(a => a.Id == applicationId)).SubjectId;
        });
        return (client, applicant, subjectId);
    }

    private Task<SubjectStatus> StatusAsync(Guid subjectId) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Subjects.AsNoTracking()
            .Where(x => x.Id == subjectId).Select(x => x.Status).SingleAsync());

    private static string Value(IHtmlDocument page, string name) =>
        (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value ?? string.Empty;
}

public sealed class SubjectLifecycleTests_Sqlite(SqlitePlatform platform) : SubjectLifecycleTests(platform), IClassFixture<SqlitePlatform>;

public sealed class SubjectLifecycleTests_Postgres(PostgresPlatform platform) : SubjectLifecycleTests(platform), IClassFixture<PostgresPlatform>;
