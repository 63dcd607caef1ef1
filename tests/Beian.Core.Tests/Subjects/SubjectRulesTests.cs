using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using static Beian.Core.Tests.Subjects.SubjectExamples;
using Codes = Beian.Core.Subjects.SubjectRuleCodes;
using Fields = Beian.Core.Subjects.SubjectFields;

namespace Beian.Core.Tests.Subjects;

public class SubjectRulesTests
{
    [Fact]
    public void A_well_formed_company_has_no_findings()
    {
        Assert.Empty(Check(Company));
    }

    [Fact]
    public void A_well_formed_person_has_no_findings()
    {
        Assert.Empty(Check(Person));
    }

    [Fact]
    public void A_person_is_not_checked_for_organisation_fields()
    {
        var person = Person with { Organisation = new OrganisationFacts { Name = "www.x.com" } };
        Assert.Empty(Check(person));
    }

    [Fact]
    public void Kind_is_required_for_an_organisation()
    {
        AssertFinding(Company with { Kind = null }, Codes.KindRequired, Fields.Kind);
    }

    // 主办单位名称

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Organisation_name_is_required(string? name)
    {
        AssertFinding(WithOrganisation(o => o with { Name = name }), Codes.OrganisationNameRequired, Fields.OrganisationName);
    }

    [Theory]
    [InlineData("www.qq.com")]
    [InlineData("tencent.com")]
    [InlineData("腾讯网qq.com")]
    [InlineData("http://腾讯")]
    [InlineData("example.com.cn")]
    public void Organisation_name_may_not_be_a_domain(string name)
    {
        AssertFinding(WithOrganisation(o => o with { Name = name }), Codes.OrganisationNameDomain, Fields.OrganisationName);
    }

    [Theory]
    [InlineData("ABC Technology")]
    [InlineData("12345678")]
    [InlineData("QQ-2024")]
    public void A_domestic_organisation_name_may_not_be_only_letters_or_digits(string name)
    {
        AssertFinding(WithOrganisation(o => o with { Name = name }), Codes.OrganisationNameSymbols, Fields.OrganisationName);
    }

    [Fact]
    public void A_foreign_organisation_may_have_a_Latin_name_but_not_digits_only()
    {
        var foreign = Company with
        {
            Kind = OrganisationKind.ForeignOrganization,
            Organisation = Company.Organisation with
            {
                Name = "Example Trading Co., Ltd.",
                CertificateType = CertificateType.ForeignOrganizationCertificate,
                CertificateNumber = "C-123456",
            },
        };
        Assert.Empty(Check(foreign));
        AssertFinding(foreign with { Organisation = foreign.Organisation with { Name = "123456" } },
            Codes.OrganisationNameSymbols, Fields.OrganisationName);
    }

    [Theory]
    [InlineData("腾讯")]
    [InlineData("腾讯司")]
    public void A_domestic_organisation_name_has_at_least_four_characters(string name)
    {
        AssertFinding(WithOrganisation(o => o with { Name = name }), Codes.OrganisationNameTooShort, Fields.OrganisationName);
        AssertNoFinding(WithOrganisation(o => o with { Name = "腾讯公司" }), Codes.OrganisationNameTooShort);
    }

    [Theory]
    [InlineData("王先生的工作室")]
    [InlineData("张三个人网站工作室")]
    [InlineData("李女士服装店")]
    public void Organisation_name_may_not_name_a_person(string name)
    {
        AssertFinding(WithOrganisation(o => o with { Name = name }), Codes.OrganisationNamePersonalWord, Fields.OrganisationName);
    }

    [Theory]
    [InlineData(OrganisationKind.GovernmentAgency, "北京某某科技有限公司")]
    [InlineData(OrganisationKind.PublicInstitution, "某某集团")]
    [InlineData(OrganisationKind.SocialOrganization, "某某市第一服装厂")]
    [InlineData(OrganisationKind.University, "某某教育科技股份有限公司（筹）")]
    public void A_company_name_requires_the_enterprise_kind(OrganisationKind kind, string name)
    {
        var facts = Company with { Kind = kind, Organisation = Company.Organisation with { Name = name } };
        var finding = AssertFinding(facts, Codes.OrganisationNameKind, Fields.OrganisationName);
        Assert.Contains("企业单位", finding.Message);
    }

    [Theory]
    [InlineData(OrganisationKind.Enterprise, "北京某某科技有限公司")]
    [InlineData(OrganisationKind.ForeignOrganization, "香港某某贸易有限公司")]
    [InlineData(OrganisationKind.GovernmentAgency, "北京市东城区人民政府")]
    public void A_company_name_of_an_enterprise_or_foreign_organisation_passes(OrganisationKind kind, string name)
    {
        var facts = Company with { Kind = kind, Organisation = Company.Organisation with { Name = name } };
        AssertNoFinding(facts, Codes.OrganisationNameKind);
    }

    [Theory]
    [InlineData("欧阳娜娜")]
    [InlineData("王建国华")]
    public void An_organisation_name_that_looks_like_a_person_is_a_warning(string name)
    {
        var finding = AssertFinding(WithOrganisation(o => o with { Name = name }),
            Codes.OrganisationNameLooksLikePerson, Fields.OrganisationName, Severity.Warning);
        Assert.Contains("个人", finding.Message);
    }

    [Theory]
    [InlineData("王家酒店")]
    [InlineData("黄山学院")]
    [InlineData("李宁体育用品有限公司")]
    public void Organisation_names_with_an_organisation_word_do_not_look_like_a_person(string name)
    {
        AssertNoFinding(WithOrganisation(o => o with { Name = name }), Codes.OrganisationNameLooksLikePerson);
    }

    // 主办单位证件

    [Fact]
    public void Organisation_certificate_type_is_required()
    {
        AssertFinding(WithOrganisation(o => o with { CertificateType = null }),
            Codes.OrganisationCertificateTypeRequired, Fields.OrganisationCertificateType);
    }

    [Theory]
    [InlineData(CertificateType.MilitaryUnitCode, "61001")]
    [InlineData(CertificateType.ResidentIdCard, "11010519491231002X")]
    [InlineData(CertificateType.Passport, "E12345678")]
    public void An_enterprise_may_not_use_an_army_code_or_a_personal_certificate(CertificateType type, string number)
    {
        var facts = WithOrganisation(o => o with { CertificateType = type, CertificateNumber = number });
        AssertFinding(facts, Codes.OrganisationCertificateTypeKind, Fields.OrganisationCertificateType);
    }

    [Theory]
    [InlineData(OrganisationKind.Enterprise, CertificateType.BusinessLicense, "110108000000016")]
    [InlineData(OrganisationKind.Enterprise, CertificateType.OrganizationCode, "80210043-3")]
    [InlineData(OrganisationKind.MilitaryUnit, CertificateType.MilitaryUnitCode, "61001")]
    [InlineData(OrganisationKind.PublicInstitution, CertificateType.PublicInstitutionCertificate, "121000004000003213")]
    [InlineData(OrganisationKind.SocialOrganization, CertificateType.SocialOrganizationCertificate, "51100000500000022F")]
    [InlineData(OrganisationKind.PrivateNonEnterprise, CertificateType.PrivateNonEnterpriseCertificate, "52110000MJ00000016")]
    [InlineData(OrganisationKind.Foundation, CertificateType.FoundationCertificate, "53100000500000343F")]
    [InlineData(OrganisationKind.GovernmentAgency, CertificateType.UnifiedSocialCreditCode, "11100000000013127D")]
    public void Fitting_certificates_pass(OrganisationKind kind, CertificateType type, string number)
    {
        var facts = Company with
        {
            Kind = kind,
            Organisation = Company.Organisation with { Name = "某某市某某管理中心", CertificateType = type, CertificateNumber = number },
        };
        var codes = Check(facts).Select(f => f.Code).ToList();
        Assert.DoesNotContain(Codes.OrganisationCertificateTypeKind, codes);
        Assert.DoesNotContain(Codes.OrganisationCertificateNumberInvalid, codes);
        Assert.DoesNotContain(Codes.OrganisationCertificateNumberKind, codes);
    }

    [Fact]
    public void Organisation_certificate_number_is_required()
    {
        AssertFinding(WithOrganisation(o => o with { CertificateNumber = "" }),
            Codes.OrganisationCertificateNumberRequired, Fields.OrganisationCertificateNumber);
    }

    [Theory]
    [InlineData(CertificateType.UnifiedSocialCreditCode, "91440300708461136U", UnifiedSocialCreditCode.CheckCharacterMessage)]
    [InlineData(CertificateType.BusinessLicense, "110108000000017", BusinessRegistrationNumber.CheckDigitMessage)]
    [InlineData(CertificateType.OrganizationCode, "70946113-0", OrganizationCode.CheckCharacterMessage)]
    public void Organisation_certificate_number_must_be_valid_for_its_type(CertificateType type, string number, string message)
    {
        var facts = WithOrganisation(o => o with { CertificateType = type, CertificateNumber = number });
        var finding = AssertFinding(facts, Codes.OrganisationCertificateNumberInvalid, Fields.OrganisationCertificateNumber);
        Assert.Equal(message, finding.Message);
    }

    [Theory]
    [InlineData(OrganisationKind.Enterprise, "11100000000013127D")]
    [InlineData(OrganisationKind.SocialOrganization, "91440300708461136T")]
    [InlineData(OrganisationKind.GovernmentAgency, "121000004000003213")]
    public void A_credit_code_from_another_register_is_a_warning(OrganisationKind kind, string code)
    {
        var facts = Company with
        {
            Kind = kind,
            Organisation = Company.Organisation with { Name = "某某市某某管理中心", CertificateNumber = code },
        };
        AssertFinding(facts, Codes.OrganisationCertificateNumberKind, Fields.OrganisationCertificateNumber, Severity.Warning);
    }

    [Fact]
    public void A_credit_code_registered_in_another_province_than_the_office_is_a_warning()
    {
        var facts = WithOrganisation(o => o with { OfficeProvinceCode = "330000" });
        var finding = AssertFinding(facts, Codes.OrganisationCertificateNumberRegion, Fields.OrganisationCertificateNumber, Severity.Warning);
        Assert.Equal("统一社会信用代码的登记管理机关行政区划（广东省）与单位办公地址所在省份（浙江省）不一致，请核对", finding.Message);
    }

    [Fact]
    public void A_business_licence_carrying_a_credit_code_is_compared_too()
    {
        var facts = WithOrganisation(o => o with { CertificateType = CertificateType.BusinessLicense, OfficeProvinceCode = "110000" });
        var finding = AssertFinding(facts, Codes.OrganisationCertificateNumberRegion, Fields.OrganisationCertificateNumber, Severity.Warning);
        Assert.Contains("（广东省）", finding.Message);
        Assert.Contains("（北京市）", finding.Message);
    }

    [Fact]
    public void A_credit_code_of_the_offices_province_is_no_warning()
    {
        AssertNoFinding(Company, Codes.OrganisationCertificateNumberRegion);
        AssertNoFinding(WithOrganisation(o => o with { OfficeProvinceCode = null }), Codes.OrganisationCertificateNumberRegion);
    }

    [Theory]
    [InlineData("100000")] // registered by a national authority
    [InlineData("320103")] // 南京市白下区, abolished in 2013: no longer a known division code
    public void Only_a_known_division_code_is_compared(string region)
    {
        var first17 = "91" + region + "708461136";
        var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
        Assert.True(UnifiedSocialCreditCode.Check(code).IsValid);
        AssertNoFinding(WithOrganisation(o => o with { CertificateNumber = code, OfficeProvinceCode = "330000" }), Codes.OrganisationCertificateNumberRegion);
    }

    // 法定代表人姓名

    [Fact]
    public void Legal_representative_is_required_for_an_organisation()
    {
        AssertFinding(WithOrganisation(o => o with { LegalRepresentative = " " }),
            Codes.LegalRepresentativeRequired, Fields.LegalRepresentative);
    }

    [Theory]
    [InlineData("王先生")]
    [InlineData("法人")]
    [InlineData("马化腾123")]
    [InlineData("腾讯科技有限公司")]
    public void Legal_representative_must_be_a_real_name(string name)
    {
        AssertFinding(WithOrganisation(o => o with { LegalRepresentative = name }),
            Codes.LegalRepresentativeName, Fields.LegalRepresentative);
    }

    [Theory]
    [InlineData("Pony Ma")]
    [InlineData("阿依古丽·买买提")]
    public void Legal_representatives_may_be_foreign_or_minority_names(string name)
    {
        AssertNoFinding(WithOrganisation(o => o with { LegalRepresentative = name }), Codes.LegalRepresentativeName);
    }
}
