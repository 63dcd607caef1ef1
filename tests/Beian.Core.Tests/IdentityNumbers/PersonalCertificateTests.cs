using Beian.Core.IdentityNumbers;

namespace Beian.Core.Tests.IdentityNumbers;

public class PersonalCertificateTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("E12345678", true)]
    [InlineData("EA1234567", true)]
    [InlineData("G12345678", true)]
    [InlineData("141234567", true)]
    [InlineData("P1234567", true)]
    [InlineData("DE1234567", true)]
    [InlineData("EI1234567", false)] // no I after E
    [InlineData("X12345678", false)]
    public void Chinese_passport_formats_are_recognised(string number, bool chinese)
    {
        Assert.Equal(chinese, Passport.IsChinesePassport(number));
    }

    [Theory]
    [InlineData("e12345678", "E12345678")]
    [InlineData("C01X00T47", "C01X00T47")] // a foreign (German) passport
    [InlineData("123456789", "123456789")]
    [InlineData("AB 1234567", "AB1234567")]
    public void Passports_of_5_to_17_letters_or_digits_pass(string input, string normalized)
    {
        var check = Passport.Check(input);
        Assert.True(check.IsValid, check.Message);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    [InlineData("E123")]
    [InlineData("E1234567890123456789")]
    [InlineData("ABCDEFGH")]
    [InlineData("E1234-5678")]
    [InlineData("护照12345678")]
    public void Other_passport_numbers_fail(string input)
    {
        Assert.Equal(Passport.FormatMessage, Passport.Check(input).Message);
    }

    [Theory]
    [InlineData("H12345678", true)]
    [InlineData("m12345678", true)]
    [InlineData("H1234567801", true)]
    [InlineData("H123456789", false)]
    [InlineData("K12345678", false)]
    [InlineData("12345678", false)]
    public void Hong_Kong_Macau_permits(string input, bool valid)
    {
        var check = HongKongMacauPermit.Check(input);
        Assert.Equal(valid, check.IsValid);
        if (!valid) Assert.Equal(HongKongMacauPermit.FormatMessage, check.Message);
    }

    [Theory]
    [InlineData("12345678", "12345678", true)]
    [InlineData("1234567801", "1234567801", true)]
    [InlineData("12345678(B)", "12345678B", false)]
    [InlineData("12345678（01）", "1234567801", true)]
    [InlineData("1234567", "1234567", false)]
    [InlineData("T12345678", "T12345678", false)]
    public void Taiwan_permits(string input, string normalized, bool valid)
    {
        var check = TaiwanPermit.Check(input);
        Assert.Equal(valid, check.IsValid);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    [InlineData("USA110086123451")] // 2017 card: 3 letters + 12 digits
    [InlineData("91184019850101001X")] // 2023 card: 9 + 11 (北京) + 840 (USA) + birth + seq + check
    public void Foreign_permanent_resident_cards_pass(string number)
    {
        var check = ForeignPermanentResidentCard.Check(number, Today);
        Assert.True(check.IsValid, check.Message);
    }

    [Theory]
    [InlineData("US110086123451", ForeignPermanentResidentCard.FormatMessage)]
    [InlineData("811840198501010016", ForeignPermanentResidentCard.FormatMessage)]
    [InlineData("91184019850101001", ForeignPermanentResidentCard.FormatMessage)]
    [InlineData("91184019850101001Y", ForeignPermanentResidentCard.FormatMessage)]
    [InlineData("911840198501010010", ForeignPermanentResidentCard.CheckCharacterMessage)]
    [InlineData("999840198501010010", ForeignPermanentResidentCard.ProvinceMessage)]
    [InlineData("931840203001010010", ForeignPermanentResidentCard.BirthDateMessage)]
    public void Invalid_foreign_permanent_resident_cards_fail(string number, string message)
    {
        Assert.Equal(message, ForeignPermanentResidentCard.Check(number, Today).Message);
    }

    [Theory]
    [InlineData("810000199001011230")]
    [InlineData("820000198512124568")]
    [InlineData("830000197007077892")]
    public void Residence_permits_pass(string number)
    {
        var check = HkMacaoTaiwanResidencePermit.Check(number, Today);
        Assert.True(check.IsValid, check.Message);
    }

    [Theory]
    [InlineData("810000199001011231", HkMacaoTaiwanResidencePermit.CheckCharacterMessage)]
    [InlineData("11010519491231002X", HkMacaoTaiwanResidencePermit.AreaCodeMessage)]
    [InlineData("810000199013011230", HkMacaoTaiwanResidencePermit.BirthDateMessage)]
    [InlineData("8100001990010112", HkMacaoTaiwanResidencePermit.FormatMessage)]
    public void Invalid_residence_permits_fail(string number, string message)
    {
        Assert.Equal(message, HkMacaoTaiwanResidencePermit.Check(number, Today).Message);
    }
}
