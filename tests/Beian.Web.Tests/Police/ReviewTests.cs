using Beian.Core.Filing;
using AngleSharp.Html.Dom;
using Beian.Core.Applications;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.Web.Features.Accounts;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Beian.Web.Tests.Police.ReviewFlows;

namespace Beian.Web.Tests.Police;

/// <summary>审核申请: each decision of a county reviewer and what it does to the records and the messages.</summary>
public abstract class ReviewTests(PlatformFixture platform)
{
    private const string Xihu = "330106";
    private const string Binjiang = "330108";

    [Fact]
    public async Task The_reviewer_is_told_when_the_credit_code_was_registered_in_another_province_than_the_office()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync(platform, Xihu); // a Beijing credit code, an office in 杭州市西湖区
        var subjectApplication = await InDatabaseAsync(platform, db => db.Applications.AsNoTracking()
            .Where(a => a.BusinessType == BusinessType.NewSubject && a.OwnerUserId == db.Users.Single(u => u.UserName == filed.Account.UserName).Id)
            .Select(a => a.Id).SingleAsync());
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);

        var findings = (await ReviewPageAsync(reviewer, subjectApplication)).QuerySelector("#findings")!.TextContent;
        Assert.Contains("统一社会信用代码的登记管理机关行政区划（北京市）与单位办公地址所在省份（浙江省）不一致，请核对", findings);
    }

    [Fact]
    public async Task Approving_a_first_website_files_it_with_a_number_and_approves_its_subject()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync(platform, Xihu);
        var (reviewer, officer) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);

        var page = await ReviewPageAsync(reviewer, filed.ApplicationId);
        Assert.NotNull(page.QuerySelector("#subject-together"));
        Assert.Contains(filed.Domain, page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(filed.Account.Mobile, page.QuerySelector("main")!.TextContent);
        var read = await InDatabaseAsync(platform, db => db.AuditRecords.AsNoTracking()
            .CountAsync(r => r.Action == "ReadPersonalData" && r.ObjectId == filed.ApplicationId.ToString() && r.UserId == officer.UserId));
        Assert.Equal(1, read);
        await ApproveAsync(reviewer, filed.ApplicationId);

        var website = await InDatabaseAsync(platform, db => db.Websites.AsNoTracking().SingleAsync(w => w.MainDomain == filed.Domain));
        Assert.Equal(FilingStatus.Filed, website.Status);
        Assert.Matches(@"^浙公网安备33010602\d{6}号$", website.NumberDisplay);
        var subject = await InDatabaseAsync(platform, db => db.Subjects.AsNoTracking().SingleAsync(s => s.Id == website.SubjectId));
        Assert.Equal(SubjectStatus.Valid, subject.Status);
        var owner = await InDatabaseAsync(platform, db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == filed.Account.UserName));
        Assert.NotNull(owner.IdentityVerifiedAt);

        var sms = (await OutboxReader.MessagesAsync(platform)).First(m => m.Channel == "Sms" && m.Recipient == filed.Account.Mobile);
        Assert.Contains("已审核通过", sms.Body);
        Assert.Contains(website.NumberDisplay!, sms.Body);
        Assert.Contains("杭州市公安局西湖区分局", sms.Body);
        Assert.Matches(@"电话[\d-]+", sms.Body);
        var messages = await filed.Applicant.GetAsync("/Messages?filter=unread");
        Assert.Contains("申请已通过", messages.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_return_with_reasons_per_field_is_corrected_by_the_applicant_and_then_approved()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync(platform, Xihu);
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var claimed = await ClaimAsync(reviewer, filed.ApplicationId);
        var returned = await reviewer.SubmitAsync(claimed, "确认退回", new Dictionary<string, string>
        {
            ["Reasons[0].Field"] = "BasicInfo.Name",
            ["Reasons[0].Message"] = "网站名称与网站内容不符",
            ["Reasons[1].Field"] = "Subject.Principal.Email",
            ["Reasons[1].Message"] = "电子邮件地址无法联系。",
        });
        Assert.Equal("已退回", returned.QuerySelector("#application-status")?.TextContent);
        var subjectId = (await ApplicationAsync(platform, filed.ApplicationId)).SubjectId;
        var subjectApplication = await InDatabaseAsync(platform, db => db.Applications.AsNoTracking()
            .SingleAsync(a => a.SubjectId == subjectId && a.BusinessType == BusinessType.NewSubject));
        Assert.Equal(ApplicationStatus.Returned, subjectApplication.Status);
        var sms = (await OutboxReader.MessagesAsync(platform)).First(m => m.Channel == "Sms" && m.Recipient == filed.Account.Mobile);
        Assert.Contains("网站名称：网站名称与网站内容不符", sms.Body);
        Assert.Contains("电子邮件地址无法联系。请登录平台", sms.Body); // the stop the reviewer typed is not doubled

        // The website: the reason is shown next to the 网站名称 field; the corrected name is resubmitted.
        var detail = await filed.Applicant.GetAsync($"/My/ApplicationDetail/{filed.ApplicationId}");
        Assert.Contains("网站名称与网站内容不符", detail.QuerySelector("#return-reasons")!.TextContent);
        var correct = await filed.Applicant.GetAsync(detail.QuerySelector("#correct-link")!.GetAttribute("href")!);
        Assert.Contains("网站名称与网站内容不符", correct.FieldError("BasicInfo.Name"));
        var resubmitted = await filed.Applicant.SubmitAsync(correct, "提交", new Dictionary<string, string> { ["BasicInfo.Name"] = "小米科技商城" });
        Assert.Equal("待审核", resubmitted.QuerySelector("#application-status")?.TextContent);

        // Approval waits for the subject, whose reason shows next to its email field.
        var refused = await reviewer.SubmitAsync(await ClaimAsync(reviewer, filed.ApplicationId), "通过");
        Assert.Contains("开办主体信息已退回", refused.QuerySelector(".validation-summary-errors")!.TextContent);
        var subjectCorrect = await filed.Applicant.GetAsync($"/Subjects/Correct?application={subjectApplication.Id}");
        Assert.Contains("电子邮件地址无法联系", subjectCorrect.FieldError("Form.Principal.Email"));
        var subjectResubmitted = await filed.Applicant.SubmitAsync(subjectCorrect, "提交审核",
            new Dictionary<string, string> { ["Form.Principal.Email"] = "office@xiaomi.example.com" });
        Assert.Equal("待审核", subjectResubmitted.QuerySelector("#application-status")?.TextContent);

        var approved = await reviewer.SubmitAsync(await ReviewPageAsync(reviewer, filed.ApplicationId), "通过");
        Assert.Equal("已通过", approved.QuerySelector("#application-status")?.TextContent);
        var website = await InDatabaseAsync(platform, db => db.Websites.AsNoTracking().SingleAsync(w => w.MainDomain == filed.Domain));
        Assert.Equal("小米科技商城", website.Name);
        Assert.Equal(FilingStatus.Filed, website.Status);
    }

    [Fact]
    public async Task The_decisions_and_the_pre_check_come_before_the_content_which_has_a_return_per_section_and_thumbnails()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync(platform, Xihu);
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var unclaimed = await ReviewPageAsync(reviewer, filed.ApplicationId);
        Assert.Empty(unclaimed.QuerySelectorAll(".return-section"));
        var page = await ClaimAsync(reviewer, filed.ApplicationId);

        // In the HTML (and so on the screen) 通过, 退回 and the pre-check come before the first section of the content.
        var inOrder = page.QuerySelectorAll("button, #findings, .review-section").ToList();
        var firstSection = inOrder.FindIndex(e => e.ClassList.Contains("review-section"));
        Assert.InRange(inOrder.FindIndex(e => e.TextContent.Trim() == "通过"), 0, firstSection - 1);
        Assert.InRange(inOrder.FindIndex(e => e.TextContent.Trim() == "确认退回"), 0, firstSection - 1);
        Assert.InRange(inOrder.FindIndex(e => e.Id == "findings"), 0, firstSection - 1);

        // 退回此项 beside every section leads to the 退回 form and names the section's first field, one of the form's choices.
        var choices = page.QuerySelectorAll("#Reasons_0__Field option").Select(o => o.GetAttribute("value")).ToList();
        var sections = page.QuerySelectorAll(".review-section").ToList();
        Assert.True(sections.Count >= 4, $"{sections.Count} sections");
        Assert.All(sections, section =>
        {
            var link = section.QuerySelector(".review-section-heading a.return-section")!;
            Assert.Equal("退回此项", link.TextContent.Trim());
            Assert.Equal("#return-form", link.GetAttribute("href"));
            Assert.Equal(section.QuerySelector("tr[data-field]")!.GetAttribute("data-field"), link.GetAttribute("data-field"));
            Assert.Contains(link.GetAttribute("data-field"), choices);
        });
        Assert.NotNull(page.QuerySelector("#return-form form"));

        // ID images are thumbnails, each a link to the full image.
        var thumbnails = page.QuerySelectorAll(".review-fields img.review-thumbnail").ToList();
        Assert.Contains(thumbnails, img => img.GetAttribute("alt")!.Contains("身份证"));
        foreach (var thumbnail in thumbnails)
        {
            var link = thumbnail.Closest("a")!;
            Assert.Equal(thumbnail.GetAttribute("src"), link.GetAttribute("href"));
            Assert.Contains("查看大图", link.TextContent);
        }
        var full = await reviewer.Http.GetAsync(thumbnails[0].Closest("a")!.GetAttribute("href"));
        Assert.Equal(System.Net.HttpStatusCode.OK, full.StatusCode);
        Assert.StartsWith("image/", full.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_return_needs_a_reason_and_keeps_what_was_typed()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync(platform, Xihu);
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var claimed = await ClaimAsync(reviewer, filed.ApplicationId);
        var page = await reviewer.SubmitAsync(claimed, "确认退回", new Dictionary<string, string> { ["Reasons[0].Field"] = "BasicInfo.Name" });
        Assert.Equal("请填写该字段的退回原因", page.FieldError("Reasons[0].Message"));
        Assert.Equal("BasicInfo.Name", ((IHtmlSelectElement)page.QuerySelector("#Reasons_0__Field")!).Value);
        Assert.Equal(ApplicationStatus.InReview, (await ApplicationAsync(platform, filed.ApplicationId)).Status);
    }

    [Fact]
    public async Task An_interactive_site_needs_an_inspection_that_passed_before_it_is_approved()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync(platform, Xihu, interactive: true);
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var claimed = await ClaimAsync(reviewer, filed.ApplicationId);

        var refused = await reviewer.SubmitAsync(claimed, "通过");
        Assert.Contains("交互式网站须经面审或实地检查合格", refused.QuerySelector(".validation-summary-errors")!.TextContent);

        var past = await reviewer.SubmitAsync(refused, "发送通知", new Dictionary<string, string>
        {
            ["Inspection.Kind"] = "Interview",
            ["Inspection.Date"] = "2020-01-01",
            ["Inspection.Time"] = "09:30",
            ["Inspection.Place"] = "",
        });
        Assert.Equal("时间须晚于当前时间", past.FieldError("Inspection.Date"));
        Assert.Equal("请填写面审地点", past.FieldError("Inspection.Place"));

        var date = DateTime.UtcNow.AddHours(8).AddDays(5).ToString("yyyy-MM-dd");
        var asked = await reviewer.SubmitAsync(past, "发送通知", new Dictionary<string, string>
        {
            ["Inspection.Kind"] = "Interview",
            ["Inspection.Date"] = date,
            ["Inspection.Time"] = "09:30",
            ["Inspection.Place"] = "杭州市西湖区文三路100号西湖分局二楼",
            ["Inspection.Materials"] = "营业执照原件、负责人身份证原件",
        });
        Assert.Equal("待面审/检查", asked.QuerySelector("#application-status")?.TextContent);
        var sms = (await OutboxReader.MessagesAsync(platform)).First(m => m.Channel == "Sms" && m.Recipient == filed.Account.Mobile);
        Assert.Contains("面审", sms.Body);
        Assert.Contains($"{date} 09:30", sms.Body);
        Assert.Contains("文三路100号", sms.Body);
        Assert.Contains("营业执照原件", sms.Body);

        var recorded = await reviewer.SubmitAsync(asked, "记录结果", new Dictionary<string, string>
        {
            ["InspectionResult.Result"] = "Passed",
            ["InspectionResult.Note"] = "材料齐全",
        });
        Assert.Equal("审核中", recorded.QuerySelector("#application-status")?.TextContent);
        Assert.Contains("面审结果：合格", recorded.QuerySelector("#history")!.TextContent);
        var approved = await reviewer.SubmitAsync(recorded, "通过");
        Assert.Equal("已通过", approved.QuerySelector("#application-status")?.TextContent);
    }

    [Fact]
    public async Task A_claimed_application_is_decided_only_by_the_reviewer_who_claimed_it()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync(platform, Xihu);
        var (first, firstOfficer) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var (second, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var claimed = await ClaimAsync(first, filed.ApplicationId);

        var seen = await ReviewPageAsync(second, filed.ApplicationId);
        Assert.Contains(firstOfficer.UserName, seen.QuerySelector(".review-actions")!.TextContent);
        Assert.DoesNotContain(seen.QuerySelectorAll("button"), b => b.TextContent.Trim() is "通过" or "开始审核");

        // A forged post from the second reviewer with the first one's page is refused.
        var forged = await second.PostRawAsync($"/Police/Review/{filed.ApplicationId}?handler=Approve", TokenOf(seen));
        var after = await ApplicationAsync(platform, filed.ApplicationId);
        Assert.Equal(ApplicationStatus.InReview, after.Status);
        Assert.Equal(firstOfficer.UserId, after.AssignedReviewerUserId);
        Assert.NotNull(claimed);
    }

    [Fact]
    public async Task A_city_supervisor_reassigns_to_another_county_whose_reviewer_then_decides()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync(platform, Xihu);
        var (supervisor, _) = await PoliceLogin.OfficerAsync(platform, Roles.Supervisor, "330100");
        var (xihu, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var (binjiang, binjiangOfficer) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Binjiang);

        var page = await ReviewPageAsync(supervisor, filed.ApplicationId);
        var missingNote = await supervisor.SubmitAsync(page, "确认改派", new Dictionary<string, string> { ["Reassignment.UnitCode"] = Binjiang });
        Assert.Equal("请填写改派原因", missingNote.FieldError("Reassignment.Note"));
        var outside = await supervisor.SubmitAsync(page, "确认改派", new Dictionary<string, string>
        {
            ["Reassignment.UnitCode"] = "330206",
            ["Reassignment.Note"] = "地址属滨江区",
        });
        Assert.Equal("请选择本单位管辖范围内的审核单位", outside.FieldError("Reassignment.UnitCode"));
        var moved = await supervisor.SubmitAsync(page, "确认改派", new Dictionary<string, string>
        {
            ["Reassignment.UnitCode"] = Binjiang,
            ["Reassignment.ReviewerUserName"] = binjiangOfficer.UserName,
            ["Reassignment.Note"] = "地址属滨江区",
        });
        Assert.Contains("已改派", moved.QuerySelector("[role=status]")!.TextContent);

        var application = await ApplicationAsync(platform, filed.ApplicationId);
        Assert.Equal(Binjiang, application.JurisdictionUnitCode);
        Assert.Equal(binjiangOfficer.UserId, application.AssignedReviewerUserId);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await xihu.Http.GetAsync($"/Police/Review/{filed.ApplicationId}")).StatusCode);
        var queue = await binjiang.GetAsync("/Police/Queue");
        Assert.Contains(application.Number, queue.QuerySelector("main")!.TextContent);
        // The files stay filed under 西湖区, and the unit the application was moved to reads them.
        var fileLink = (await ReviewPageAsync(binjiang, filed.ApplicationId)).QuerySelector(".review-fields a[href^='/files/']")!.GetAttribute("href")!;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await binjiang.Http.GetAsync(fileLink)).StatusCode);
        await ApproveAsync(binjiang, filed.ApplicationId);
        var message = await filed.Applicant.GetAsync("/Messages");
        Assert.Contains("审核单位变更", message.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Nothing_of_another_jurisdiction_can_be_read_or_decided()
    {
        platform.RequireAvailable();
        var filed = await FileWebsiteInAsync(platform, Xihu);
        var (own, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var ownPage = await ReviewPageAsync(own, filed.ApplicationId);
        var fileLink = ownPage.QuerySelector(".review-fields a[href^='/files/']")!.GetAttribute("href")!;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await own.Http.GetAsync(fileLink)).StatusCode);

        var outsiders = new[]
        {
            (await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Binjiang)).Client,
            (await PoliceLogin.OfficerAsync(platform, Roles.Supervisor, "330200")).Client,
        };
        foreach (var outsider in outsiders)
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/Police/Review/{filed.ApplicationId}")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.Http.GetAsync(fileLink)).StatusCode);
            Assert.DoesNotContain(filed.Domain, (await outsider.GetAsync("/Police/Queue")).QuerySelector("main")!.TextContent);
            var token = TokenOf(await outsider.GetAsync("/Police/Queue"));
            foreach (var handler in new[] { "Claim", "Approve", "Return", "Inspect", "InspectionResult", "Reassign", "Release" })
            {
                var response = await outsider.PostRawAsync($"/Police/Review/{filed.ApplicationId}?handler={handler}",
                    token.Append(new("Reasons[0].Message", "越权")).Append(new("Reassignment.UnitCode", Binjiang)).Append(new("Reassignment.Note", "越权")));
                Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            }
        }
        var application = await ApplicationAsync(platform, filed.ApplicationId);
        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Equal(Xihu, application.JurisdictionUnitCode);

        var applicantResponse = await filed.Applicant.Http.GetAsync($"/Police/Review/{filed.ApplicationId}");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, applicantResponse.StatusCode);
    }

    /// <summary>The antiforgery token of a page's first form, to forge a post as a script would.</summary>
    private static List<KeyValuePair<string, string>> TokenOf(IHtmlDocument page)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return [new("__RequestVerificationToken", token)];
    }
}

public sealed class ReviewTests_Sqlite(SqlitePlatform platform) : ReviewTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ReviewTests_Postgres(PostgresPlatform platform) : ReviewTests(platform), IClassFixture<PostgresPlatform>;
