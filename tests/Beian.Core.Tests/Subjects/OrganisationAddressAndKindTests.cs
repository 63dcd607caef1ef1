using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using static Beian.Core.Tests.Subjects.SubjectExamples;
using Codes = Beian.Core.Subjects.SubjectRuleCodes;
using Fields = Beian.Core.Subjects.SubjectFields;

namespace Beian.Core.Tests.Subjects;

public class OrganisationAddressAndKindTests
{
    [Fact]
    public void Office_address_is_required()
    {
        AssertFinding(WithOrganisation(o => o with { OfficeAddressDetail = "" }), Codes.OfficeAddressRequired, Fields.OfficeAddressDetail);
    }

    [Fact]
    public void Office_address_must_be_plausible()
    {
        AssertFinding(WithOrganisation(o => o with { OfficeAddressDetail = "1001" }), Codes.OfficeAddressInvalid, Fields.OfficeAddressDetail);
    }

    [Fact]
    public void An_imprecise_office_address_is_a_warning()
    {
        AssertFinding(WithOrganisation(o => o with { OfficeAddressDetail = "南山区科技园腾讯大厦" }),
            Codes.OfficeAddressImprecise, Fields.OfficeAddressDetail, Severity.Warning);
    }

    [Fact]
    public void Registered_address_is_optional_but_checked_when_given()
    {
        AssertNoFinding(WithOrganisation(o => o with { RegisteredAddressDetail = null }), Codes.RegisteredAddressInvalid);
        AssertFinding(WithOrganisation(o => o with { RegisteredAddressDetail = "888" }),
            Codes.RegisteredAddressInvalid, Fields.RegisteredAddressDetail);
        AssertFinding(WithOrganisation(o => o with { RegisteredAddressDetail = "南山区粤海街道" }),
            Codes.RegisteredAddressImprecise, Fields.RegisteredAddressDetail, Severity.Warning);
        Assert.Empty(Check(WithOrganisation(o => o with { RegisteredAddressDetail = "南山区粤海街道麻岭社区科技中一路1号" })));
    }

    [Fact]
    public void Kinds_have_Chinese_display_names()
    {
        string[] expected = ["企业单位", "政府机关", "事业单位", "社会团体", "国防军队", "军队院校", "高等院校", "民办非企业单位", "基金会", "境外组织"];
        Assert.Equal(expected, OrganisationKinds.All.Select(kind => kind.DisplayName()));
        Assert.Equal(OrganisationKind.Foundation, OrganisationKinds.FromDisplayName("基金会"));
        Assert.Equal("个人", SubjectNature.Individual.DisplayName());
        Assert.Equal("单位", SubjectNature.Organisation.DisplayName());
    }

    [Fact]
    public void Every_kind_allows_only_organisational_certificates()
    {
        foreach (var kind in OrganisationKinds.All)
        {
            Assert.NotEmpty(AllowedCertificates.For(kind));
            Assert.All(AllowedCertificates.For(kind), type => Assert.True(type.IsOrganisational()));
        }
        Assert.Equal(CertificateTypes.Personal, AllowedCertificates.ForPrincipal);
    }

    [Fact]
    public void An_enterprise_never_uses_an_army_code_and_only_the_army_does()
    {
        var withArmyCode = OrganisationKinds.All.Where(kind => AllowedCertificates.Allows(kind, CertificateType.MilitaryUnitCode));
        Assert.Equal([OrganisationKind.MilitaryUnit, OrganisationKind.MilitaryAcademy], withArmyCode);
    }

    [Fact]
    public void Keyword_lists_load_from_embedded_data()
    {
        var keywords = SubjectKeywords.Default;
        Assert.Contains("先生", keywords.FakeNameWords);
        Assert.Contains("公司", keywords.OrganisationWords);
        Assert.Contains("欧阳", keywords.CommonSurnames);
        Assert.Contains("13800138000", keywords.WellKnownTestMobiles);
        Assert.NotEmpty(keywords.AddressPreciseMarkers);
        Assert.NotEmpty(keywords.DomainSuffixes);
    }

    [Fact]
    public void Rules_use_the_keywords_they_are_given()
    {
        var keywords = SubjectKeywords.Default with { FakeNameWords = [.. SubjectKeywords.Default.FakeNameWords, "伟"] };
        var findings = SubjectRules.Check(Person, Today, keywords);
        Assert.Contains(findings, finding => finding.Code == Codes.PrincipalNameFake);
    }

    [Fact]
    public void Findings_helpers()
    {
        var findings = Check(WithPrincipal(Company, p => p with { Mobile = "13800138000", ResidenceAddressDetail = "南山区深南大道" }));
        Assert.True(findings.HasErrors());
        Assert.Single(findings.Errors());
        Assert.Single(findings.Warnings());
        Assert.Single(findings.ForField(Fields.Mobile));
        Assert.True(findings.Has(Codes.MobileFake));
    }
}
