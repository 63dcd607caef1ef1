using System.Text;
using AngleSharp.Html.Dom;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Unfiled;
using Beian.Web.Infrastructure.PersonalData;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Unfiled;

/// <summary>未备案网站导入 by the police, the applicants' 未备案网站 and 已办网站认领, on each database.</summary>
public abstract class UnfiledImportTests(PlatformFixture platform)
{
    private static string Deadline(int days) => DateTime.UtcNow.AddHours(8).AddDays(days).ToString("yyyy-MM-dd");

    private static string UniqueDomain(string label = "site") => $"{label}-{Guid.NewGuid():N}"[..20] + ".example.com";

    private static string UniqueCertificate() => "9133" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999);

    private static TestUpload Csv(string text, string name = "import.csv") =>
        new(name, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], "text/csv");

    [Fact]
    public async Task A_reviewer_imports_unfiled_sites_the_matching_applicant_is_told_and_sees_them_and_nobody_else_does()
    {
        platform.RequireAvailable();
        var (owner, ownerAccount) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await owner.GetAsync("/Subjects/New?fresh=true");
        var submitted = await owner.SubmitAsync(form, "提交审核", SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile()), SubjectForms.AllFiles());
        Assert.StartsWith("/My/ApplicationDetail", submitted.PathOf());

        var matched = UniqueDomain("matched");
        var waiting = UniqueDomain("waiting");
        var csv = string.Join("\r\n",
            "域名,IP,接入服务商,发现日期,整改期限,主体证件号码",
            $"{matched},203.0.113.10,中国电信股份有限公司杭州分公司,2026-01-05,{Deadline(3)},{SubjectForms.CreditCode.ToLowerInvariant()}",
            $"{waiting},203.0.113.11,阿里云,2026-01-05,{Deadline(30)},{UniqueCertificate()}",
            $"bad domain,203.0.113.12,阿里云,2026-01-05,{Deadline(30)},{UniqueCertificate()}",
            $"{matched},203.0.113.10,电信,2026-01-05,{Deadline(3)},{SubjectForms.CreditCode}");

        using var reviewer = await PoliceClientAsync(Roles.Reviewer, "330106");
        var imports = await reviewer.GetAsync("/Police/Imports");
        Assert.Equal("/Police/Imports", imports.PathOf());
        var result = await reviewer.SubmitAsync(imports, "导入未备案网站", files: new Dictionary<string, TestUpload> { ["UnfiledFile"] = Csv(csv) });

        Assert.Equal("2", result.QuerySelector("#imported-count")!.TextContent);
        Assert.Equal("1", result.QuerySelector("#matched-count")!.TextContent);
        Assert.Equal(["4", "5"], result.QuerySelectorAll(".import-failures tr[data-line]").Select(r => r.GetAttribute("data-line")!));
        Assert.Contains("与第2行重复", result.QuerySelector(".import-failures tr[data-line='5']")!.TextContent);
        Assert.Contains(matched, result.QuerySelector("#imported-records")!.TextContent);

        var sms = (await OutboxReader.MessagesAsync(platform)).Where(m => m.Channel == "Sms" && m.Recipient == ownerAccount.Mobile).ToList();
        Assert.Contains(sms, m => m.Body.Contains("未备案") && m.Body.Contains("1个"));
        var messages = await owner.GetAsync("/Messages");
        Assert.Contains("未备案网站备案通知", messages.Text());

        var list = await owner.GetAsync("/Websites/Unfiled");
        var row = list.QuerySelectorAll("tr.unfiled-site").Single();
        Assert.Contains(matched, row.TextContent);
        Assert.NotNull(row.QuerySelector(".deadline-near"));
        var link = row.QuerySelector("a")!;
        Assert.Equal("去备案", link.TextContent);
        Assert.Equal($"/Websites/New?unfiled={row.GetAttribute("data-id")}", link.GetAttribute("href"));
        Assert.DoesNotContain(waiting, list.Text());

        var (stranger, strangerAccount) = await Applicants.RegisteredAndLoggedInAsync(platform);
        await CreateSubjectAsync(strangerAccount, UniqueCertificate());
        var strangerList = await stranger.GetAsync("/Websites/Unfiled");
        Assert.Empty(strangerList.QuerySelectorAll("tr.unfiled-site"));
        Assert.DoesNotContain(matched, strangerList.Text());

        var stored = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Set<UnfiledSite>().AsNoTracking()
            .SingleAsync(x => x.Domain == matched));
        Assert.NotNull(stored.SubjectId);
        Assert.Equal("330106", stored.ImportedByUnitCode);
        Assert.DoesNotContain(SubjectForms.CreditCode, stored.CertificateHash);
    }

    [Fact]
    public async Task A_subject_created_after_the_import_sees_the_waiting_records()
    {
        platform.RequireAvailable();
        var certificate = UniqueCertificate();
        var domain = UniqueDomain("later");
        using var reviewer = await PoliceClientAsync(Roles.Reviewer, "330106");
        await ImportAsync(reviewer, "导入未备案网站", "UnfiledFile",
            $"域名,IP,接入服务商,发现日期,整改期限,主体证件号码\n{domain},,电信,2026-01-05,2026-01-20,{certificate}\n");

        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        Assert.DoesNotContain(domain, (await client.GetAsync("/Websites/Unfiled")).Text());
        await CreateSubjectAsync(applicant, certificate);

        var row = (await client.GetAsync("/Websites/Unfiled")).QuerySelectorAll("tr.unfiled-site").Single();
        Assert.Contains(domain, row.TextContent);
        Assert.NotNull(row.QuerySelector(".deadline-overdue"));
    }

    [Fact]
    public async Task A_subject_submitted_after_the_imports_is_told_of_its_unfiled_and_offline_sites_as_if_it_came_first()
    {
        platform.RequireAvailable();
        var first17 = "91330106" + Random.Shared.NextInt64(100_000_000, 999_999_999);
        var certificate = first17 + Beian.Core.IdentityNumbers.UnifiedSocialCreditCode.CheckCharacter(first17);
        var unfiled = UniqueDomain("unfiled");
        var offline = UniqueDomain("offline");
        using var reviewer = await PoliceClientAsync(Roles.Reviewer, "330106");
        await ImportAsync(reviewer, "导入未备案网站", "UnfiledFile",
            $"域名,IP,接入服务商,发现日期,整改期限,主体证件号码\n{unfiled},,电信,2026-01-05,{Deadline(20)},{certificate}\n");
        await ImportAsync(reviewer, "导入网站认领", "OfflineFile",
            $"公安备案号,网站名称,域名,开办者名称,主体证件号码,备案日期\n浙公网安备33010602{Random.Shared.Next(100_000, 999_999)}号,后来的网站,{offline},某单位,{certificate},2015-03-01\n");

        var (owner, ownerAccount) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var fields = SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile());
        fields["Form.Organisation.CertificateNumber"] = certificate;
        var submitted = await owner.SubmitAsync(await owner.GetAsync("/Subjects/New?fresh=true"), "提交审核", fields, SubjectForms.AllFiles());
        Assert.StartsWith("/My/ApplicationDetail", submitted.PathOf());

        var sms = (await OutboxReader.MessagesAsync(platform)).Where(m => m.Channel == "Sms" && m.Recipient == ownerAccount.Mobile).ToList();
        Assert.Contains(sms, m => m.Body.Contains("尚未备案") && m.Body.Contains(unfiled));
        Assert.Contains(sms, m => m.Body.Contains("已办网站认领") && m.Body.Contains(offline));
        var messages = (await owner.GetAsync("/Messages")).Text();
        Assert.Contains("未备案网站备案通知", messages);
        Assert.Contains("网站认领通知", messages);
        var site = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Set<UnfiledSite>().AsNoTracking().SingleAsync(x => x.Domain == unfiled));
        Assert.NotNull(site.SubjectId);
    }

    [Fact]
    public async Task Offline_filings_are_pushed_to_the_subject_and_found_by_domain_and_by_a_12_digit_number()
    {
        platform.RequireAvailable();
        var certificate = UniqueCertificate();
        var serial = Random.Shared.Next(100_000, 999_999);
        var modern = $"33010602{serial:000000}";
        var legacy = $"330106{serial:000000}";
        var mainDomain = UniqueDomain("claim");
        var legacyDomain = UniqueDomain("legacy");
        var csv = "公安备案号,网站名称,域名,开办者名称,主体证件号码,备案日期,工信部备案号\n"
            + $"浙公网安备{modern}号,杭州示例网,{mainDomain}|www.{mainDomain},杭州示例科技有限公司,{certificate},2015-03-01,浙ICP备{serial}号-1\n"
            + $"{legacy},旧版网站,{legacyDomain},另一单位,{UniqueCertificate()},2009/5/6,\n"
            + $"浙公网安备{modern}号,重复,{UniqueDomain()},某单位,{certificate},2015-03-01,\n";

        var (owner, ownerAccount) = await Applicants.RegisteredAndLoggedInAsync(platform);
        await CreateSubjectAsync(ownerAccount, certificate);

        using var reviewer = await PoliceClientAsync(Roles.Reviewer, "330106");
        var result = await ImportAsync(reviewer, "导入网站认领", "OfflineFile", csv);
        Assert.Equal("2", result.QuerySelector("#imported-count")!.TextContent);
        Assert.Contains("与第2行重复", result.QuerySelector(".import-failures tr[data-line='4']")!.TextContent);
        var again = await ImportAsync(reviewer, "导入网站认领", "OfflineFile",
            $"公安备案号,网站名称,域名,开办者名称,主体证件号码,备案日期\n{modern},再次导入,{UniqueDomain()},某单位,{certificate},2015-03-01\n");
        Assert.Equal("0", again.QuerySelector("#imported-count")!.TextContent);
        Assert.Contains("已导入", again.QuerySelector(".import-failures tr[data-line='2']")!.TextContent);
        var sms = await OutboxReader.MessagesAsync(platform);
        Assert.Contains(sms, m => m.Channel == "Sms" && m.Recipient == ownerAccount.Mobile && m.Body.Contains("认领"));

        var claims = await owner.GetAsync("/Websites/Claims");
        var pushed = claims.QuerySelectorAll("#claimable-filings tr.offline-filing").Single();
        Assert.Contains($"浙公网安备{modern}号", pushed.TextContent);
        Assert.Equal($"/Websites/New?claim={pushed.GetAttribute("data-id")}", pushed.QuerySelector("a")!.GetAttribute("href"));

        var (searcher, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var byDomain = await searcher.GetAsync($"/Websites/Claims?q=www.{legacyDomain}");
        var found = byDomain.QuerySelectorAll("#claim-search-results tr.offline-filing").Single();
        Assert.Contains("旧版网站", found.TextContent);
        Assert.DoesNotContain("另一单位", byDomain.Text());

        var byNumber = await searcher.GetAsync($"/Websites/Claims?q={legacy}");
        Assert.Contains($"浙公网安备{legacy}号", byNumber.QuerySelector("#claim-search-results")!.TextContent);
        var byIcp = await searcher.GetAsync($"/Websites/Claims?q=浙ICP备{serial}号-1");
        Assert.Contains("杭州示例网", byIcp.QuerySelector("#claim-search-results")!.TextContent);
        Assert.DoesNotContain("杭州示例科技有限公司", byIcp.Text());
        Assert.Empty((await searcher.GetAsync("/Websites/Claims")).QuerySelectorAll("#claimable-filings tr"));
    }

    [Fact]
    public async Task Another_county_does_not_see_the_units_imports_but_the_city_above_does()
    {
        platform.RequireAvailable();
        var domain = UniqueDomain("scope");
        using var reviewer = await PoliceClientAsync(Roles.Reviewer, "330106");
        await ImportAsync(reviewer, "导入未备案网站", "UnfiledFile",
            $"域名,IP,接入服务商,发现日期,整改期限,主体证件号码\n{domain},,电信,2026-01-05,{Deadline(10)},{UniqueCertificate()}\n");

        using var neighbour = await PoliceClientAsync(Roles.Reviewer, "330108");
        var other = await neighbour.GetAsync("/Police/Imports");
        Assert.DoesNotContain(domain, other.Text());
        Assert.Null(other.QuerySelector("#import-result"));

        using var city = await PoliceClientAsync(Roles.Supervisor, "330100");
        Assert.Contains(domain, (await city.GetAsync("/Police/Imports")).Text());
    }

    [Fact]
    public async Task A_file_that_is_not_csv_is_refused_and_the_templates_download()
    {
        platform.RequireAvailable();
        using var reviewer = await PoliceClientAsync(Roles.Reviewer, "330106");
        var page = await reviewer.GetAsync("/Police/Imports");
        var refused = await reviewer.SubmitAsync(page, "导入未备案网站",
            files: new Dictionary<string, TestUpload> { ["UnfiledFile"] = TestUpload.Png() });
        Assert.Contains("请上传CSV文件", refused.FieldError("UnfiledFile"));

        var template = await reviewer.Http.GetAsync("/Police/Imports?handler=Template&kind=offline");
        Assert.Equal("text/csv", template.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("公安备案号,网站名称,域名,开办者名称,主体证件号码,备案日期", UnfiledCsv.Decode(await template.Content.ReadAsByteArrayAsync()));

        var (applicant, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        Assert.Equal("/Accounts/AccessDenied", (await applicant.GetAsync("/Police/Imports")).PathOf());
    }

    private static async Task<IHtmlDocument> ImportAsync(PlatformClient client, string button, string field, string csv)
    {
        var page = await client.GetAsync("/Police/Imports");
        return await client.SubmitAsync(page, button, files: new Dictionary<string, TestUpload> { [field] = Csv(csv) });
    }

    /// <summary>A police account signed in with its password and the SMS code.</summary>
    private async Task<PlatformClient> PoliceClientAsync(string role, string unitCode)
    {
        var account = await StaffAccounts.CreateAsync(platform, role, unitCode);
        var client = platform.NewClient();
        await Applicants.LoginAsync(client, account.UserName, account.Password);
        var second = await client.GetAsync("/Accounts/SecondFactor");
        second = await client.SubmitAsync(second, "发送验证码");
        var code = await OutboxReader.LatestSmsCodeAsync(platform, account.Mobile);
        var home = await client.SubmitAsync(second, "验证并登录", new Dictionary<string, string> { ["Code"] = code, ["Method"] = "Sms" });
        Assert.Equal("/Police", home.PathOf());
        return client;
    }

    /// <summary>A pending subject of the applicant with this certificate number, stored directly.</summary>
    private Task CreateSubjectAsync(TestApplicant applicant, string certificate) =>
        platform.ScopedAsync(async services =>
        {
            var db = services.GetRequiredService<BeianDbContext>();
            var protector = services.GetRequiredService<PersonalDataProtector>();
            var userId = await db.Users.Where(u => u.UserName == applicant.UserName).Select(u => u.Id).SingleAsync();
            var subject = Subject.NewPending(userId, new Beian.Web.Features.Filing.RecordStep(userId, DateTime.UtcNow, "测试数据"));
            subject.Nature = SubjectNature.Organisation;
            subject.Name = "测试单位" + certificate[^4..];
            subject.CertificateHash = protector.Hash(certificate);
            subject.JurisdictionUnitCode = "330106";
            db.Subjects.Add(subject);
            return await db.SaveChangesAsync();
        });
}

public sealed class UnfiledImportTests_Sqlite(SqlitePlatform platform) : UnfiledImportTests(platform), IClassFixture<SqlitePlatform>;

public sealed class UnfiledImportTests_Postgres(PostgresPlatform platform) : UnfiledImportTests(platform), IClassFixture<PostgresPlatform>;
