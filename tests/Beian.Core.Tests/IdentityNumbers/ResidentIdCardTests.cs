using Beian.Core.IdentityNumbers;

namespace Beian.Core.Tests.IdentityNumbers;

public class ResidentIdCardTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example
    [InlineData("440305199003071236")]
    [InlineData("110101198001010010")]
    [InlineData("350623195912250425")]
    [InlineData("210402190001010010")] // born 1900-01-01
    public void Valid_numbers_pass(string number)
    {
        var check = ResidentIdCard.Check(number, Today);
        Assert.True(check.IsValid, check.Message);
        Assert.Equal(number, check.Normalized);
    }

    [Fact]
    public void Lower_case_x_and_spaces_are_normalised()
    {
        var check = ResidentIdCard.Check(" 110105 19491231 002x ", Today);
        Assert.True(check.IsValid, check.Message);
        Assert.Equal("11010519491231002X", check.Normalized);
    }

    [Fact]
    public void Full_width_digits_are_normalised()
    {
        Assert.True(ResidentIdCard.Check("１１０１０５１９４９１２３１００２Ｘ", Today).IsValid);
    }

    [Fact]
    public void An_abolished_county_code_inside_a_known_province_is_accepted()
    {
        // 320103 (南京市白下区) was merged into 秦淮区 in 2013 and is not in the catalog.
        Assert.Null(Beian.Core.Regions.RegionCatalog.Default.Find("320103"));
        Assert.True(ResidentIdCard.Check("320103198001010012", Today).IsValid);
    }

    [Theory]
    [InlineData("11010519491231002", ResidentIdCard.LengthMessage)]
    [InlineData("11010519491231002X1", ResidentIdCard.LengthMessage)]
    [InlineData("1101051949123100AX", ResidentIdCard.FormatMessage)]
    [InlineData("110105194912310021", ResidentIdCard.CheckCharacterMessage)]
    [InlineData("440305199003071235", ResidentIdCard.CheckCharacterMessage)]
    [InlineData("110105194902300012", ResidentIdCard.BirthDateMessage)] // 30 February
    [InlineData("11010520300101001X", ResidentIdCard.BirthDateMessage)] // in the future
    [InlineData("110105189912310010", ResidentIdCard.BirthDateTooEarlyMessage)] // before 1900
    [InlineData("710000199001010015", ResidentIdCard.AreaCodeMessage)] // 台湾: not issued on a 居民身份证
    [InlineData("810000199001011230", ResidentIdCard.AreaCodeMessage)] // a residence permit number
    [InlineData("110000199001010013", ResidentIdCard.AreaCodeMessage)] // a bare province code
    [InlineData("990101199001010011", ResidentIdCard.AreaCodeMessage)]
    public void Invalid_numbers_fail_with_the_reason(string number, string message)
    {
        var check = ResidentIdCard.Check(number, Today);
        Assert.False(check.IsValid);
        Assert.Equal(message, check.Message);
    }

    [Fact]
    public void A_birth_date_before_1900_is_named_as_such()
    {
        var first17 = "11010518991231001";
        var check = ResidentIdCard.Check(first17 + Gb11643.CheckCharacter(first17), Today);
        Assert.Equal("身份证号码中的出生日期早于1900年，请核对", check.Message);
    }

    [Fact]
    public void Empty_input_fails()
    {
        Assert.False(ResidentIdCard.Check(null, Today).IsValid);
        Assert.False(ResidentIdCard.Check("  ", Today).IsValid);
    }

    [Fact]
    public void Today_decides_whether_a_birth_date_is_in_the_future()
    {
        const string bornToday = "110101202611230014";
        var number = bornToday[..17] + Gb11643.CheckCharacter(bornToday[..17]);
        Assert.True(ResidentIdCard.Check(number, Today).IsValid);
        Assert.False(ResidentIdCard.Check(number, Today.AddDays(-1)).IsValid);
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44030519900307123", '6')]
    [InlineData("11010119800101001", '0')]
    public void Check_character_follows_MOD_11_2(string first17, char expected)
    {
        Assert.Equal(expected, Gb11643.CheckCharacter(first17));
    }
}
