using Beian.Core.Filing;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;

namespace Beian.Core.Tests.Websites;

/// <summary>Well-formed websites that pass every rule; each test changes one field.</summary>
internal static class WebsiteExamples
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static readonly WebsiteFacts CompanySite = new()
    {
        SubjectNature = SubjectNature.Organisation,
        OrganisationKind = OrganisationKind.Enterprise,
        SubjectName = "杭州西湖网络科技有限公司",
        Name = "西湖科技官方网站",
        HasIcpNumber = true,
        IcpNumber = "浙ICP备12345678号-1",
        OpenedOn = Today.AddDays(-10),
        Today = Today,
        MainDomain = "example.com",
        SubDomains = ["example.cn"],
        Ips = ["121.40.1.1", "121.40.2.1-121.40.2.20"],
        Services = new ServiceDeclarationFacts
        {
            ProvidesInteractiveServices = false,
            ServiceTypes = [ServiceType.OrganisationPortal],
            Languages = [SiteLanguage.SimplifiedChinese],
        },
    };

    public static readonly WebsiteFacts PersonalSite = CompanySite with
    {
        SubjectNature = SubjectNature.Individual,
        OrganisationKind = null,
        SubjectName = "张伟",
        Name = "张伟的博客",
        Services = CompanySite.Services with { ProvidesInteractiveServices = true, ServiceTypes = [ServiceType.Blog] },
    };

    public static WebsiteFacts Named(string name) => CompanySite with { Name = name };

    public static WebsiteFacts WithPermits(WebsiteFacts facts, params PrePermit[] permits) => WithServices(facts, s => s with
    {
        HasPrePermits = true,
        PrePermits = permits.Select(permit => new PrePermitEntry(permit, HasDocument: true)).ToList(),
    });

    /// <summary>The site with its 服务类型 / 危险物品 / 前置许可 / 语种 declaration changed.</summary>
    public static WebsiteFacts WithServices(WebsiteFacts facts, Func<ServiceDeclarationFacts, ServiceDeclarationFacts> change) =>
        facts with { Services = change(facts.Services) };

    public static IReadOnlyList<Finding> Check(WebsiteFacts facts) => WebsiteRules.Check(facts);

    /// <summary>The finding with <paramref name="code"/>, asserted to be on <paramref name="field"/> with the severity.</summary>
    public static Finding AssertFinding(WebsiteFacts facts, string code, string field, Severity severity = Severity.Error)
    {
        var findings = Check(facts);
        var finding = Assert.Single(findings, f => f.Code == code);
        Assert.Equal(field, finding.Field);
        Assert.Equal(severity, finding.Severity);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        return finding;
    }

    public static void AssertNoFinding(WebsiteFacts facts, string code)
    {
        var findings = Check(facts);
        Assert.DoesNotContain(findings, f => f.Code == code);
    }
}
