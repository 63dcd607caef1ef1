using Beian.Core.MiniPrograms;

namespace Beian.Core.Tests.MiniPrograms;

/// <summary>所属平台: names, the identifier's label, help and example the form shows for each platform.</summary>
public class MiniProgramPlatformTests
{
    [Fact]
    public void All_platforms_in_the_forms_order()
    {
        Assert.Equal(Enum.GetValues<MiniProgramPlatform>(), MiniProgramPlatforms.All);
        Assert.Equal(new[] { "微信", "支付宝", "百度", "抖音/头条", "QQ", "快手", "快应用", "其他" }, MiniProgramPlatforms.All.Select(p => p.DisplayName()));
    }

    [Fact]
    public void Display_names_round_trip()
    {
        foreach (var platform in MiniProgramPlatforms.All) Assert.Equal(platform, MiniProgramPlatforms.FromDisplayName(platform.DisplayName()));
        Assert.Equal(MiniProgramPlatform.Douyin, MiniProgramPlatforms.FromDisplayName(" 抖音/头条 "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("WeChat")]
    [InlineData("微信小程序")]
    [InlineData("抖音")]
    public void Unknown_display_names_are_null(string? name)
    {
        Assert.Null(MiniProgramPlatforms.FromDisplayName(name));
    }

    [Theory]
    [InlineData(MiniProgramPlatform.WeChat, "AppID")]
    [InlineData(MiniProgramPlatform.Alipay, "AppID")]
    [InlineData(MiniProgramPlatform.Baidu, "AppID")]
    [InlineData(MiniProgramPlatform.Douyin, "AppID")]
    [InlineData(MiniProgramPlatform.QQ, "AppID")]
    [InlineData(MiniProgramPlatform.Kuaishou, "AppID")]
    [InlineData(MiniProgramPlatform.QuickApp, "包名")]
    [InlineData(MiniProgramPlatform.Other, "小程序标识")]
    public void Identifier_labels(MiniProgramPlatform platform, string label)
    {
        Assert.Equal(label, platform.IdentifierLabel());
    }

    [Fact]
    public void Platforms_with_a_known_format_have_an_example_that_passes()
    {
        foreach (var platform in MiniProgramPlatforms.All)
        {
            Assert.Equal(platform.HasKnownFormat(), platform.IdentifierExample() is not null);
            Assert.False(string.IsNullOrWhiteSpace(platform.IdentifierHelp()));
            if (platform.IdentifierExample() is { } example) Assert.Null(MiniProgramIds.Problem(platform, example));
        }
        Assert.False(MiniProgramPlatform.Baidu.HasKnownFormat());
        Assert.False(MiniProgramPlatform.Other.HasKnownFormat());
    }

    [Fact]
    public void The_help_says_where_to_find_the_identifier()
    {
        Assert.Equal("wx开头的18位字符，见微信公众平台“开发管理—开发设置”", MiniProgramPlatform.WeChat.IdentifierHelp());
        Assert.Contains("manifest.json", MiniProgramPlatform.QuickApp.IdentifierHelp());
        Assert.Contains("不能包含空格", MiniProgramPlatform.Other.IdentifierHelp());
    }
}
