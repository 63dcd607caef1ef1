using Beian.Core.Rules;

namespace Beian.Core.Subjects;

/// <summary>
/// The subject part of the automatic pre-check (SPEC §10): run on every step and at review.
/// Errors block submission, warnings go to the reviewer. For a 个人 subject only the 负责人
/// (开办者) rules apply; a 单位 adds 主办单位性质, 名称, 证件, 法定代表人 and addresses.
/// </summary>
public static class SubjectRules
{
    public static IReadOnlyList<Finding> Check(SubjectFacts facts, DateOnly today) =>
        Check(facts, today, SubjectKeywords.Default);

    public static IReadOnlyList<Finding> Check(SubjectFacts facts, DateOnly today, SubjectKeywords keywords)
    {
        var findings = new List<Finding>();
        if (facts.Nature == SubjectNature.Organisation)
        {
            findings.AddRange(OrganisationRules(facts, today, keywords));
        }
        findings.AddRange(PersonNameRules.CheckPrincipal(facts, keywords));
        findings.AddRange(PrincipalCertificateRules.Check(facts, today));
        findings.AddRange(PrincipalCertificateRules.CheckValidity(facts, today));
        findings.AddRange(AddressRules.CheckPrincipal(facts, keywords));
        findings.AddRange(ContactRules.Check(facts, keywords));
        return findings;
    }

    private static IEnumerable<Finding> OrganisationRules(SubjectFacts facts, DateOnly today, SubjectKeywords keywords)
    {
        if (facts.Kind is null)
        {
            yield return Finding.Error(SubjectRuleCodes.KindRequired, SubjectFields.Kind, "请按照网站的正确性质选择主办单位性质");
        }
        foreach (var finding in OrganisationNameRules.Check(facts, keywords)) yield return finding;
        foreach (var finding in OrganisationCertificateRules.Check(facts, today)) yield return finding;
        foreach (var finding in PersonNameRules.CheckLegalRepresentative(facts, keywords)) yield return finding;
        foreach (var finding in AddressRules.CheckOrganisation(facts, keywords)) yield return finding;
    }
}
