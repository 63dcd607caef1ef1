using AngleSharp.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Subjects;

/// <summary>移交主体 / 撤回 / 接收主体 (seed 004 §4.1.4–4.1.5).</summary>
public abstract class SubjectTransferTests(PlatformFixture platform)
{
    private readonly string _principalMobile = SubjectForms.UniqueMobile();

    private const string ReceiverId = "330106199003071236";

    [Fact]
    public async Task A_subject_is_received_only_by_the_account_with_the_matching_mobile_and_id_number_and_moves_with_its_applications()
    {
        platform.RequireAvailable();
        var (sender, subjectId) = await ApprovedSubjectAsync();
        var (receiver, receiverIdentity) = await VerifiedReceiverAsync(ReceiverId);
        var (wrongPerson, _) = await VerifiedReceiverAsync("11010519491231002X");

        var transfer = await OfferAsync(sender, subjectId, receiverIdentity.Mobile, ReceiverId);
        Assert.Equal("移交中", transfer.QuerySelector("#subject-status")!.TextContent);

        // Same mobile is impossible for another account; a different ID number sees nothing.
        var nothing = await wrongPerson.GetAsync("/Subjects/Receive");
        Assert.Contains("暂无移交给您的主体", nothing.Text());

        var offers = await receiver.GetAsync("/Subjects/Receive");
        Assert.Equal(["序号", "主体名称", "发送人姓名", "联系电话", "身份证号", "创建时间", "操作"],
            offers.QuerySelectorAll("#offers th").Select(th => th.TextContent.Trim()));
        var row = offers.QuerySelectorAll("#offers tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "北京小米科技有限责任公司", "李明", Beian.Core.Accounts.MobileNumber.Mask(_principalMobile), "110***********002X"], row.Take(5));
        Assert.DoesNotContain(SubjectForms.PrincipalId, offers.Text());
        var details = await receiver.GetAsync(offers.QuerySelectorAll("#offers a").Single(a => a.TextContent.Trim() == "详情").GetAttribute("href")!);
        Assert.Contains("北京小米科技有限责任公司", details.QuerySelector("#offer-summary")!.TextContent);
        var mine = await receiver.SubmitAsync(details, "接收");
        Assert.Equal("/My/Subjects", mine.PathOf());
        Assert.Contains("北京小米科技有限责任公司", mine.Text());
        Assert.Contains("有效", mine.Text());

        var applications = await receiver.GetAsync("/My/Applications");
        Assert.Contains("新增主体", applications.Text());
        var senderSubjects = await sender.GetAsync("/My/Subjects");
        Assert.DoesNotContain("北京小米科技有限责任公司", senderSubjects.Text());
        var senderMessages = await sender.GetAsync("/Messages");
        Assert.Contains("主体已被接收", senderMessages.Text());
    }

    [Fact]
    public async Task Receiving_moves_the_subjects_websites_their_files_and_drafts_and_the_sender_keeps_none_of_them()
    {
        platform.RequireAvailable();
        var (sender, subjectId) = await ApprovedSubjectAsync();
        var domain = $"mv{Guid.NewGuid():N}"[..12] + ".com";
        var (websiteId, number) = await Websites.WebsiteFlows.ApproveAsync(platform, await Websites.WebsiteFlows.FileWebsiteAsync(sender, domain));
        var certificate = await DraftOfASecondWebsiteAsync(sender);
        var idImage = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var website = await db.Websites.SingleAsync(w => w.Id == websiteId);
            return s.GetRequiredService<Beian.Web.Features.Websites.WebsiteService>().Read(website).People.Principal.IdFrontFileId!.Value;
        });
        var (receiver, receiverIdentity) = await VerifiedReceiverAsync(ReceiverId);

        await OfferAsync(sender, subjectId, receiverIdentity.Mobile, ReceiverId);
        Assert.Equal("/My/Subjects", (await receiver.SubmitAsync(await receiver.GetAsync("/Subjects/Receive"), "接收")).PathOf());

        // The receiver holds the website, can read its files, change and cancel it.
        Assert.Contains(number, (await receiver.GetAsync("/My/Websites")).Text());
        Assert.Contains(number, (await receiver.GetAsync($"/My/Websites/{websiteId}")).Text());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await receiver.Http.GetAsync($"/files/{idImage}")).StatusCode);
        Assert.Contains("BasicInfo.Name", (await receiver.GetAsync($"/Websites/Change?id={websiteId}")).Source.Text);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await receiver.Http.GetAsync($"/Websites/Cancel?id={websiteId}")).StatusCode);
        // The draft of the subject's next website went with it, its upload still there.
        var drafts = await receiver.GetAsync("/My/Drafts");
        Assert.Contains("第二个网站", drafts.Text());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await receiver.Http.GetAsync($"/files/{certificate}")).StatusCode);

        // The sender sees none of it any more.
        Assert.DoesNotContain(number, (await sender.GetAsync("/My/Websites")).Text());
        foreach (var path in new[] { $"/My/Websites/{websiteId}", $"/Websites/Change?id={websiteId}", $"/Websites/Cancel?id={websiteId}",
                     $"/files/{idImage}", $"/files/{certificate}" })
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await sender.Http.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("第二个网站", (await sender.GetAsync("/My/Drafts")).Text());
    }

    [Fact]
    public async Task Receiving_moves_the_subjects_apps_with_their_screenshots_its_mini_programs_and_its_assessments()
    {
        platform.RequireAvailable();
        var (sender, subjectId) = await ApprovedSubjectAsync();
        var app = await Apps.AppFlows.ApproveAsync(platform, await Apps.AppFlows.FileAppAsync(sender, Apps.AppFlows.UniquePackage()));
        var miniProgram = await MiniPrograms.MiniProgramFlows.ApproveAsync(platform,
            await MiniPrograms.MiniProgramFlows.FileAsync(sender, MiniPrograms.MiniProgramFlows.UniqueWeChatId()));
        var screenshot = await platform.ScopedAsync(async s =>
            s.GetRequiredService<Beian.Web.Features.Apps.AppService>().Read(await s.GetRequiredService<BeianDbContext>().Apps.SingleAsync(a => a.Id == app.Id))
                .BasicInfo.ScreenshotFiles[1]);
        var assessmentApplication = Assessments.AssessmentFlows.IdOf(await Assessments.AssessmentFlows.SubmitAsync(sender));
        await platform.ScopedAsync(s => s.GetRequiredService<Beian.Web.Features.Applications.ApplicationService>().ApproveAsync(assessmentApplication, "reviewer"));
        var assessed = await Assessments.AssessmentFlows.AssessmentOfAsync(platform, assessmentApplication);
        var report = await platform.ScopedAsync(s => Task.FromResult(
            s.GetRequiredService<Beian.Web.Features.Assessments.AssessmentService>().Read(assessed).ReportFileId));
        var (receiver, receiverIdentity) = await VerifiedReceiverAsync(ReceiverId);

        await OfferAsync(sender, subjectId, receiverIdentity.Mobile, ReceiverId);
        Assert.Equal("/My/Subjects", (await receiver.SubmitAsync(await receiver.GetAsync("/Subjects/Receive"), "接收")).PathOf());

        Assert.Contains(app.NumberDisplay!, (await receiver.GetAsync("/My/Apps")).Text());
        foreach (var path in new[] { $"/My/Apps/{app.Id}", $"/Apps/Change?id={app.Id}", $"/Apps/Cancel?id={app.Id}", $"/files/{screenshot}",
                     $"/My/MiniPrograms/{miniProgram.Id}", $"/MiniPrograms/Change?id={miniProgram.Id}", $"/MiniPrograms/Cancel?id={miniProgram.Id}",
                     $"/My/Assessments/{assessed.Id}", $"/files/{report}" })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await receiver.Http.GetAsync(path)).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await sender.Http.GetAsync(path)).StatusCode);
        }
        Assert.DoesNotContain(app.NumberDisplay!, (await sender.GetAsync("/My/Apps")).Text());
        Assert.Contains(miniProgram.NumberDisplay!, (await receiver.GetAsync("/My/MiniPrograms")).Text());
        Assert.DoesNotContain(miniProgram.NumberDisplay!, (await sender.GetAsync("/My/MiniPrograms")).Text());
        var moved = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().RecordTransitions.AsNoTracking()
            .Where(t => t.RecordId == app.Id).Select(t => t.Action).ToListAsync());
        Assert.Contains("TransferTo", moved);
    }

    /// <summary>Step ② of a second website saved as a draft with its 域名证书; returns the certificate's file id.</summary>
    private static async Task<Guid> DraftOfASecondWebsiteAsync(PlatformClient sender)
    {
        var step2 = await sender.SubmitAsync(await sender.GetAsync("/Websites/New?step=1"), "下一步");
        var fields = Websites.WebsiteWizardTests.BasicInfo($"dr{Guid.NewGuid():N}"[..12] + ".com");
        fields["BasicInfo.Name"] = "第二个网站";
        var saved = await sender.SubmitAsync(step2, "保存草稿", fields,
            new Dictionary<string, TestUpload> { ["Uploads[DomainCertificate].File"] = TestUpload.Png("cert.png") });
        Assert.Contains("第二个网站", saved.Text());
        var reopened = await sender.GetAsync("/Websites/New?step=2");
        return Guid.Parse(reopened.QuerySelector("input[name='Uploads[DomainCertificate].FileId']")!.GetAttribute("value")!);
    }

    [Fact]
    public async Task The_sender_can_withdraw_until_the_receiver_acts()
    {
        platform.RequireAvailable();
        var (sender, subjectId) = await ApprovedSubjectAsync();
        var (receiver, receiverIdentity) = await VerifiedReceiverAsync(ReceiverId);
        var transfer = await OfferAsync(sender, subjectId, receiverIdentity.Mobile, ReceiverId);

        var withdrawn = await sender.SubmitAsync(transfer, "撤回");
        Assert.Equal("有效", withdrawn.QuerySelector("#subject-status")!.TextContent);
        var offers = await receiver.GetAsync("/Subjects/Receive");
        Assert.Contains("暂无移交给您的主体", offers.Text());
    }

    [Fact]
    public async Task Receiving_needs_a_verified_mobile_and_real_name_information()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var page = await client.GetAsync("/Subjects/Receive");
        Assert.Contains("请先在个人中心完成", page.Text());
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> OfferAsync(PlatformClient sender, Guid subjectId, string receiverMobile, string receiverId)
    {
        var middle = _principalMobile.Substring(3, 4);
        var form = await sender.GetAsync($"/Subjects/Transfer?subject={subjectId}");
        var sent = await sender.SubmitAsync(form, "获取验证码", new Dictionary<string, string> { ["MobileMiddle"] = middle });
        var code = await OutboxReader.LatestSmsCodeAsync(platform, _principalMobile);
        return await sender.SubmitAsync(sent, "移交", new Dictionary<string, string>
        {
            ["MobileMiddle"] = middle, ["ReceiverMobile"] = receiverMobile, ["ReceiverIdNumber"] = receiverId, ["SmsCode"] = code,
        });
    }

    private async Task<(PlatformClient Client, TestApplicant Applicant)> VerifiedReceiverAsync(string idNumber)
    {
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var credit = await client.GetAsync("/Profile/Credit");
        credit = await client.SubmitAsync(credit, "获取短信验证码");
        var code = await OutboxReader.LatestSmsCodeAsync(platform, applicant.Mobile);
        await client.SubmitAsync(credit, "验证", new Dictionary<string, string> { ["SmsCode"] = code });
        var realName = await client.GetAsync("/Profile/RealName");
        Assert.Contains("身份证号码末位的X大写、小写均可，保存为大写X。", realName.QuerySelector("[name='IdNumber']")!.ParentElement!.TextContent);
        var saved = await client.SubmitAsync(realName, "保存", new Dictionary<string, string> { ["Name"] = "王芳", ["IdNumber"] = idNumber });
        Assert.Contains("实名信息已保存", saved.Text());
        return (client, applicant);
    }

    private async Task<(PlatformClient Client, Guid SubjectId)> ApprovedSubjectAsync()
    {
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var detail = await client.SubmitAsync(form, "提交审核", SubjectForms.Organisation(mobile: _principalMobile), SubjectForms.AllFiles());
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var subjectId = await platform.ScopedAsync(async s =>
        {
            await s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer");
            return (await s.GetRequiredService<BeianDbContext>().Applications.SingleAsync(a => a.Id == applicationId)).SubjectId;
        });
        return (client, subjectId);
    }
}

public sealed class SubjectTransferTests_Sqlite(SqlitePlatform platform) : SubjectTransferTests(platform), IClassFixture<SqlitePlatform>;

public sealed class SubjectTransferTests_Postgres(PostgresPlatform platform) : SubjectTransferTests(platform), IClassFixture<PostgresPlatform>;
