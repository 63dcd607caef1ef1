using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;
using Beian.Core.Subjects;

namespace Beian.Core.Tests.Subjects;

/// <summary>Well-formed subjects that pass every rule; each test changes one field.</summary>
internal static class SubjectExamples
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static readonly PrincipalFacts Principal = new()
    {
        Name = "张伟",
        CertificateType = CertificateType.ResidentIdCard,
        CertificateNumber = "440305199003071236",
        CertificateValidUntil = new DateOnly(2030, 1, 1),
        ResidenceAddressDetail = "南山区深南大道10000号",
        Mobile = "13925871463",
        OfficePhone = "0755-86013388",
        Email = "zhangwei@example.com",
    };

    public static readonly SubjectFacts Company = new()
    {
        Nature = SubjectNature.Organisation,
        Kind = OrganisationKind.Enterprise,
        Organisation = new OrganisationFacts
        {
            Name = "深圳市腾讯计算机系统有限公司",
            CertificateType = CertificateType.UnifiedSocialCreditCode,
            CertificateNumber = "91440300708461136T",
            LegalRepresentative = "马化腾",
            OfficeProvinceCode = "440000",
            OfficeAddressDetail = "南山区科技中一路腾讯大厦35层",
        },
        Principal = Principal,
    };

    public static readonly SubjectFacts Person = new()
    {
        Nature = SubjectNature.Individual,
        Principal = Principal with { OfficePhone = null },
    };

    public static SubjectFacts WithOrganisation(Func<OrganisationFacts, OrganisationFacts> change) =>
        Company with { Organisation = change(Company.Organisation) };

    public static SubjectFacts WithPrincipal(SubjectFacts facts, Func<PrincipalFacts, PrincipalFacts> change) =>
        facts with { Principal = change(facts.Principal) };

    public static IReadOnlyList<Finding> Check(SubjectFacts facts) => SubjectRules.Check(facts, Today);

    /// <summary>The finding with <paramref name="code"/>, asserted to be on <paramref name="field"/> with the severity.</summary>
    public static Finding AssertFinding(SubjectFacts facts, string code, string field, Severity severity = Severity.Error)
    {
        var findings = Check(facts);
        var finding = Assert.Single(findings, f => f.Code == code);
        Assert.Equal(field, finding.Field);
        Assert.Equal(severity, finding.Severity);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        return finding;
    }

    public static void AssertNoFinding(SubjectFacts facts, string code)
    {
        Assert.DoesNotContain(Check(facts), f => f.Code == code);
    }
}
