using Beian.Core.Rules;
using Beian.Core.Filing;

namespace Beian.Core.Websites;

/// <summary>
/// The website part of the automatic pre-check (SPEC §10) for step ② 网站基本信息: run on every
/// step and at review. Errors block submission, warnings go to the reviewer.
/// </summary>
public static class WebsiteRules
{
    public static IReadOnlyList<Finding> Check(WebsiteFacts facts) => Check(facts, WebsiteKeywords.Default);

    public static IReadOnlyList<Finding> Check(WebsiteFacts facts, WebsiteKeywords keywords)
    {
        var findings = new List<Finding>();
        findings.AddRange(NameRules.Check(facts.NameFacts, BusinessWording.Website, keywords));
        findings.AddRange(IcpRules.Check(facts));
        findings.AddRange(OpeningDateRules.Check(facts));
        findings.AddRange(DomainRules.Check(facts, keywords));
        findings.AddRange(IpRules.Check(facts));
        findings.AddRange(ServiceDeclarationRules.Check(facts.Services, facts.SubjectNature, BusinessWording.Website, keywords));
        return findings;
    }
}
