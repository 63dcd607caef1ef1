using AngleSharp.Dom;
using Beian.Core.Assessments;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Assessments;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Police;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beian.Web.Tests.Assessments.AssessmentFlows;

namespace Beian.Web.Tests.Assessments;

/// <summary>
/// 安全评估 (SPEC §5): started, drafted and submitted by the filer, reviewed by the jurisdiction with a reason per
/// part, corrected and approved; kept to its owner, its subject's businesses and its county.
/// </summary>
public abstract class AssessmentTests(PlatformFixture platform)
{
    private const string Binjiang = "330108";

    [Fact]
    public async Task A_self_assessment_is_drafted_submitted_returned_by_part_corrected_and_approved()
    {
        platform.RequireAvailable();
        var filed = await FiledWebsiteAsync(platform);
        var client = filed.Applicant;

        var form = await client.GetAsync("/Assessments/New");
        var website = await ReviewFlows.InDatabaseAsync(platform, db => db.Websites.AsNoTracking().SingleAsync(w => w.MainDomain == filed.Domain));
        Assert.Contains(website.NumberDisplay!, form.QuerySelector("#targets")!.TextContent);
        Assert.Contains("用户真实身份核验", form.Text());
        Assert.Equal(6, form.QuerySelectorAll("textarea[name^='Form.Measures.']").Length);

        // 【保存草稿】 keeps what is typed, incomplete as it is.
        var drafted = await client.SubmitAsync(form, "保存草稿", new Dictionary<string, string>
        {
            ["Form.Targets[0].Picked"] = "true",
            ["Form.Institution"] = "草稿里的评估机构",
        });
        Assert.Equal("/My/Drafts", drafted.PathOf());
        var link = drafted.QuerySelectorAll("a").First(a => a.TextContent == "详情" && a.GetAttribute("href")!.StartsWith("/Assessments/New")).GetAttribute("href")!;
        var reopened = await client.GetAsync(link);
        Assert.Equal("草稿里的评估机构", reopened.QuerySelector("input[name='Form.Institution']")!.GetAttribute("value"));
        Assert.NotNull(reopened.QuerySelector("input[name='Form.Targets[0].Picked'][checked]"));

        // A missing part is refused next to it, what was typed kept.
        var refused = await client.SubmitAsync(reopened, "提交", Complete().Where(f => f.Key != "Form.Measures.LogRetention")
            .Append(new("Form.Measures.LogRetention", "")).ToDictionary(), Report());
        Assert.Contains("日志信息留存", refused.FieldError("Form.Measures.LogRetention"));
        Assert.Equal(Answer, refused.QuerySelector("textarea[name='Form.Measures.Complaints']")!.TextContent);
        Assert.Contains("已上传", refused.QuerySelector("#report")!.TextContent);

        var detail = await client.SubmitAsync(refused, "提交", Complete());
        Assert.StartsWith("/My/ApplicationDetail", detail.PathOf());
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.DoesNotContain("草稿里的评估机构", (await client.GetAsync("/My/Drafts")).Text());
        var applicationId = IdOf(detail);
        var assessment = await AssessmentOfAsync(platform, applicationId);
        Assert.Equal(AssessmentStatus.Pending, assessment.Status);
        Assert.Equal(Xihu, assessment.JurisdictionUnitCode);
        Assert.DoesNotContain("13905710001", assessment.DataCipher);

        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var review = await ReviewFlows.ClaimAsync(reviewer, applicationId);
        Assert.Contains("安全评估", review.QuerySelector("#application-summary")!.TextContent);
        Assert.Contains("四、用户真实身份核验", review.Text());
        Assert.Contains("139****0001", review.Text());
        var returned = await reviewer.SubmitAsync(review, "确认退回", new Dictionary<string, string>
        {
            ["Reasons[0].Field"] = AssessmentFields.Measure(AssessmentMeasure.LogRetention),
            ["Reasons[0].Message"] = "日志留存不少于六个月，请写明留存期限",
        });
        Assert.Equal("已退回", returned.QuerySelector("#application-status")!.TextContent);
        Assert.Equal(AssessmentStatus.Returned, (await AssessmentOfAsync(platform, applicationId)).Status);

        var correction = await client.GetAsync($"/Assessments/Correct?application={applicationId}");
        Assert.Contains("日志留存不少于六个月", correction.FieldError("Form.Measures.LogRetention"));
        Assert.Equal(Answer, correction.QuerySelector("textarea[name='Form.Measures.IdentityVerification']")!.TextContent);
        var resubmitted = await client.SubmitAsync(correction, "提交", new Dictionary<string, string>
        {
            ["Form.Measures.LogRetention"] = "网络日志留存不少于六个月，由安全部每月核查留存情况并记录。",
        });
        Assert.Equal("待审核", resubmitted.QuerySelector("#application-status")!.TextContent);

        await ReviewFlows.ApproveAsync(reviewer, applicationId);
        var passed = await AssessmentOfAsync(platform, applicationId);
        Assert.Equal(AssessmentStatus.Passed, passed.Status);
        var history = await client.GetAsync("/My/Assessments?history=true");
        Assert.Contains("已通过", history.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("已通过", (await client.GetAsync("/My/Assessments")).QuerySelector("table")?.TextContent ?? "");
        var mine = await client.GetAsync($"/My/Assessments/{passed.Id}");
        Assert.Contains("六个月", mine.QuerySelector("#assessment-snapshot")!.TextContent);
        Assert.Equal(["Start", "Return", "Resubmit", "Approve"], await ActionsOfAsync(passed.Id));
        var sms = (await OutboxReader.MessagesAsync(platform)).Where(m => m.Channel == "Sms" && m.Recipient == filed.Account.Mobile).ToList();
        Assert.Contains(sms, m => m.Body.Contains("安全评估申请") && m.Body.Contains("已审核通过"));
    }

    [Fact]
    public async Task An_assessment_cannot_pick_another_subjects_business_and_is_hidden_from_other_accounts_and_counties()
    {
        platform.RequireAvailable();
        var mine = await FiledWebsiteAsync(platform);
        var theirs = await FiledWebsiteAsync(platform);
        var theirWebsite = await ReviewFlows.InDatabaseAsync(platform, db => db.Websites.AsNoTracking()
            .SingleAsync(w => w.MainDomain == theirs.Domain));

        var forged = await mine.Applicant.SubmitAsync(await mine.Applicant.GetAsync("/Assessments/New"), "提交",
            new Dictionary<string, string>(Complete())
            {
                ["Form.Targets[0].RecordId"] = theirWebsite.Id.ToString(),
            }, Report());
        Assert.Contains("只能选择当前主体已备案", forged.FieldError("Form.Targets"));
        Assert.Equal(0, await ReviewFlows.InDatabaseAsync(platform, db => db.Set<Assessment>().CountAsync(a => a.Targets.Any(t => t.RecordId == theirWebsite.Id))));

        var submitted = await SubmitAsync(mine.Applicant);
        var assessment = await AssessmentOfAsync(platform, IdOf(submitted));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await theirs.Applicant.Http.GetAsync($"/My/Assessments/{assessment.Id}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await theirs.Applicant.Http.GetAsync($"/My/ApplicationDetail/{IdOf(submitted)}")).StatusCode);
        Assert.DoesNotContain(assessment.Title, (await theirs.Applicant.GetAsync("/My/Assessments")).Text());

        var (outsider, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Binjiang);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/Police/Review/{IdOf(submitted)}")).StatusCode);
        Assert.DoesNotContain(assessment.Title, (await outsider.GetAsync("/Police/Assessments")).Text());
        var (own, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        Assert.Contains(assessment.Title, (await own.GetAsync("/Police/Assessments")).QuerySelector("#police-assessments")!.TextContent);
        // 仅看已超期 posted as no checkbox posts it lists nothing, not every assessment as if unfiltered.
        var garbled = await own.GetAsync("/Police/Assessments?overdue=maybe");
        Assert.Contains("此项只能勾选或不勾选", garbled.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("查询条件有误，请按上方提示修改后再查询。", garbled.QuerySelector("#filter-invalid")?.TextContent.Trim());
        Assert.Null(garbled.QuerySelector("#police-assessments"));

        Assert.StartsWith("/Accounts/AccessDenied", (await outsider.Http.GetAsync("/Assessments/New")).Headers.Location!.PathAndQuery);
        Assert.StartsWith("/Accounts/AccessDenied", (await outsider.Http.GetAsync("/MiniPrograms/Change")).Headers.Location!.PathAndQuery);
        using var anonymous = platform.NewClient();
        foreach (var page in new[] { "/Assessments/New", "/My/Assessments", "/MiniPrograms/Change", "/Apps/New" })
            Assert.StartsWith("/Accounts/Login", (await anonymous.GetAsync(page)).PathOf());
    }

    [Fact]
    public async Task The_police_require_an_assessment_which_the_filer_answers_and_a_revoked_answer_waits_again()
    {
        platform.RequireAvailable();
        var filed = await FiledWebsiteAsync(platform);
        var website = await ReviewFlows.InDatabaseAsync(platform, db => db.Websites.AsNoTracking().SingleAsync(w => w.MainDomain == filed.Domain));
        var (officer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);

        var require = await officer.GetAsync($"/Police/Assessments/Require?number={website.NumberDigits}");
        Assert.Contains(website.Name, require.QuerySelector("#found-business")!.TextContent);
        var incomplete = await officer.SubmitAsync(require, "提交要求", new Dictionary<string, string> { ["WorkingDays"] = "200" });
        Assert.Equal("请填写要求开展安全评估的原因", incomplete.FieldError("Reason"));
        Assert.Contains("工作日", incomplete.FieldError("WorkingDays"));
        var listed = await officer.SubmitAsync(incomplete, "提交要求", new Dictionary<string, string>
        {
            ["Reason"] = "近期用户规模显著增加",
            ["Trigger"] = nameof(AssessmentTrigger.UserGrowth),
            ["WorkingDays"] = "10",
        });
        Assert.Equal("/Police/Assessments", listed.PathOf());
        Assert.Contains("待评估", listed.QuerySelector("#police-assessments")!.TextContent);
        var again = await officer.SubmitAsync(await officer.GetAsync($"/Police/Assessments/Require?number={website.NumberDigits}"), "提交要求",
            new Dictionary<string, string> { ["Reason"] = "重复", ["Trigger"] = nameof(AssessmentTrigger.UserGrowth), ["WorkingDays"] = "10" });
        Assert.Contains("尚未完成的安全评估要求", again.FieldError("Number"));

        var (outsider, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Binjiang);
        var foreign = await outsider.SubmitAsync(await outsider.GetAsync("/Police/Assessments/Require"), "提交要求", new Dictionary<string, string>
        {
            ["Number"] = website.NumberDisplay!, ["Reason"] = "越权", ["Trigger"] = nameof(AssessmentTrigger.Incident), ["WorkingDays"] = "10",
        });
        Assert.Contains("本单位辖区内未找到", foreign.FieldError("Number"));

        var sms = (await OutboxReader.MessagesAsync(platform)).Where(m => m.Channel == "Sms" && m.Recipient == filed.Account.Mobile).ToList();
        Assert.Contains(sms, m => m.Body.Contains("要求您对") && m.Body.Contains("用户规模显著增加"));
        var home = await filed.Applicant.GetAsync("/Home/Applicant");
        Assert.Contains("待评估", home.QuerySelector("#widget-assessments")!.TextContent);
        var answer = home.QuerySelector("#widget-assessments a.btn")!.GetAttribute("href")!;
        var form = await filed.Applicant.GetAsync(answer);
        Assert.Contains("近期用户规模显著增加", form.QuerySelector("#requirement")!.TextContent);
        Assert.NotNull(form.QuerySelector("input[name='Form.Targets[0].Picked'][checked]"));
        Assert.NotNull(form.QuerySelector("input[name='Form.Triggers'][value='UserGrowth'][checked]"));

        var detail = await SubmitAsync(filed.Applicant, answer, new Dictionary<string, string> { ["Form.Triggers"] = nameof(AssessmentTrigger.UserGrowth) });
        var answered = await AssessmentOfAsync(platform, IdOf(detail));
        Assert.True(answered.RequiredByPolice);
        Assert.Equal(AssessmentStatus.Pending, answered.Status);
        Assert.Equal(1, await ReviewFlows.InDatabaseAsync(platform, db => db.Set<Assessment>().CountAsync(a => a.SubjectId == answered.SubjectId)));

        var revoked = await filed.Applicant.SubmitAsync(detail, "撤销申请");
        Assert.Equal("已撤销", revoked.QuerySelector("#application-status")!.TextContent);
        Assert.Equal(AssessmentStatus.Required, (await AssessmentOfAsync(platform, IdOf(detail))).Status);
        Assert.Contains("待评估", (await filed.Applicant.GetAsync("/My/Assessments")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_retried_submission_makes_one_assessment()
    {
        platform.RequireAvailable();
        var filed = await FiledWebsiteAsync(platform);
        var form = await filed.Applicant.GetAsync("/Assessments/New");
        var first = await filed.Applicant.SubmitAsync(form, "提交", Complete(), Report());
        var second = await filed.Applicant.SubmitAsync(form, "提交", Complete(), Report());
        Assert.Equal(first.PathOf(), second.PathOf());
        var subjectId = (await AssessmentOfAsync(platform, IdOf(first))).SubjectId;
        Assert.Equal(1, await ReviewFlows.InDatabaseAsync(platform, db => db.Set<Assessment>().CountAsync(a => a.SubjectId == subjectId)));
    }

    private Task<List<string>> ActionsOfAsync(Guid assessmentId) =>
        ReviewFlows.InDatabaseAsync(platform, db => db.RecordTransitions.AsNoTracking().Where(t => t.RecordId == assessmentId)
            .OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => t.Action).ToListAsync());
}

public sealed class AssessmentTests_Sqlite(SqlitePlatform platform) : AssessmentTests(platform), IClassFixture<SqlitePlatform>;

public sealed class AssessmentTests_Postgres(PostgresPlatform platform) : AssessmentTests(platform), IClassFixture<PostgresPlatform>;
