using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using static Beian.Core.Tests.Subjects.SubjectExamples;
using Codes = Beian.Core.Subjects.SubjectRuleCodes;
using Fields = Beian.Core.Subjects.SubjectFields;

namespace Beian.Core.Tests.Subjects;

public class PrincipalRulesTests
{
    // 负责人姓名

    [Fact]
    public void Principal_name_is_required()
    {
        AssertFinding(WithPrincipal(Person, p => p with { Name = "" }), Codes.PrincipalNameRequired, Fields.PrincipalName);
    }

    [Theory]
    [InlineData("王先生")]
    [InlineData("李小姐")]
    [InlineData("李女士")]
    [InlineData("个人")]
    [InlineData("某某")]
    [InlineData("李某")]
    [InlineData("测试")]
    [InlineData("无")]
    [InlineData("不详")]
    [InlineData("负责人")]
    [InlineData("法人")]
    [InlineData("管理员")]
    [InlineData("张总")]
    [InlineData("欧阳先生")]
    public void Principal_name_may_not_be_a_form_of_address_or_a_placeholder(string name)
    {
        AssertFinding(WithPrincipal(Person, p => p with { Name = name }), Codes.PrincipalNameFake, Fields.PrincipalName);
    }

    [Theory]
    [InlineData("张伟")]
    [InlineData("欧阳娜娜")]
    [InlineData("阿依古丽·买买提")]
    [InlineData("爱新觉罗•启星")]
    [InlineData("王总华")]
    public void Real_Chinese_names_pass(string name)
    {
        Assert.Empty(Check(WithPrincipal(Person, p => p with { Name = name })));
    }

    [Theory]
    [InlineData("某某科技有限公司")]
    [InlineData("张三工作室")]
    [InlineData("创新中心")]
    [InlineData("摄影协会")]
    public void A_person_subject_has_a_natural_person_as_principal(string name)
    {
        var finding = AssertFinding(WithPrincipal(Person, p => p with { Name = name }),
            Codes.PrincipalNameOrganisation, Fields.PrincipalName);
        Assert.Equal("个人主体的负责人姓名应为自然人姓名", finding.Message);
    }

    [Fact]
    public void An_organisation_subject_has_a_natural_person_as_principal_too()
    {
        AssertFinding(WithPrincipal(Company, p => p with { Name = "腾讯科技有限公司" }),
            Codes.PrincipalNameOrganisation, Fields.PrincipalName);
    }

    [Theory]
    [InlineData("Zhang Wei")]
    [InlineData("张伟2")]
    [InlineData("张")]
    [InlineData("张伟A")]
    [InlineData("·张伟")]
    [InlineData("张_伟")]
    public void A_resident_id_holder_has_a_Chinese_name(string name)
    {
        AssertFinding(WithPrincipal(Person, p => p with { Name = name }), Codes.PrincipalNameFormat, Fields.PrincipalName);
    }

    [Theory]
    [InlineData("John Smith", true)]
    [InlineData("Anne-Marie O'Neil", true)]
    [InlineData("陈大文", true)]
    [InlineData("John Smith 2", false)]
    [InlineData("J", false)]
    public void Other_holders_may_use_letters_but_no_digits(string name, bool valid)
    {
        var facts = WithPrincipal(Person, p => p with
        {
            Name = name,
            CertificateType = CertificateType.Passport,
            CertificateNumber = "E12345678",
        });
        if (valid) AssertNoFinding(facts, Codes.PrincipalNameFormat);
        else AssertFinding(facts, Codes.PrincipalNameFormat, Fields.PrincipalName);
    }

    // 负责人证件

    [Fact]
    public void Principal_certificate_type_is_required()
    {
        AssertFinding(WithPrincipal(Person, p => p with { CertificateType = null }),
            Codes.PrincipalCertificateTypeRequired, Fields.PrincipalCertificateType);
    }

    [Fact]
    public void Principal_certificate_is_a_personal_one()
    {
        var facts = WithPrincipal(Person, p => p with
        {
            CertificateType = CertificateType.UnifiedSocialCreditCode,
            CertificateNumber = "91440300708461136T",
        });
        AssertFinding(facts, Codes.PrincipalCertificateTypePersonal, Fields.PrincipalCertificateType);
    }

    [Fact]
    public void Principal_certificate_number_is_required()
    {
        AssertFinding(WithPrincipal(Person, p => p with { CertificateNumber = null }),
            Codes.PrincipalCertificateNumberRequired, Fields.PrincipalCertificateNumber);
    }

    [Theory]
    [InlineData(CertificateType.ResidentIdCard, "440305199003071235", ResidentIdCard.CheckCharacterMessage)]
    [InlineData(CertificateType.ResidentIdCard, "44030519900307123", ResidentIdCard.LengthMessage)]
    [InlineData(CertificateType.HongKongMacauPermit, "K12345678", HongKongMacauPermit.FormatMessage)]
    public void Principal_certificate_number_must_be_valid_for_its_type(CertificateType type, string number, string message)
    {
        var facts = WithPrincipal(Person, p => p with { CertificateType = type, CertificateNumber = number });
        var finding = AssertFinding(facts, Codes.PrincipalCertificateNumberInvalid, Fields.PrincipalCertificateNumber);
        Assert.Equal(message, finding.Message);
    }

    // 证件有效期

    [Fact]
    public void Validity_is_required_unless_long_term()
    {
        AssertFinding(WithPrincipal(Person, p => p with { CertificateValidUntil = null }),
            Codes.ValidityRequired, Fields.PrincipalCertificateValidUntil);
    }

    [Fact]
    public void An_expired_certificate_is_an_error()
    {
        var finding = AssertFinding(WithPrincipal(Person, p => p with { CertificateValidUntil = Today.AddDays(-1) }),
            Codes.CertificateExpired, Fields.PrincipalCertificateValidUntil);
        Assert.Equal("证件已过有效期", finding.Message);
        AssertNoFinding(WithPrincipal(Person, p => p with { CertificateValidUntil = Today }), Codes.CertificateExpired);
    }

    [Fact]
    public void A_validity_more_than_twenty_years_ahead_is_a_warning()
    {
        AssertFinding(WithPrincipal(Person, p => p with { CertificateValidUntil = Today.AddYears(20).AddDays(1) }),
            Codes.ValidityTooFar, Fields.PrincipalCertificateValidUntil, Severity.Warning);
        AssertNoFinding(WithPrincipal(Person, p => p with { CertificateValidUntil = Today.AddYears(20) }), Codes.ValidityTooFar);
    }

    [Fact]
    public void Long_term_is_plausible_for_a_resident_id_holder_aged_46_or_more()
    {
        var older = WithPrincipal(Person, p => p with
        {
            CertificateNumber = "11010519491231002X",
            CertificateValidUntil = null,
            CertificateLongTerm = true,
        });
        Assert.Empty(Check(older));
    }

    [Fact]
    public void Long_term_for_a_younger_holder_or_another_certificate_is_a_warning()
    {
        var younger = WithPrincipal(Person, p => p with { CertificateValidUntil = null, CertificateLongTerm = true });
        AssertFinding(younger, Codes.LongTermUnlikely, Fields.PrincipalCertificateValidUntil, Severity.Warning);

        var passport = WithPrincipal(younger, p => p with
        {
            CertificateType = CertificateType.Passport,
            CertificateNumber = "E12345678",
        });
        AssertFinding(passport, Codes.LongTermUnlikely, Fields.PrincipalCertificateValidUntil, Severity.Warning);
    }

    // 常住地址

    [Fact]
    public void Residence_address_is_required()
    {
        AssertFinding(WithPrincipal(Person, p => p with { ResidenceAddressDetail = null }),
            Codes.ResidenceAddressRequired, Fields.ResidenceAddressDetail);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("南山区")]
    [InlineData("#101-2")]
    public void Residence_address_must_be_plausible(string detail)
    {
        AssertFinding(WithPrincipal(Person, p => p with { ResidenceAddressDetail = detail }),
            Codes.ResidenceAddressInvalid, Fields.ResidenceAddressDetail);
    }

    [Theory]
    [InlineData("南山区深南大道")]
    [InlineData("朝阳区某某社区")]
    [InlineData("海淀区中关村大街号")]
    [InlineData("海淀区中关村南大街")]
    public void An_imprecise_residence_address_is_a_warning(string detail)
    {
        var finding = AssertFinding(WithPrincipal(Person, p => p with { ResidenceAddressDetail = detail }),
            Codes.ResidenceAddressImprecise, Fields.ResidenceAddressDetail, Severity.Warning);
        Assert.Equal("详细地址应精确到门牌号（农村地区到村、组）", finding.Message);
    }

    [Theory]
    [InlineData("南山区深南大道10000号")]
    [InlineData("朝阳区望京花园3栋2单元501室")]
    [InlineData("某某街道某某小区B座")]
    [InlineData("城关镇十里铺村三组")]
    [InlineData("某某乡某某村")]
    [InlineData("十里铺村")]
    [InlineData("海淀区中关村大街二十七号")]
    public void Precise_addresses_pass(string detail)
    {
        AssertNoFinding(WithPrincipal(Person, p => p with { ResidenceAddressDetail = detail }), Codes.ResidenceAddressImprecise);
    }

    // 手机号码

    [Fact]
    public void Mobile_is_required()
    {
        var finding = AssertFinding(WithPrincipal(Person, p => p with { Mobile = "" }), Codes.MobileRequired, Fields.Mobile);
        Assert.Equal("请填写真实的11位手机号码", finding.Message);
    }

    [Theory]
    [InlineData("1392587146")]
    [InlineData("23925871463")]
    [InlineData("12925871463")]
    [InlineData("0755-86013388")]
    public void Mobile_must_be_a_mainland_mobile_number(string mobile)
    {
        AssertFinding(WithPrincipal(Person, p => p with { Mobile = mobile }), Codes.MobileInvalid, Fields.Mobile);
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("13988888888")]
    [InlineData("13912345678")]
    [InlineData("15098765432")]
    [InlineData("13900139000")]
    public void Obviously_fake_mobiles_are_errors(string mobile)
    {
        AssertFinding(WithPrincipal(Person, p => p with { Mobile = mobile }), Codes.MobileFake, Fields.Mobile);
    }

    [Theory]
    [InlineData("+86 139 2587 1463")]
    [InlineData("19912345670")]
    public void Real_looking_mobiles_pass(string mobile)
    {
        Assert.Empty(Check(WithPrincipal(Person, p => p with { Mobile = mobile })));
    }

    // 办公室电话

    [Fact]
    public void Office_phone_is_required_for_an_organisation_only()
    {
        AssertFinding(WithPrincipal(Company, p => p with { OfficePhone = null }), Codes.OfficePhoneRequired, Fields.OfficePhone);
        AssertNoFinding(WithPrincipal(Person, p => p with { OfficePhone = null }), Codes.OfficePhoneRequired);
    }

    [Theory]
    [InlineData("010-00000000")]
    [InlineData("021-12345678")]
    [InlineData("0755-88888888")]
    [InlineData("0086-010-87654321")]
    public void Obviously_fake_office_phones_are_errors(string phone)
    {
        AssertFinding(WithPrincipal(Company, p => p with { OfficePhone = phone }), Codes.OfficePhoneFake, Fields.OfficePhone);
    }

    [Theory]
    [InlineData("86013388")]
    [InlineData("0755 86013388")]
    [InlineData("755-86013388")]
    [InlineData("0755-0128456")]
    public void Office_phone_must_be_well_formed(string phone)
    {
        AssertFinding(WithPrincipal(Person, p => p with { OfficePhone = phone }), Codes.OfficePhoneInvalid, Fields.OfficePhone);
    }

    [Theory]
    [InlineData("0086-0755-86013388")]
    [InlineData("010-62552255-8001")]
    public void Well_formed_office_phones_pass(string phone)
    {
        Assert.Empty(Check(WithPrincipal(Company, p => p with { OfficePhone = phone })));
    }

    // 电子邮件地址

    [Theory]
    [InlineData("zhangwei@")]
    [InlineData("zhangwei.example.com")]
    [InlineData("zhang wei@example.com")]
    [InlineData("a@b")]
    public void Email_when_given_must_be_well_formed(string email)
    {
        AssertFinding(WithPrincipal(Person, p => p with { Email = email }), Codes.EmailInvalid, Fields.Email);
    }

    [Fact]
    public void Email_is_optional()
    {
        Assert.Empty(Check(WithPrincipal(Person, p => p with { Email = null })));
    }
}
