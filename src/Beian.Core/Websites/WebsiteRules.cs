using Beian.Core.Rules;
using static Beian.Core.Websites.WebsiteRuleCodes;

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
        findings.AddRange(SiteNameRules.Check(facts, keywords));
        findings.AddRange(IcpRules.Check(facts));
        findings.AddRange(OpeningDateRules.Check(facts));
        findings.AddRange(DomainRules.Check(facts, keywords));
        findings.AddRange(IpRules.Check(facts));
        findings.AddRange(ServiceTypeRules.Check(facts, keywords));
        findings.AddRange(UploadedProofRules.CheckDangerousGoods(facts));
        findings.AddRange(UploadedProofRules.CheckPrePermits(facts));
        findings.AddRange(Languages(facts));
        return findings;
    }

    /// <summary>网站语种: at least one.</summary>
    private static IEnumerable<Finding> Languages(WebsiteFacts facts)
    {
        if (facts.Languages.Count == 0)
        {
            yield return Finding.Error(LanguageRequired, WebsiteFields.Languages, "请至少选择一种网站语种");
        }
    }
}
