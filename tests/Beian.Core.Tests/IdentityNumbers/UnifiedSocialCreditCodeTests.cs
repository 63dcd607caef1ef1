using Beian.Core.IdentityNumbers;

namespace Beian.Core.Tests.IdentityNumbers;

public class UnifiedSocialCreditCodeTests
{
    /// <summary>Published codes of well-known companies; each one verified by this implementation.</summary>
    public static TheoryData<string, string> RealCodes => new()
    {
        { "91110000802100433B", "北京百度网讯科技有限公司" },
        { "91440300708461136T", "深圳市腾讯计算机系统有限公司" },
        { "91330100716105852F", "阿里巴巴（中国）有限公司" },
        { "914403001922038216", "华为技术有限公司" },
        { "91110108551385082Q", "北京小米科技有限责任公司" },
    };

    [Theory]
    [MemberData(nameof(RealCodes))]
    public void Real_codes_of_well_known_companies_pass(string code, string company)
    {
        var check = UnifiedSocialCreditCode.Check(code);
        Assert.True(check.IsValid, $"{company}: {check.Message}");
        Assert.Equal(code, check.Normalized);
    }

    [Theory]
    [MemberData(nameof(RealCodes))]
    public void Characters_9_to_17_of_a_real_code_are_a_valid_organisation_code(string code, string company)
    {
        var part = UnifiedSocialCreditCode.OrganizationCodePart(code);
        Assert.True(OrganizationCode.Check(part).IsValid, company);
    }

    [Theory]
    [InlineData("121000004000003213")] // 机构编制/事业单位
    [InlineData("11100000000013127D")] // 机构编制/机关, national region prefix 10
    [InlineData("51100000500000022F")] // 民政/社会团体
    [InlineData("52110000MJ00000016")] // 民政/民办非企业单位
    [InlineData("53100000500000343F")] // 民政/基金会
    [InlineData("A1100000MB0000001H")] // 中央军委改革和编制办公室/军队事业单位
    public void Constructed_codes_of_other_registers_pass(string code)
    {
        Assert.True(UnifiedSocialCreditCode.Check(code).IsValid);
    }

    [Fact]
    public void Lower_case_and_spaces_are_normalised()
    {
        var check = UnifiedSocialCreditCode.Check(" 91110000 802100433b ");
        Assert.True(check.IsValid, check.Message);
        Assert.Equal("91110000802100433B", check.Normalized);
    }

    [Theory]
    [InlineData("91110000802100433C", UnifiedSocialCreditCode.CheckCharacterMessage)]
    [InlineData("91440300708461136U", UnifiedSocialCreditCode.CheckCharacterMessage)]
    [InlineData("911100007109353487", UnifiedSocialCreditCode.CheckCharacterMessage)]
    [InlineData("91110000802100433", UnifiedSocialCreditCode.LengthMessage)]
    [InlineData("91110000802100433BB", UnifiedSocialCreditCode.LengthMessage)]
    [InlineData("9111000080210043IB", UnifiedSocialCreditCode.CharsetMessage)]
    [InlineData("9111000080210043OB", UnifiedSocialCreditCode.CharsetMessage)]
    [InlineData("9111000080210043ZB", UnifiedSocialCreditCode.CharsetMessage)]
    [InlineData("9111000080210043SB", UnifiedSocialCreditCode.CharsetMessage)]
    [InlineData("9111000080210043VB", UnifiedSocialCreditCode.CharsetMessage)]
    [InlineData("B1110000802100433B", UnifiedSocialCreditCode.DepartmentMessage)]
    [InlineData("0111000080210043 3B", UnifiedSocialCreditCode.DepartmentMessage)]
    [InlineData("9A110000802100433B", UnifiedSocialCreditCode.CategoryMessage)]
    [InlineData("91990000802100433B", UnifiedSocialCreditCode.RegionMessage)]
    [InlineData("9111A000802100433B", UnifiedSocialCreditCode.RegionMessage)]
    public void Invalid_codes_fail_with_the_reason(string code, string message)
    {
        var check = UnifiedSocialCreditCode.Check(code);
        Assert.False(check.IsValid);
        Assert.Equal(message, check.Message);
    }

    [Fact]
    public void Check_character_of_a_code_with_a_wrong_length_throws()
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter("9111000080210043"));
    }

    [Theory]
    [InlineData("91110000802100433", 'B')]
    [InlineData("91440300708461136", 'T')]
    [InlineData("91440300192203821", '6')]
    public void Check_character_follows_MOD_31(string first17, char expected)
    {
        Assert.Equal(expected, UnifiedSocialCreditCode.CheckCharacter(first17));
    }

    [Theory]
    [InlineData("91440300708461136T", "工商/企业")]
    [InlineData("51100000500000022F", "民政/社会团体")]
    [InlineData("121000004000003213", "机构编制/事业单位")]
    public void Department_and_category_are_described(string code, string description)
    {
        Assert.Equal(description, CreditCodeDepartments.Describe(code));
    }
}
