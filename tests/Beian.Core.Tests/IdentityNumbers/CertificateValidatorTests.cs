using Beian.Core.IdentityNumbers;

namespace Beian.Core.Tests.IdentityNumbers;

public class CertificateValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(CertificateType.ResidentIdCard, "11010519491231002X")]
    [InlineData(CertificateType.Passport, "E12345678")]
    [InlineData(CertificateType.HongKongMacauPermit, "H12345678")]
    [InlineData(CertificateType.TaiwanPermit, "12345678")]
    [InlineData(CertificateType.ForeignPermanentResidentCard, "91184019850101001X")]
    [InlineData(CertificateType.HkMacaoTaiwanResidencePermit, "810000199001011230")]
    [InlineData(CertificateType.UnifiedSocialCreditCode, "91110000802100433B")]
    [InlineData(CertificateType.BusinessLicense, "110108000000016")]
    [InlineData(CertificateType.OrganizationCode, "80210043-3")]
    [InlineData(CertificateType.PublicInstitutionCertificate, "121000004000003213")]
    [InlineData(CertificateType.SocialOrganizationCertificate, "51100000500000022F")]
    [InlineData(CertificateType.MilitaryUnitCode, "61001")]
    [InlineData(CertificateType.PrivateNonEnterpriseCertificate, "52110000MJ00000016")]
    [InlineData(CertificateType.FoundationCertificate, "53100000500000343F")]
    [InlineData(CertificateType.ForeignOrganizationCertificate, "C-123456")]
    public void Every_type_has_a_validator(CertificateType type, string number)
    {
        Assert.True(CertificateValidator.Check(type, number, Today).IsValid);
        Assert.False(CertificateValidator.Check(type, "?", Today).IsValid);
        Assert.Equal("请填写证件号码", CertificateValidator.Check(type, " ", Today).Message);
    }

    [Fact]
    public void A_credit_code_is_not_a_resident_id()
    {
        var check = CertificateValidator.Check(CertificateType.ResidentIdCard, "91110000802100433B", Today);
        Assert.False(check.IsValid);
    }

    [Fact]
    public void Display_names_and_lists()
    {
        Assert.Equal("居民身份证", CertificateType.ResidentIdCard.DisplayName());
        Assert.Equal("统一社会信用代码证", CertificateType.UnifiedSocialCreditCode.DisplayName());
        Assert.Equal(CertificateType.MilitaryUnitCode, CertificateTypes.FromDisplayName("军队单位代号"));
        Assert.Null(CertificateTypes.FromDisplayName("驾驶证"));
        Assert.Equal(6, CertificateTypes.Personal.Count);
        Assert.Equal(9, CertificateTypes.Organisational.Count);
        Assert.Empty(CertificateTypes.Personal.Intersect(CertificateTypes.Organisational));
        Assert.All(Enum.GetValues<CertificateType>(), type => Assert.False(string.IsNullOrEmpty(type.DisplayName())));
        Assert.All(Enum.GetValues<CertificateType>(), type => Assert.True(type.IsPersonal() ^ type.IsOrganisational()));
    }
}
