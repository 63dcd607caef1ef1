using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;
using static Beian.Core.Subjects.SubjectRuleCodes;

namespace Beian.Core.Subjects;

/// <summary>
/// 负责人姓名 and 法定代表人姓名 (seed 000: 应填写真实姓名全称，不得填报“王先生”、“李小姐”、
/// “个人”或者加带数字或字母的姓名).
/// </summary>
internal static class PersonNameRules
{
    private const string Field = SubjectFields.PrincipalName;

    public static IEnumerable<Finding> CheckPrincipal(SubjectFacts facts, SubjectKeywords keywords)
    {
        var name = facts.Principal.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return Finding.Error(PrincipalNameRequired, Field, "请填写真实的姓名");
            yield break;
        }
        var finding = Organisation(name, facts.Nature, keywords)
            ?? Fake(name, keywords)
            ?? Format(name, facts.Principal.CertificateType);
        if (finding is not null) yield return finding;
    }

    public static IEnumerable<Finding> CheckLegalRepresentative(SubjectFacts facts, SubjectKeywords keywords)
    {
        const string field = SubjectFields.LegalRepresentative;
        var name = facts.Organisation.LegalRepresentative;
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return Finding.Error(LegalRepresentativeRequired, field, "请填写正确的法定代表人姓名");
            yield break;
        }
        var notAName = PersonNames.IsFake(name, keywords)
            || PersonNames.LooksLikeOrganisation(name, keywords)
            || !PersonNames.IsLetterName(name);
        if (notAName)
        {
            yield return Finding.Error(LegalRepresentativeName, field,
                "法定代表人姓名应与主办单位有效证件保持一致，填写真实姓名，不得填写“王先生”“个人”或带数字的姓名");
        }
    }

    private static Finding? Organisation(string name, SubjectNature nature, SubjectKeywords keywords)
    {
        if (!PersonNames.LooksLikeOrganisation(name, keywords)) return null;
        var message = nature == SubjectNature.Individual
            ? "个人主体的负责人姓名应为自然人姓名"
            : "负责人姓名应为自然人姓名，不得填写单位名称";
        return Finding.Error(PrincipalNameOrganisation, Field, message);
    }

    private static Finding? Fake(string name, SubjectKeywords keywords) =>
        PersonNames.IsFake(name, keywords)
            ? Finding.Error(PrincipalNameFake, Field, "请填写真实的姓名，不得填写“王先生”、“李小姐”、“个人”等明显不真实的姓名")
            : null;

    /// <summary>A 居民身份证 holder's name is Chinese; other holders may use letters, never digits.</summary>
    private static Finding? Format(string name, CertificateType? type)
    {
        if (type == CertificateType.ResidentIdCard)
        {
            return PersonNames.IsChineseFullName(name)
                ? null
                : Finding.Error(PrincipalNameFormat, Field, "居民身份证持有人的姓名应为2至15个汉字（少数民族姓名可用“·”分隔），不得含有数字或字母");
        }
        return PersonNames.IsLetterName(name)
            ? null
            : Finding.Error(PrincipalNameFormat, Field, "姓名应与证件一致，不得含有数字或符号");
    }
}
