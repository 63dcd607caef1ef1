using Beian.Core.Rules;
using static Beian.Core.Websites.WebsiteRuleCodes;

namespace Beian.Core.Websites;

/// <summary>
/// 主域名 and 从域名 (seed 003: 主域名应符合域名相应规则; 从域名: 能访问该网站的其它域名):
/// the main domain is required unless the site has no domain of its own, valid, its own main
/// domain (not a subdomain), not filed by another subject; every 从域名 valid, distinct from the
/// main domain and from each other (www.example.com ≡ example.com); a domain containing "bbs"
/// is a forum and needs 电子公告 (seed 000).
/// </summary>
internal static class DomainRules
{
    private const string MainField = WebsiteFields.MainDomain;

    public static IEnumerable<Finding> Check(WebsiteFacts facts, WebsiteKeywords keywords)
    {
        var findings = new List<Finding>();
        var main = CheckMain(facts, keywords, findings);
        CheckSubDomains(facts, main, keywords, findings);
        return findings;
    }

    private static DomainName? CheckMain(WebsiteFacts facts, WebsiteKeywords keywords, List<Finding> findings)
    {
        if (string.IsNullOrWhiteSpace(facts.MainDomain))
        {
            if (facts.HasDomain) findings.Add(Finding.Error(DomainRequired, MainField, "请填写网站的主域名（如：baidu.com）"));
            return null;
        }
        if (!DomainName.TryParse(facts.MainDomain, out var main, out var error))
        {
            findings.Add(Finding.Error(DomainInvalid, MainField, $"主域名应符合域名相应规则：{error}"));
            return null;
        }
        if (NotMain(main) is { } notMain) findings.Add(notMain);
        if (facts.MainDomainFiledByOtherSubject) findings.Add(Finding.Error(DomainFiledElsewhere, MainField, "该主域名已被其他主体备案"));
        if (Forum(main, MainField, facts, keywords) is { } forum) findings.Add(forum);
        return main;
    }

    /// <summary>blog.example.com as 主域名: a warning, hosted sites are filed on their subdomain.</summary>
    private static Finding? NotMain(DomainName main) =>
        main.IsRegistrable || main.WithoutWww.IsRegistrable
            ? null
            : Finding.Warning(DomainNotMain, MainField,
                $"主域名应填写网站的主域名（如：baidu.com），“{main.Unicode}”是“{main.RegistrableDomain.Unicode}”的下级域名，请核实");

    private static void CheckSubDomains(WebsiteFacts facts, DomainName? main, WebsiteKeywords keywords, List<Finding> findings)
    {
        var seen = new List<DomainName>();
        for (var index = 0; index < facts.SubDomains.Count; index++)
        {
            var field = WebsiteFields.SubDomain(index);
            if (!DomainName.TryParse(facts.SubDomains[index], out var domain, out var error))
            {
                findings.Add(Finding.Error(SubDomainInvalid, field, $"从域名应符合域名相应规则：{error}"));
                continue;
            }
            if (main is not null && domain.IsSameSiteAs(main))
            {
                findings.Add(Finding.Error(SubDomainSameAsMain, field, $"从域名“{domain.Unicode}”与主域名相同，请删除"));
            }
            else if (seen.Any(earlier => earlier.IsSameSiteAs(domain)))
            {
                findings.Add(Finding.Error(SubDomainDuplicate, field, $"从域名“{domain.Unicode}”重复填写，请删除"));
            }
            else if (Forum(domain, field, facts, keywords) is { } forum)
            {
                findings.Add(forum);
            }
            seen.Add(domain);
        }
    }

    private static Finding? Forum(DomainName domain, string field, WebsiteFacts facts, WebsiteKeywords keywords) =>
        SiteNames.IsForumDomain(domain, keywords) && !facts.HasPermit(PrePermit.ElectronicBulletin)
            ? Finding.Error(DomainBbs, field,
                $"含有bbs的域名视为论坛（{domain.Unicode}），需到省通信管理局办理电子公告专项备案，并在相关前置许可中勾选“电子公告”")
            : null;
}
