using Beian.Core.IdentityNumbers;

namespace Beian.Core.Tests.IdentityNumbers;

public class OrganisationalCertificateTests
{
    [Theory]
    [InlineData("110000123456", true)] // the old 12-digit 事证 number
    [InlineData("121000004000003213", true)]
    [InlineData("91440300708461136T", false)] // a valid credit code, but an enterprise's
    [InlineData("121000004000003214", false)]
    [InlineData("11000012345", false)]
    public void Public_institution_certificates(string number, bool valid)
    {
        Assert.Equal(valid, PublicInstitutionCertificate.Check(number).IsValid);
    }

    [Fact]
    public void Social_organisation_certificates_carry_a_51_credit_code()
    {
        Assert.True(SocialOrganizationCertificate.Check("51100000500000022F").IsValid);
        Assert.Equal(SocialOrganizationCertificate.PrefixMessage,
            SocialOrganizationCertificate.Check("52110000MJ00000016").Message);
        Assert.Equal(UnifiedSocialCreditCode.CheckCharacterMessage,
            SocialOrganizationCertificate.Check("51100000500000022G").Message);
    }

    [Fact]
    public void Private_non_enterprise_certificates_carry_a_52_credit_code()
    {
        Assert.True(PrivateNonEnterpriseCertificate.Check("52110000MJ00000016").IsValid);
        Assert.Equal(PrivateNonEnterpriseCertificate.PrefixMessage,
            PrivateNonEnterpriseCertificate.Check("51100000500000022F").Message);
    }

    [Fact]
    public void Foundation_certificates_carry_a_53_credit_code()
    {
        Assert.True(FoundationCertificate.Check("53100000500000343F").IsValid);
        Assert.Equal(FoundationCertificate.PrefixMessage,
            FoundationCertificate.Check("51100000500000022F").Message);
    }

    [Theory]
    [InlineData("61001", "61001", true)]
    [InlineData("61001部队", "61001", true)]
    [InlineData("A1100000MB0000001H", "A1100000MB0000001H", true)]
    [InlineData("6100", "6100", false)]
    [InlineData("610011", "610011", false)]
    [InlineData("A1100000MB0000001J", "A1100000MB0000001J", false)]
    public void Military_unit_codes(string input, string normalized, bool valid)
    {
        var check = MilitaryUnitCode.Check(input);
        Assert.Equal(valid, check.IsValid);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    [InlineData("C-123456", true)]
    [InlineData("HRB 86891", true)]
    [InlineData("12345678-000-03-25-A", true)]
    [InlineData("X", false)]
    [InlineData("ABCDEF", false)]
    [InlineData("12#45", false)]
    public void Foreign_organisation_certificates(string input, bool valid)
    {
        Assert.Equal(valid, ForeignOrganizationCertificate.Check(input).IsValid);
    }
}
