using Beian.Core.IdentityNumbers;

namespace Beian.Core.Tests.IdentityNumbers;

public class BusinessLicenseTests
{
    [Theory]
    [InlineData("110108000000016")]
    [InlineData("440301103569982")]
    [InlineData("310000000000000")]
    public void Registration_numbers_with_a_MOD_11_10_check_digit_pass(string number)
    {
        Assert.True(BusinessRegistrationNumber.Check(number).IsValid);
        Assert.True(BusinessLicense.Check(number).IsValid);
    }

    [Theory]
    [InlineData("110108000000017", BusinessRegistrationNumber.CheckDigitMessage)]
    [InlineData("440301103569985", BusinessRegistrationNumber.CheckDigitMessage)]
    [InlineData("11010800000001A", BusinessRegistrationNumber.FormatMessage)]
    public void Registration_numbers_with_a_wrong_check_digit_fail(string number, string message)
    {
        var check = BusinessRegistrationNumber.Check(number);
        Assert.False(check.IsValid);
        Assert.Equal(message, check.Message);
        Assert.False(BusinessLicense.Check(number).IsValid);
    }

    [Theory]
    [InlineData("11010800000001", '6')]
    [InlineData("44030110356998", '2')]
    [InlineData("31000000000000", '0')]
    public void Check_digit_follows_MOD_11_10(string first14, char expected)
    {
        Assert.Equal(expected, BusinessRegistrationNumber.CheckDigit(first14));
    }

    [Fact]
    public void A_licence_may_carry_a_credit_code()
    {
        var check = BusinessLicense.Check("91440300708461136t");
        Assert.True(check.IsValid, check.Message);
        Assert.Equal("91440300708461136T", check.Normalized);
        Assert.Equal(UnifiedSocialCreditCode.CheckCharacterMessage, BusinessLicense.Check("91440300708461136U").Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1101080000000")]
    [InlineData("11010800000001600")]
    public void Other_lengths_fail(string number)
    {
        Assert.False(BusinessLicense.Check(number).IsValid);
    }
}
