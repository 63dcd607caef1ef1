using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Websites;

/// <summary>
/// Step ② of 新办网站申请 and POST /api/websites/precheck judge the same filing alike: the same
/// inputs through both give the same findings (the wizard numbers a list finding by its line).
/// </summary>
public abstract partial class PrecheckAgreementTests(PlatformFixture platform)
{
    /// <summary>One filing as both the wizard's fields and the API's request describe it.</summary>
    public sealed record Filing(string Name, string MainDomain, bool HasDomain = true, string[]? SubDomains = null,
        string[]? Ips = null, string IcpNumber = "京ICP备10046444号-1", int OpenedDaysAgo = 3, bool Interactive = false, string ServiceType = "Www",
        string? Expected = null);

    private const string DomainAsName = "不得以域名作为网站名称，请填写真实的网站名称";

    [Fact]
    public async Task The_wizard_and_the_api_give_the_same_findings_for_the_same_filing()
    {
        platform.RequireAvailable();
        var held = $"held{Guid.NewGuid():N}"[..12] + ".cn";
        var (owner, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        await WebsiteFlows.FileWebsiteAsync(owner, held);
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var own = $"xihu{Guid.NewGuid():N}"[..12];

        Filing[] filings =
        [
            new("西湖龙井.中国", "西湖龙井.中国", Expected: DomainAsName),
            new($"{own}.de", $"{own}.de", SubDomains: [$"{own}.ch"], Expected: DomainAsName),
            new($"{own}.ch", $"{own}.de", SubDomains: [$"{own}.ch"], Expected: DomainAsName),
            new("西湖新闻网", $"blog.{own}.com", SubDomains: [$"www.blog.{own}.com", "bad_domain", $"bbs.{own}.cn"],
                Ips: ["203.0.113.10", "999.1.1.1"], IcpNumber: "浙ICP备123号", OpenedDaysAgo: 40, ServiceType: "Forum"),
            // A site without a domain of its own files no 主域名, so nobody else's holds anything against it.
            new("西湖茶叶官方网站", held, HasDomain: false, IcpNumber: "浙ICP备123号"),
        ];
        foreach (var filing in filings)
        {
            var wizard = await WizardMessagesAsync(client, filing);
            var api = await ApiMessagesAsync(client, filing);
            Assert.NotEmpty(api);
            Assert.Equal(api.Order(StringComparer.Ordinal), wizard.Order(StringComparer.Ordinal));
            if (filing.Expected is { } expected) Assert.Contains(expected, wizard);
        }
    }

    /// <summary>Every error of the step ② summary and every warning listed under it.</summary>
    private static async Task<List<string>> WizardMessagesAsync(PlatformClient client, Filing filing)
    {
        var step2 = await client.SubmitAsync(await client.GetAsync("/Websites/New?step=1&fresh=true"), "下一步");
        var fields = WebsiteWizardTests.BasicInfo(filing.MainDomain);
        fields["BasicInfo.Name"] = filing.Name;
        fields["BasicInfo.HasDomain"] = filing.HasDomain ? "true" : "false";
        fields["BasicInfo.SubDomainsText"] = string.Join('\n', filing.SubDomains ?? []);
        fields["BasicInfo.IpsText"] = string.Join('\n', filing.Ips ?? ["203.0.113.10"]);
        fields["BasicInfo.IcpNumber"] = filing.IcpNumber;
        fields["BasicInfo.OpenedOn"] = OpenedOn(filing);
        fields["BasicInfo.ProvidesInteractiveServices"] = filing.Interactive ? "true" : "false";
        fields["BasicInfo.ServiceTypes"] = filing.ServiceType;
        var page = await client.SubmitAsync(step2, "下一步", fields);
        Assert.True(page.QuerySelector("[name='BasicInfo.Name']") != null, $"{filing}: {page.PathOf()} {page.QuerySelector(".validation-summary-errors")?.TextContent}");
        return page.QuerySelectorAll(".validation-summary-errors li, .alert-warning li").Select(li => li.TextContent.Trim()).ToList();
    }

    /// <summary>The API's messages, a finding on one line of a list numbered as the wizard numbers it.</summary>
    private static async Task<List<string>> ApiMessagesAsync(PlatformClient client, Filing filing)
    {
        var response = await client.Http.PostAsJsonAsync("/api/websites/precheck", new
        {
            subjectNature = "Organisation",
            organisationKind = "Enterprise",
            subjectName = "北京小米科技有限责任公司",
            name = filing.Name,
            hasIcpNumber = true,
            icpNumber = filing.IcpNumber,
            openedOn = OpenedOn(filing),
            hasDomain = filing.HasDomain,
            mainDomain = filing.MainDomain,
            subDomains = filing.SubDomains ?? [],
            ips = filing.Ips ?? ["203.0.113.10"],
            providesInteractiveServices = filing.Interactive,
            serviceTypes = new[] { filing.ServiceType },
            publishesDangerousGoods = false,
            hasPrePermits = false,
            languages = new[] { "SimplifiedChinese" },
        });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        return result.GetProperty("findings").EnumerateArray().Select(finding =>
        {
            var message = finding.GetProperty("message").GetString()!;
            var line = ListLine().Match(finding.GetProperty("field").GetString()!);
            return line.Success ? $"第{int.Parse(line.Groups[1].Value) + 1}行：{message}" : message;
        }).ToList();
    }

    private static string OpenedOn(Filing filing) => DateTime.UtcNow.AddHours(8).AddDays(-filing.OpenedDaysAgo).ToString("yyyy-MM-dd");

    [GeneratedRegex(@"^BasicInfo\.(?:SubDomains|Ips)\[(\d+)\]$")]
    private static partial Regex ListLine();
}

public sealed class PrecheckAgreementTests_Sqlite(SqlitePlatform platform) : PrecheckAgreementTests(platform), IClassFixture<SqlitePlatform>;

public sealed class PrecheckAgreementTests_Postgres(PostgresPlatform platform) : PrecheckAgreementTests(platform), IClassFixture<PostgresPlatform>;
