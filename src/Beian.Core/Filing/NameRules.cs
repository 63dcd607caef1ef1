using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;

namespace Beian.Core.Filing;

/// <summary>
/// The name of a website, an APP or a 小程序 (seed 000 第二步 填写注意事项 1, SPEC §5: the website's
/// rules apply to every business): required, 2–50 characters, real, not a domain; a 个人's not named
/// like an organisation; 公共事务关键字 for government only; 中国/中华/维权 for national-level
/// subjects only; field words (新闻, 教育, 医疗 …) and 论坛 only with the matching 前置许可.
/// </summary>
public static class NameRules
{
    public static IEnumerable<Finding> Check(FilingNameFacts facts, BusinessWording wording) => Check(facts, wording, WebsiteKeywords.Default);

    public static IEnumerable<Finding> Check(FilingNameFacts facts, BusinessWording wording, WebsiteKeywords keywords)
    {
        var noun = wording.Noun;
        var field = wording.NameField;
        var name = facts.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            yield return Finding.Error(wording.Code("NAME-REQUIRED"), field, $"请填写真实的{noun}名称");
            yield break;
        }
        var formatFinding = Domain(name, facts, wording) ?? Fake(name, keywords, wording) ?? Length(name, wording);
        if (formatFinding is not null)
        {
            yield return formatFinding;
            yield break;
        }
        if (OrganisationForIndividual(name, facts, keywords, wording) is { } organisation) yield return organisation;
        if (PublicAffairs(name, facts, keywords, wording) is { } publicAffairs) yield return publicAffairs;
        if (National(name, facts, keywords, wording) is { } national) yield return national;
        foreach (var permit in PermitWords(name, facts, keywords, wording)) yield return permit;
        if (Forum(name, facts, keywords, wording) is { } forum) yield return forum;
    }

    private static Finding? Length(string name, BusinessWording wording) =>
        SiteNames.Length(name) is < SiteNames.MinimumLength or > SiteNames.MaximumLength
            ? Finding.Error(wording.Code("NAME-LENGTH"), wording.NameField, $"{wording.Noun}名称应为{SiteNames.MinimumLength}至{SiteNames.MaximumLength}个字符")
            : null;

    private static Finding? Domain(string name, FilingNameFacts facts, BusinessWording wording) =>
        SiteNames.IsDomainLike(name) || SiteNames.IsOneOf(name, facts.OwnDomains)
            ? Finding.Error(wording.Code("NAME-DOMAIN"), wording.NameField, $"不得以域名作为{wording.Noun}名称，请填写真实的{wording.Noun}名称")
            : null;

    private static Finding? Fake(string name, WebsiteKeywords keywords, BusinessWording wording) =>
        SiteNames.IsFake(name, keywords)
            ? Finding.Error(wording.Code("NAME-FAKE"), wording.NameField, $"请填写真实的{wording.Noun}名称，不得填写“测试”“无”“暂无”或无意义的字符")
            : null;

    private static Finding? OrganisationForIndividual(string name, FilingNameFacts facts, WebsiteKeywords keywords, BusinessWording wording)
    {
        if (facts.SubjectNature != SubjectNature.Individual) return null;
        return SiteNames.FindWord(name, keywords.OrganisationWords) is { } word
            ? Finding.Error(wording.Code("NAME-INDIVIDUAL-ORG"), wording.NameField,
                $"{wording.Noun}名称应与其主办单位性质对应一致，个人{wording.Noun}不得以“某某有限公司”等单位名称命名（含有“{word}”）")
            : null;
    }

    /// <summary>Government agencies may; a 事业单位 may be 政府授权 (a warning to verify); others may not.</summary>
    private static Finding? PublicAffairs(string name, FilingNameFacts facts, WebsiteKeywords keywords, BusinessWording wording)
    {
        if (facts.OrganisationKind == OrganisationKind.GovernmentAgency) return null;
        if (SiteNames.FindWord(name, keywords.PublicAffairsWords) is not { } word) return null;
        if (facts.OrganisationKind == OrganisationKind.PublicInstitution)
        {
            return Finding.Warning(wording.Code("NAME-PUBLIC-AFFAIRS"), wording.NameField,
                $"{wording.Noun}名称含有公共事务关键字“{word}”，请核实主办单位是否为政府授权机构");
        }
        return Finding.Error(wording.Code("NAME-PUBLIC-AFFAIRS"), wording.NameField,
            $"主办单位性质为非政府机构或非政府授权机构的{wording.Noun}，不得以“某某市人民政府”“某某监察”等公共事务关键字命名（含有“{word}”）");
    }

    private static Finding? National(string name, FilingNameFacts facts, WebsiteKeywords keywords, BusinessWording wording)
    {
        if (IsNationalLevel(facts, keywords)) return null;
        var word = SiteNames.FindPrefix(name, keywords.NationalPrefixes) ?? SiteNames.FindWord(name, keywords.NationalWords);
        return word is null
            ? null
            : Finding.Error(wording.Code("NAME-NATIONAL"), wording.NameField,
                $"主办单位性质为非国家级单位的{wording.Noun}，不得以“中国”“中华”“维权”等字头命名（含有“{word}”）");
    }

    /// <summary>Flagged by the caller, or an organisation whose own name starts with 中国/中华/全国/国家.</summary>
    private static bool IsNationalLevel(FilingNameFacts facts, WebsiteKeywords keywords) =>
        facts.SubjectNature == SubjectNature.Organisation
        && (facts.SubjectIsNationalLevel || SiteNames.FindPrefix(facts.SubjectName, keywords.NationalPrefixes) is not null);

    private static IEnumerable<Finding> PermitWords(string name, FilingNameFacts facts, WebsiteKeywords keywords, BusinessWording wording) =>
        SiteNames.PermitsCalledFor(name, keywords)
            .Where(called => !facts.HasPermit(called.Permit))
            .Select(called => Finding.Error(wording.Code("NAME-PERMIT-WORD"), wording.NameField,
                $"无{called.Permit.DisplayName()}前置审批或专项审批的{wording.Noun}，不得以相关领域关键词命名（含有“{called.Word}”）；" +
                $"已取得的，请在相关前置许可中勾选“{called.Permit.DisplayName()}”并上传证明文件"));

    private static Finding? Forum(string name, FilingNameFacts facts, WebsiteKeywords keywords, BusinessWording wording)
    {
        if (facts.HasPermit(PrePermit.ElectronicBulletin)) return null;
        return SiteNames.FindWord(name, keywords.ForumWords) is { } word
            ? Finding.Error(wording.Code("NAME-FORUM"), wording.NameField, $"未取得电子公告专项审批的，不得以“论坛”命名（含有“{word}”）")
            : null;
    }
}
