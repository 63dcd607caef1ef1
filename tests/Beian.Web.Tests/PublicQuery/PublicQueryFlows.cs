using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Websites;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.PublicQuery;

/// <summary>A filed site as the public query tests know it.</summary>
public sealed record PublicSite(Guid WebsiteId, Guid SubjectId, string Name, string Domain, string Digits, string Display);

/// <summary>Steps the public-query tests share: sites filed through the wizard, queries as a visitor makes them.</summary>
public static class PublicQueryFlows
{
    private const int ExtensionAFirst = 0x3400, ExtensionASize = 0x4DB5 - 0x3400;
    private static int _rareDrawn = Random.Shared.Next(ExtensionASize);

    /// <summary>
    /// A character from CJK Extension A, where no naming-rule keyword lives, so that a one-character
    /// query of one test never finds another test's sites. Never the same one twice in a run: drawn at
    /// random, two of the suite's few dozen collided about once in a hundred runs.
    /// </summary>
    public static string Rare() =>
        char.ConvertFromUtf32(ExtensionAFirst + (int)((uint)Interlocked.Increment(ref _rareDrawn) % ExtensionASize));

    public static string NewDomain(string prefix = "pq") => $"{prefix}{Guid.NewGuid():N}"[..12] + ".com";

    /// <summary>A website of <paramref name="client"/>'s approved subject, filed through the wizard and approved.</summary>
    public static async Task<PublicSite> FileAsync(PlatformFixture platform, PlatformClient client, string name, string domain,
        params string[] subDomains)
    {
        var step2 = await client.SubmitAsync(await client.GetAsync("/Websites/New?step=1"), "下一步");
        var detail = await WebsiteFlows.FileWebsiteAsync(client, domain, step2, BasicInfo(name, domain, subDomains));
        var (websiteId, display) = await WebsiteFlows.ApproveAsync(platform, detail);
        var website = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Websites.AsNoTracking()
            .SingleAsync(w => w.Id == websiteId));
        return new PublicSite(websiteId, website.SubjectId, name, domain, website.NumberDigits!, display);
    }

    /// <summary>A site of a new 单位 subject (北京小米科技有限责任公司, principal 李明).</summary>
    public static async Task<(PlatformClient Client, PublicSite Site)> FiledSiteAsync(PlatformFixture platform, string name, string domain,
        params string[] subDomains)
    {
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        return (client, await FileAsync(platform, client, name, domain, subDomains));
    }

    public static Dictionary<string, string> BasicInfo(string name, string domain, params string[] subDomains)
    {
        var fields = WebsiteWizardTests.BasicInfo(domain);
        fields["BasicInfo.Name"] = name;
        fields["BasicInfo.SubDomainsText"] = string.Join("\n", subDomains);
        return fields;
    }

    public static Task<IHtmlDocument> QueryAsync(PlatformClient visitor, string type, string keyword, int page = 1) =>
        visitor.GetAsync($"/Public/Query?type={type}&keyword={Uri.EscapeDataString(keyword)}" + (page > 1 ? $"&p={page}" : ""));

    /// <summary>The 公安备案号 of every result row, in order.</summary>
    public static List<string> Numbers(IHtmlDocument page) =>
        page.QuerySelectorAll("#query-results .result-number").Select(dd => dd.TextContent.Trim()).ToList();

    public static async Task<List<string>> NumbersAsync(PlatformClient visitor, string type, string keyword) =>
        Numbers(await QueryAsync(visitor, type, keyword));

    public static async Task<JsonElement> ApiAsync(PlatformClient visitor, string query)
    {
        var response = await visitor.Http.GetAsync("/api/public/websites?" + query);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static List<string> ApiNumbers(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList();

    public static Task<T> InDatabaseAsync<T>(PlatformFixture platform, Func<IServiceProvider, Task<T>> use) => platform.ScopedAsync(use);

    public static async Task ApproveApplicationAsync(PlatformFixture platform, Guid applicationId)
    {
        var approved = await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer"));
        Assert.True(approved.Succeeded, approved.Error);
    }

    /// <summary>注销网站 submitted through the service (the page's SMS and probe steps are tested elsewhere).</summary>
    public static async Task<Guid> SubmitCancellationAsync(PlatformFixture platform, Guid websiteId)
    {
        var result = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var website = await db.Websites.SingleAsync(w => w.Id == websiteId);
            return await s.GetRequiredService<WebsiteService>().SubmitCancellationAsync(website.OwnerUserId, website,
                new Beian.Web.Features.Applications.CancellationRequest { PrincipalName = "李明", Reason = "网站已停止运营" }, Guid.NewGuid());
        });
        Assert.True(result.Succeeded, result.Error);
        return result.Application!.Id;
    }

    public static Dictionary<string, string> Individual(string name, string idNumber, string mobile) => new()
    {
        ["Form.Nature"] = "Individual",
        ["Form.Principal.Name"] = name,
        ["Form.Principal.CertificateType"] = "ResidentIdCard",
        ["Form.Principal.CertificateNumber"] = idNumber,
        ["Form.Principal.CertificateLongTerm"] = "false",
        ["Form.Principal.CertificateValidUntil"] = "2034-03-07",
        ["Form.Principal.ResidenceAddress.ProvinceCode"] = "330000",
        ["Form.Principal.ResidenceAddress.CityCode"] = "330100",
        ["Form.Principal.ResidenceAddress.CountyCode"] = "330106",
        ["Form.Principal.ResidenceAddress.Detail"] = "文三路100号3幢2单元501室",
        ["Form.Principal.Mobile"] = mobile,
        ["Form.Principal.Email"] = "chenjing@example.com",
    };

    /// <summary>An approved 个人 subject of a new account.</summary>
    public static async Task<(PlatformClient Client, Guid SubjectId)> ApprovedIndividualAsync(PlatformFixture platform, Dictionary<string, string> fields)
    {
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var files = SubjectForms.AllFiles();
        files.Remove("Uploads.Licence.File");
        var detail = await client.SubmitAsync(await client.GetAsync("/Subjects/New?fresh=true"), "提交审核", fields, files);
        Assert.Equal("待审核", detail.QuerySelector("#application-status")?.TextContent);
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        await ApproveApplicationAsync(platform, applicationId);
        var subjectId = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Applications.AsNoTracking()
            .Where(a => a.Id == applicationId).Select(a => a.SubjectId).SingleAsync());
        return (client, subjectId);
    }
}
