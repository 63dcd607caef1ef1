using Beian.Core.Filing;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Websites;

/// <summary>新办网站申请 in four steps (seed 004 §4.2.1), on each database.</summary>
public abstract class WebsiteWizardTests(PlatformFixture platform)
{
    public static Dictionary<string, string> BasicInfo(string domain) => new()
    {
        ["BasicInfo.Name"] = "小米科技官方网站",
        ["BasicInfo.HasIcpNumber"] = "true",
        ["BasicInfo.IcpNumber"] = "京ICP备10046444号-1",
        ["BasicInfo.OpenedOn"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"),
        ["BasicInfo.HasDomain"] = "true",
        ["BasicInfo.MainDomain"] = domain,
        ["BasicInfo.SubDomainsText"] = "m." + domain,
        ["BasicInfo.IpsText"] = "203.0.113.10",
        ["BasicInfo.AccessProvider.Scope"] = "境内",
        ["BasicInfo.AccessProvider.RegionCode"] = "330000",
        ["BasicInfo.AccessProvider.Name"] = "阿里云计算有限公司",
        ["BasicInfo.AccessMethod"] = "云服务器",
        ["BasicInfo.Registrar.Scope"] = "境内",
        ["BasicInfo.Registrar.RegionCode"] = "330000",
        ["BasicInfo.Registrar.Name"] = "阿里云计算有限公司",
        ["BasicInfo.ProvidesInteractiveServices"] = "false",
        ["BasicInfo.ServiceTypes"] = "Www",
        ["BasicInfo.PublishesDangerousGoods"] = "false",
        ["BasicInfo.HasPrePermits"] = "false",
        ["BasicInfo.Languages"] = "SimplifiedChinese",
    };

    [Fact]
    public async Task A_website_is_filed_through_the_four_steps_and_approval_issues_its_number()
    {
        platform.RequireAvailable();
        var (client, _) = await ApprovedSubjectAsync();
        var domain = $"xm{Guid.NewGuid():N}"[..12] + ".com";

        var detail = await FileWebsiteAsync(client, domain);
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.Contains("小米科技官方网站", detail.Text());

        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var approved = await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer"));
        Assert.True(approved.Succeeded, approved.Error);
        var website = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Websites.AsNoTracking().SingleAsync(w => w.MainDomain == domain));
        Assert.Equal(FilingStatus.Filed, website.Status);
        Assert.StartsWith("33010602", website.NumberDigits);
        Assert.StartsWith("浙公网安备33010602", website.NumberDisplay);
        var sms = (await OutboxReader.MessagesAsync(platform)).Where(m => m.Channel == "Sms").Select(m => m.Body);
        Assert.Contains(sms, body => body.Contains("您的新办网站申请（小米科技官方网站，申请编号") && body.Contains($"已审核通过，公安备案号：{website.NumberDisplay}，"));

        var mine = await client.GetAsync($"/My/Websites/{website.Id}");
        Assert.Equal("已备案", mine.QuerySelector("#record-status")!.TextContent);
        Assert.Contains(website.NumberDisplay!, mine.Text());
        Assert.Contains("点击复制备案号", mine.Text());
        var footer = mine.QuerySelector("textarea")!.TextContent;
        Assert.Contains($"/Public/Record/{website.NumberDigits}", footer);

        using var visitor = platform.NewClient();
        var record = await visitor.GetAsync($"/Public/Record/{website.NumberDigits}");
        var text = record.QuerySelector("#public-record")!.TextContent;
        Assert.Contains("小米科技官方网站", text);
        Assert.Contains("杭州市公安局西湖区分局网安大队", text);
        Assert.DoesNotContain(SubjectForms.PrincipalId, record.Text());
        Assert.DoesNotContain("李明", record.Text());
    }

    [Fact]
    public async Task A_naming_rule_error_is_shown_next_to_the_name_and_what_was_typed_stays()
    {
        platform.RequireAvailable();
        var (client, _) = await ApprovedSubjectAsync();
        var step2 = await client.SubmitAsync(await client.GetAsync("/Websites/New?step=1"), "下一步");
        var fields = BasicInfo("example-" + Guid.NewGuid().ToString("N")[..6] + ".com");
        fields["BasicInfo.Name"] = "某某新闻网";
        var page = await client.SubmitAsync(step2, "下一步", fields);
        Assert.NotEqual(string.Empty, page.FieldError("BasicInfo.Name"));
        Assert.Equal("某某新闻网", (page.QuerySelector("[name='BasicInfo.Name']") as IHtmlInputElement)!.Value);
        Assert.Equal("203.0.113.10", (page.QuerySelector("[name='BasicInfo.IpsText']") as IHtmlTextAreaElement)!.Value);
    }

    [Fact]
    public async Task The_domains_the_hints_suggest_are_accepted_as_typed()
    {
        platform.RequireAvailable();
        var (client, _) = await ApprovedSubjectAsync();
        var step2 = await client.SubmitAsync(await client.GetAsync("/Websites/New?step=1"), "下一步");
        var main = Examples(step2, "BasicInfo.MainDomain");
        var subs = Examples(step2, "BasicInfo.SubDomainsText");
        Assert.Single(main);
        Assert.NotEmpty(subs);

        var fields = BasicInfo(main[0]);
        fields["BasicInfo.SubDomainsText"] = string.Join('\n', subs);
        var page = await client.SubmitAsync(step2, "下一步", fields);
        Assert.Equal(string.Empty, page.FieldError("BasicInfo.MainDomain"));
        Assert.Equal(string.Empty, page.FieldError("BasicInfo.SubDomainsText"));
        Assert.NotNull(page.QuerySelector("#person-Principal"));
    }

    /// <summary>The domains named in a field's placeholder and in the help under it.</summary>
    private static List<string> Examples(IHtmlDocument page, string field)
    {
        var input = page.QuerySelector($"[name='{field}']")!;
        var help = input.ParentElement!.QuerySelector(".field-help")?.TextContent ?? string.Empty;
        return System.Text.RegularExpressions.Regex.Matches(input.GetAttribute("placeholder") + " " + help, @"[a-z0-9-]+(?:\.[a-z0-9-]+)+")
            .Select(m => m.Value).Distinct().ToList();
    }

    [Fact]
    public async Task A_main_domain_filed_by_another_subject_is_refused()
    {
        platform.RequireAvailable();
        var domain = $"dup{Guid.NewGuid():N}"[..12] + ".cn";
        var (first, _) = await ApprovedSubjectAsync();
        await FileWebsiteAsync(first, domain);

        var (second, _) = await ApprovedSubjectAsync();
        var step2 = await second.SubmitAsync(await second.GetAsync("/Websites/New?step=1"), "下一步");
        var page = await second.SubmitAsync(step2, "下一步", BasicInfo("www." + domain));
        Assert.Contains("该主域名已被其他主体备案", page.Text());
    }

    [Fact]
    public async Task An_emergency_contact_with_the_principals_certificate_number_is_warned_about_whatever_the_name()
    {
        platform.RequireAvailable();
        var (client, _) = await ApprovedSubjectAsync();
        var step2 = await client.SubmitAsync(await client.GetAsync("/Websites/New?step=1"), "下一步");
        var step3 = await client.SubmitAsync(step2, "下一步", BasicInfo($"ec{Guid.NewGuid():N}"[..12] + ".com"));
        step3 = await Filing.BusinessFlows.FillPeopleFromSubjectAsync(client, step3);
        const string warning = "网站应急联络人与网站负责人为同一人，建议另设7×24小时可联系的应急联络人";
        Assert.Contains(warning, step3.Text());

        // The tick box cleared and another name typed: the number is still the 负责人's.
        ((IHtmlInputElement)step3.QuerySelector("#person-EmergencyContact legend input[name=SameAsSubject]")!).IsChecked = false;
        var step4 = await client.SubmitAsync(step3, "下一步", new Dictionary<string, string>
        {
            ["People.EmergencyContact.Name"] = "王芳",
            ["People.EmergencyContact.CertificateNumber"] = "110105 19491231 002x",
        });
        Assert.NotNull(step4.QuerySelector("#notice-title"));
        var back = await client.GetAsync("/Websites/New?step=3");
        Assert.Equal("王芳", (back.QuerySelector("[name='People.EmergencyContact.Name']") as IHtmlInputElement)!.Value);
        Assert.Equal("11010519491231002X", (back.QuerySelector("[name='People.EmergencyContact.CertificateNumber']") as IHtmlInputElement)!.Value);
        Assert.Contains(warning, back.Text());
    }

    [Fact]
    public async Task The_wizard_keeps_a_draft_at_every_step()
    {
        platform.RequireAvailable();
        var (client, _) = await ApprovedSubjectAsync();
        var step2 = await client.SubmitAsync(await client.GetAsync("/Websites/New?step=1"), "下一步");
        var drafts = await client.SubmitAsync(step2, "保存草稿", new Dictionary<string, string> { ["BasicInfo.Name"] = "半路保存的网站" });
        Assert.Contains("半路保存的网站", drafts.Text());
        var reopened = await client.GetAsync(drafts.QuerySelectorAll("a").First(a => a.TextContent == "详情").GetAttribute("href")! + "&step=2");
        Assert.Equal("半路保存的网站", (reopened.QuerySelector("[name='BasicInfo.Name']") as IHtmlInputElement)!.Value);
    }

    [Fact]
    public async Task A_ticked_same_as_subject_box_fills_that_person_without_javascript_and_keeps_everything_else_typed()
    {
        platform.RequireAvailable();
        var (client, _) = await ApprovedSubjectAsync();
        var step2 = await client.SubmitAsync(await client.GetAsync("/Websites/New?step=1"), "下一步");
        var step3 = await client.SubmitAsync(step2, "下一步", BasicInfo($"xm{Guid.NewGuid():N}"[..12] + ".com"));
        ((IHtmlInputElement)step3.QuerySelector("#person-SecurityOfficer legend input[name=SameAsSubject]")!).IsChecked = true;

        var shown = await client.SubmitAsync(step3, "下一步", new Dictionary<string, string>
        {
            ["People.EmergencyContact.Name"] = "王芳",
            ["People.EmergencyContact.Mobile"] = "13800138000",
        });

        Assert.NotNull(shown.QuerySelector("#filled-from-subject"));
        Assert.Equal("李明", Value(shown, "People.SecurityOfficer.Name"));
        Assert.Equal(SubjectForms.PrincipalId, Value(shown, "People.SecurityOfficer.CertificateNumber"));
        Assert.NotEmpty(((IHtmlInputElement)shown.QuerySelector("input[name='Uploads[SecurityOfficer-IdFront].FileId']")!).Value);
        Assert.Equal("王芳", Value(shown, "People.EmergencyContact.Name"));
        Assert.Equal("13800138000", Value(shown, "People.EmergencyContact.Mobile"));
        Assert.Equal("", Value(shown, "People.Principal.Name"));
    }

    private static string Value(IHtmlDocument page, string name) => ((IHtmlInputElement)page.QuerySelector($"input[name='{name}']")!).Value;

    private Task<IHtmlDocument> FileWebsiteAsync(PlatformClient client, string domain) => WebsiteFlows.FileWebsiteAsync(client, domain);

    private Task<(PlatformClient Client, Guid SubjectId)> ApprovedSubjectAsync() => WebsiteFlows.ApprovedSubjectAsync(platform);
}

public sealed class WebsiteWizardTests_Sqlite(SqlitePlatform platform) : WebsiteWizardTests(platform), IClassFixture<SqlitePlatform>;

public sealed class WebsiteWizardTests_Postgres(PostgresPlatform platform) : WebsiteWizardTests(platform), IClassFixture<PostgresPlatform>;
