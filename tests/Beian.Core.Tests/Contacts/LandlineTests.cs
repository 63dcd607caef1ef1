using Beian.Core.Contacts;

namespace Beian.Core.Tests.Contacts;

public class LandlineTests
{
    [Theory]
    [InlineData("010-62345678")]             // 3-digit area code, 8-digit number
    [InlineData("0571-87654321")]            // 4-digit area code, 8-digit number
    [InlineData("0943-2345678")]             // 4-digit area code, 7-digit number
    [InlineData("021-5123456")]              // 3-digit area code, 7-digit number
    [InlineData("0086-010-62345678")]
    [InlineData("0086-0571-87654321")]
    [InlineData("0571-87654321-123")]        // extension
    [InlineData("010-62345678-1")]
    [InlineData("010-62345678-123456")]      // six-digit extension
    [InlineData("0086-0571-87654321-8001")]
    [InlineData("  0571-87654321  ")]        // surrounding spaces are trimmed
    [InlineData("0571-22222223")]            // repeated digits but not all the same
    public void Area_code_and_number_in_the_manuals_format_are_valid(string input)
    {
        Assert.True(Landline.IsValid(input));
    }

    [Theory]
    [InlineData("87654321")]                 // no area code
    [InlineData("-87654321")]
    [InlineData("571-87654321")]             // area code not starting with 0
    [InlineData("1571-87654321")]
    [InlineData("01-87654321")]              // area code too short
    [InlineData("05712-87654321")]           // area code too long
    [InlineData("010-12345678")]             // number starting with 1
    [InlineData("010-02345678")]             // number starting with 0
    [InlineData("0571-1234567")]
    [InlineData("010-00000000")]             // all one digit
    [InlineData("0571-8888888")]
    [InlineData("010-22222222")]
    [InlineData("010-99999999-123")]
    [InlineData("010-6234567a")]             // letters
    [InlineData("abc-62345678")]
    [InlineData("010-623456")]               // number too short
    [InlineData("010-623456789")]            // number too long
    [InlineData("010-62345678-1234567")]     // extension too long
    [InlineData("010-62345678-")]            // empty extension
    [InlineData("01062345678")]              // no dash
    [InlineData("010 62345678")]
    [InlineData("+86-010-62345678")]         // only 0086- is accepted as the country prefix
    [InlineData("0086-10-62345678")]         // area code after 0086 still starts with 0
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Other_spellings_are_invalid(string? input)
    {
        Assert.False(Landline.IsValid(input));
    }

    [Theory]
    [InlineData("０１０-６２３４５６７８")]          // full-width digits
    [InlineData("010-6234567\u0668")]       // an Arabic-Indic digit
    public void Numbers_with_non_ascii_digits_are_invalid(string input)
    {
        Assert.False(Landline.IsValid(input));
    }
}
