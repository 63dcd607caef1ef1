using Beian.Core.Accounts;

namespace Beian.Core.Tests.Accounts;

public class MaskingTests
{
    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("110101199003077777", "110***********7777")]
    [InlineData("12345678", "123*5678")]
    [InlineData("1234567", "*******")]
    [InlineData("abc", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskMiddle_keeps_three_at_the_start_and_four_at_the_end(string? value, string expected)
    {
        Assert.Equal(expected, Masking.MaskMiddle(value));
    }

    [Theory]
    [InlineData("110101199003077777", 6, 4, "110101********7777")]
    [InlineData("abcdef", 1, 1, "a****f")]
    [InlineData("abcdef", 0, 0, "******")]
    [InlineData("abcdef", 3, 3, "******")]
    public void MaskMiddle_honours_the_kept_lengths(string value, int keepStart, int keepEnd, string expected)
    {
        Assert.Equal(expected, Masking.MaskMiddle(value, keepStart, keepEnd));
    }

    [Theory]
    [InlineData("zhangsan@example.com", "z***@example.com")]
    [InlineData("a@b.cn", "a***@b.cn")]
    [InlineData("Li.Si+beian@mps.gov.cn", "L***@mps.gov.cn")]
    public void MaskEmail_keeps_the_first_letter_and_the_domain(string email, string expected)
    {
        Assert.Equal(expected, Masking.MaskEmail(email));
    }

    [Theory]
    [InlineData("@example.com", "@ex*****.com")]   // no local part: generic middle mask
    [InlineData("not-an-email", "not*****mail")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskEmail_of_something_that_is_not_an_address_masks_the_middle(string? email, string expected)
    {
        Assert.Equal(expected, Masking.MaskEmail(email));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("李小龙", "李**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("司马相如", "司马**")]
    [InlineData("阿卜杜热合曼", "阿卜****")]
    [InlineData("王", "王")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskPersonName_keeps_the_family_name_and_hides_the_given_name(string? name, string expected)
    {
        Assert.Equal(expected, Masking.MaskPersonName(name));
    }

    [Theory]
    [InlineData("𠮷三", "𠮷*")]        // family name outside the Basic Multilingual Plane
    [InlineData("张𠮷", "张*")]        // given name outside the BMP
    [InlineData("王𠀾明", "王**")]
    public void MaskPersonName_never_splits_a_character_outside_the_basic_plane(string name, string expected)
    {
        var masked = Masking.MaskPersonName(name);
        Assert.Equal(expected, masked);
        Assert.True(IsWellFormed(masked), $"'{masked}' contains a lone surrogate");
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(value[i])) return false;
        }
        return true;
    }
}
