using Beian.Core.IdentityNumbers;

namespace Beian.Core.Tests.IdentityNumbers;

public class OrganizationCodeTests
{
    [Theory]
    [InlineData("80210043-3", "802100433")] // 百度网讯, from its credit code
    [InlineData("802100433", "802100433")]
    [InlineData("70846113-6", "708461136")] // 腾讯
    [InlineData("70946113-8", "709461138")]
    [InlineData("ma27u00j-6", "MA27U00J6")] // letters in the body, lower case normalised
    public void Valid_codes_pass_and_lose_the_hyphen(string input, string normalized)
    {
        var check = OrganizationCode.Check(input);
        Assert.True(check.IsValid, check.Message);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    [InlineData("70946113-0", OrganizationCode.CheckCharacterMessage)] // the check character is 8
    [InlineData("802100434", OrganizationCode.CheckCharacterMessage)]
    [InlineData("80210043", OrganizationCode.FormatMessage)]
    [InlineData("8021004333", OrganizationCode.FormatMessage)]
    [InlineData("8021-00433", OrganizationCode.FormatMessage)]
    [InlineData("80210043-Y", OrganizationCode.FormatMessage)]
    [InlineData("8021004*-3", OrganizationCode.FormatMessage)]
    public void Invalid_codes_fail_with_the_reason(string input, string message)
    {
        var check = OrganizationCode.Check(input);
        Assert.False(check.IsValid);
        Assert.Equal(message, check.Message);
    }

    [Theory]
    [InlineData("80210043", '3')]
    [InlineData("70946113", '8')]
    [InlineData("MA27U00J", '6')]
    public void Check_character_follows_MOD_11(string body, char expected)
    {
        Assert.Equal(expected, OrganizationCode.CheckCharacter(body));
    }

    [Fact]
    public void Check_character_10_is_X_and_11_is_0()
    {
        var bodies = Enumerable.Range(0, 2000).Select(i => i.ToString("D8")).ToList();
        var checks = bodies.Select(OrganizationCode.CheckCharacter).ToHashSet();
        Assert.Contains('X', checks);
        Assert.Contains('0', checks);
        Assert.All(checks, c => Assert.True(char.IsAsciiDigit(c) || c == 'X'));
    }
}
