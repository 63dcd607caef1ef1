using Beian.Core.Rules;
using static Beian.Core.Subjects.SubjectRuleCodes;

namespace Beian.Core.Subjects;

/// <summary>
/// 主办单位名称 (seed 000 填写注意事项 2–3, seed 003 "名称应与主办单位有效证件完全一致"): a full
/// legal name, not a domain, symbols or a person; …公司 only for a 企业单位.
/// </summary>
internal static class OrganisationNameRules
{
    private const string Field = SubjectFields.OrganisationName;
    private const int MinimumDomesticLength = 4;
    private const int MinimumForeignLength = 2;

    public static IEnumerable<Finding> Check(SubjectFacts facts, SubjectKeywords keywords)
    {
        var name = facts.Organisation.Name?.Trim();
        var kind = facts.Kind;
        if (string.IsNullOrEmpty(name))
        {
            yield return Finding.Error(OrganisationNameRequired, Field, "请填写与主办单位有效证件完全一致的名字");
            yield break;
        }
        var formatFinding = Domain(name, keywords) ?? Symbols(name, kind) ?? TooShort(name, kind);
        if (formatFinding is not null)
        {
            yield return formatFinding;
            yield break;
        }
        if (PersonalWord(name, keywords) is { } personal) yield return personal;
        if (EnterpriseNameOfOtherKind(name, kind, keywords) is { } kindFinding) yield return kindFinding;
        if (PersonLikeName(name, keywords) is { } person) yield return person;
    }

    private static Finding? Domain(string name, SubjectKeywords keywords) =>
        OrganisationNames.IsDomainLike(name, keywords)
            ? Finding.Error(OrganisationNameDomain, Field, "主办单位名称不得以域名代替，名称应与主办单位有效证件完全一致")
            : null;

    /// <summary>Domestic names are Chinese; a 境外组织 may be Latin but not digits only.</summary>
    private static Finding? Symbols(string name, OrganisationKind? kind)
    {
        var invalid = IsForeign(kind) ? !name.Any(char.IsLetter) : OrganisationNames.IsLatinOrDigitsOnly(name);
        return invalid
            ? Finding.Error(OrganisationNameSymbols, Field, "主办单位名称不得以数字、字母等符号代替，应填写主办单位全称")
            : null;
    }

    private static Finding? TooShort(string name, OrganisationKind? kind)
    {
        var minimum = IsForeign(kind) ? MinimumForeignLength : MinimumDomesticLength;
        return OrganisationNames.MeaningfulLength(name) < minimum
            ? Finding.Error(OrganisationNameTooShort, Field, "主办单位名称应完整填写，与主办单位有效证件上的全称一致")
            : null;
    }

    private static Finding? PersonalWord(string name, SubjectKeywords keywords) =>
        OrganisationNames.ContainsPersonalWord(name, keywords)
            ? Finding.Error(OrganisationNamePersonalWord, Field, "主办单位名称不得含有“个人”“先生”“女士”等称谓，个人请选择开办主体性质为“个人”")
            : null;

    /// <summary>…有限公司 / 公司 / 集团 / 厂 / 店 is an enterprise; a 境外组织 may be a foreign company.</summary>
    private static Finding? EnterpriseNameOfOtherKind(string name, OrganisationKind? kind, SubjectKeywords keywords)
    {
        if (kind is null or OrganisationKind.Enterprise or OrganisationKind.ForeignOrganization) return null;
        return OrganisationNames.LooksLikeEnterprise(name, keywords)
            ? Finding.Error(OrganisationNameKind, Field, $"主办单位名称为公司、企业的，主办单位性质应为“企业单位”，而不是“{kind.Value.DisplayName()}”")
            : null;
    }

    private static Finding? PersonLikeName(string name, SubjectKeywords keywords) =>
        OrganisationNames.LooksLikePersonName(name, keywords)
            ? Finding.Warning(OrganisationNameLooksLikePerson, Field, "主办单位名称疑似个人姓名，个人请选择开办主体性质为“个人”")
            : null;

    private static bool IsForeign(OrganisationKind? kind) => kind == OrganisationKind.ForeignOrganization;
}
