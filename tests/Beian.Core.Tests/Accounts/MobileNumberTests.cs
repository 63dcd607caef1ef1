using Beian.Core.Accounts;

namespace Beian.Core.Tests.Accounts;

public class MobileNumberTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("14700000001")]
    [InlineData("15912345678")]
    [InlineData("16612345678")]
    [InlineData("17712345678")]
    [InlineData("18612345678")]
    [InlineData("19912345678")]
    public void Mainland_numbers_starting_13_to_19_are_valid(string number)
    {
        Assert.True(MobileNumber.IsValid(number));
    }

    [Theory]
    [InlineData("12812345678")]       // 12x
    [InlineData("10012345678")]       // 10x
    [InlineData("11012345678")]       // 11x
    [InlineData("23800138000")]       // does not start with 1
    [InlineData("1380013800")]        // 10 digits
    [InlineData("138001380001")]      // 12 digits
    [InlineData("1380013800a")]       // a letter
    [InlineData("138OO138000")]       // letter O for zero
    [InlineData("138.0013.8000")]     // dots are not stripped
    [InlineData("+8513800138000")]    // another country's prefix
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Other_numbers_are_invalid(string? number)
    {
        Assert.False(MobileNumber.IsValid(number));
    }

    [Theory]
    [InlineData("１３８００１３８０００")]                 // full-width digits
    [InlineData("138００１３８０００")]                    // mixed ASCII and full-width digits
    [InlineData("13\u0668\u0660\u0660\u0661\u0663\u0668\u0660\u0660\u0660")] // Arabic-Indic digits
    public void Numbers_with_non_ascii_digits_are_invalid(string number)
    {
        // Such a number would be hashed differently from its ASCII spelling and so slip past
        // the one-account-per-mobile check; the SMS gateway cannot send to it either.
        Assert.False(MobileNumber.IsValid(number));
    }

    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("+8613800138000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("008613800138000", "13800138000")]
    [InlineData(" 138 0013 8000 ", "13800138000")]
    [InlineData("138\t0013\u30008000", "13800138000")]  // tab and ideographic space
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("13800138000", "13800138000")]
    public void Normalize_strips_spaces_dashes_and_the_country_prefix(string input, string expected)
    {
        Assert.Equal(expected, MobileNumber.Normalize(input));
        Assert.True(MobileNumber.IsValid(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Normalize_of_nothing_is_empty(string? input)
    {
        Assert.Equal(string.Empty, MobileNumber.Normalize(input));
    }

    [Fact]
    public void Normalize_only_strips_the_prefix_once_at_the_start()
    {
        Assert.Equal("1388613800", MobileNumber.Normalize("1388613800"));
        Assert.Equal("8613800138000", MobileNumber.Normalize("+86 86 13800138000"));
    }

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("+86 138-0013-8000", "138****8000")]
    [InlineData("0086 186 1234 5678", "186****5678")]
    public void Mask_hides_the_middle_four_digits(string input, string expected)
    {
        Assert.Equal(expected, MobileNumber.Mask(input));
    }

    [Theory]
    [InlineData("1380013800", "138***3800")]   // not 11 digits: generic middle mask
    [InlineData("1234567", "*******")]
    [InlineData(null, "")]
    public void Mask_of_an_unusual_length_falls_back_to_masking_the_middle(string? input, string expected)
    {
        Assert.Equal(expected, MobileNumber.Mask(input));
    }
}
