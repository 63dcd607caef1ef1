using Beian.Core.MiniPrograms;
using static Beian.Core.Tests.MiniPrograms.MiniProgramExamples;

namespace Beian.Core.Tests.MiniPrograms;

/// <summary>The AppID (包名, 小程序标识) in its platform's shape, and one filed by another subject.</summary>
public class MiniProgramIdsTests
{
    private const string WeChatShape = "AppID格式不正确，应为wx开头的18位字符（wx后为16位数字或a-f字母），如：wx1234567890abcdef";
    private const string AlipayShape = "AppID格式不正确，应为20开头的16位数字，如：2021003175692262";
    private const string DouyinShape = "AppID格式不正确，应为tt开头的18或20位字符（tt后为16或18位数字或a-f字母），如：tt5e982825c1b2d9a3";
    private const string QqShape = "AppID格式不正确，应为首位不为0的10位数字，如：1109940479";
    private const string KuaishouShape = "AppID格式不正确，应为ks开头的20位字符（ks后为18位数字），如：ks693554344267236216";
    private const string QuickAppShape = "包名格式不正确，应为以点分隔的至少两段、每段以字母开头的字母数字或下划线，如：com.example.quickapp";

    // Normalize

    [Theory]
    [InlineData(MiniProgramPlatform.WeChat, " WX1234567890ABCDEF ", "wx1234567890abcdef")]
    [InlineData(MiniProgramPlatform.Douyin, "TT79EF0F52E78E857401", "tt79ef0f52e78e857401")]
    [InlineData(MiniProgramPlatform.Alipay, " 2021003175692262\t", "2021003175692262")]
    [InlineData(MiniProgramPlatform.QuickApp, " com.Example.QuickApp ", "com.Example.QuickApp")]
    [InlineData(MiniProgramPlatform.Baidu, " AbC123 ", "AbC123")]
    [InlineData(MiniProgramPlatform.Other, "Abc def", "Abc def")]
    [InlineData(MiniProgramPlatform.WeChat, null, "")]
    [InlineData(MiniProgramPlatform.Other, "   ", "")]
    public void Normalize_trims_and_lower_cases_hex_ids(MiniProgramPlatform platform, string? input, string expected)
    {
        Assert.Equal(expected, MiniProgramIds.Normalize(platform, input));
    }

    // Problem, platform by platform

    [Theory]
    [InlineData(MiniProgramPlatform.WeChat, "wx1234567890abcdef")]
    [InlineData(MiniProgramPlatform.WeChat, "WX1234567890ABCDEF")]
    [InlineData(MiniProgramPlatform.WeChat, "  wx1234567890abcdef  ")]
    [InlineData(MiniProgramPlatform.Alipay, "2021003175692262")]
    [InlineData(MiniProgramPlatform.Alipay, " 2019081466218436 ")]
    [InlineData(MiniProgramPlatform.Douyin, "tt5e982825c1b2d9a3")]
    [InlineData(MiniProgramPlatform.Douyin, "tt79ef0f52e78e857401")]
    [InlineData(MiniProgramPlatform.Douyin, "TT79EF0F52E78E857401")]
    [InlineData(MiniProgramPlatform.QQ, "1109940479")]
    [InlineData(MiniProgramPlatform.QQ, " 1112011543 ")]
    [InlineData(MiniProgramPlatform.Kuaishou, "ks693554344267236216")]
    [InlineData(MiniProgramPlatform.QuickApp, "com.example.quickapp")]
    [InlineData(MiniProgramPlatform.QuickApp, "org.hapjs.demo_2")]
    [InlineData(MiniProgramPlatform.Baidu, "17745127")]
    [InlineData(MiniProgramPlatform.Baidu, "4fecoAqgCIUtzIyA4FAPgoyrc4oUc25c")]
    [InlineData(MiniProgramPlatform.Other, "69b9576cdb45760001d82e15")]
    [InlineData(MiniProgramPlatform.Other, "小红书-西湖记账")]
    public void Well_formed_ids_pass(MiniProgramPlatform platform, string id)
    {
        Assert.Null(MiniProgramIds.Problem(platform, id));
        Assert.Empty(Check(On(platform, id)));
    }

    [Theory]
    [InlineData(MiniProgramPlatform.WeChat, "gh_1234567890ab", WeChatShape)]
    [InlineData(MiniProgramPlatform.WeChat, "tt1234567890abcdef", WeChatShape)]
    [InlineData(MiniProgramPlatform.WeChat, "wx1234567890abcde", WeChatShape)]
    [InlineData(MiniProgramPlatform.WeChat, "wx1234567890abcdef0", WeChatShape)]
    [InlineData(MiniProgramPlatform.WeChat, "wx1234567890abcdeg", WeChatShape)]
    [InlineData(MiniProgramPlatform.WeChat, "wx1234 567890abcdef", WeChatShape)]
    [InlineData(MiniProgramPlatform.Alipay, "3021003175692262", AlipayShape)]
    [InlineData(MiniProgramPlatform.Alipay, "202100317569226", AlipayShape)]
    [InlineData(MiniProgramPlatform.Alipay, "20210031756922621", AlipayShape)]
    [InlineData(MiniProgramPlatform.Alipay, "2021 0031 7569 2262", AlipayShape)]
    [InlineData(MiniProgramPlatform.Douyin, "wx5e982825c1b2d9a3", DouyinShape)]
    [InlineData(MiniProgramPlatform.Douyin, "tt5e982825c1b2d9a", DouyinShape)]
    [InlineData(MiniProgramPlatform.Douyin, "tt5e982825c1b2d9a30", DouyinShape)]
    [InlineData(MiniProgramPlatform.Douyin, "tt79ef0f52e78e8574011", DouyinShape)]
    [InlineData(MiniProgramPlatform.QQ, "0109940479", QqShape)]
    [InlineData(MiniProgramPlatform.QQ, "110994047", QqShape)]
    [InlineData(MiniProgramPlatform.QQ, "11099404790", QqShape)]
    [InlineData(MiniProgramPlatform.Kuaishou, "kw693554344267236216", KuaishouShape)]
    [InlineData(MiniProgramPlatform.Kuaishou, "ks69355434426723621", KuaishouShape)]
    [InlineData(MiniProgramPlatform.Kuaishou, "ks69355434426723621a", KuaishouShape)]
    [InlineData(MiniProgramPlatform.QuickApp, "quickapp", QuickAppShape)]
    [InlineData(MiniProgramPlatform.QuickApp, "com.example.quick-app", QuickAppShape)]
    [InlineData(MiniProgramPlatform.QuickApp, "1com.example", QuickAppShape)]
    public void Malformed_ids_are_refused_with_the_platforms_shape(MiniProgramPlatform platform, string id, string message)
    {
        Assert.Equal(message, MiniProgramIds.Problem(platform, id));
        var finding = AssertFinding(On(platform, id), "MP-APPID-INVALID", MiniProgramFields.AppId);
        Assert.Equal(message, finding.Message);
    }

    [Theory]
    [InlineData(MiniProgramPlatform.Baidu, "abc def", "AppID不能包含空格")]
    [InlineData(MiniProgramPlatform.Baidu, "abc\tdef", "AppID不能包含空格")]
    [InlineData(MiniProgramPlatform.Other, "abc\u200bdef", "小程序标识不能包含空格")]
    [InlineData(MiniProgramPlatform.Other, "西湖 记账", "小程序标识不能包含空格")]
    public void Free_text_ids_have_no_spaces(MiniProgramPlatform platform, string id, string message)
    {
        Assert.Equal(message, MiniProgramIds.Problem(platform, id));
        AssertFinding(On(platform, id), "MP-APPID-INVALID", MiniProgramFields.AppId);
    }

    [Theory]
    [InlineData(MiniProgramPlatform.Baidu, "AppID不能超过100个字符")]
    [InlineData(MiniProgramPlatform.Other, "小程序标识不能超过100个字符")]
    [InlineData(MiniProgramPlatform.QuickApp, "包名不能超过100个字符")]
    public void Ids_are_at_most_100_characters(MiniProgramPlatform platform, string message)
    {
        var longest = "com." + new string('a', MiniProgramIds.MaxLength - 4);
        Assert.Null(MiniProgramIds.Problem(platform, longest));
        Assert.Equal(message, MiniProgramIds.Problem(platform, longest + "a"));
    }

    [Fact]
    public void An_empty_id_is_asked_for()
    {
        Assert.Equal("请填写AppID", MiniProgramIds.Problem(MiniProgramPlatform.WeChat, " "));
        Assert.Equal("请填写包名", MiniProgramIds.Problem(MiniProgramPlatform.QuickApp, null));
    }

    // The rules

    [Theory]
    [InlineData(MiniProgramPlatform.WeChat, "请填写AppID")]
    [InlineData(MiniProgramPlatform.QuickApp, "请填写包名")]
    [InlineData(MiniProgramPlatform.Other, "请填写小程序标识")]
    public void The_id_is_required(MiniProgramPlatform platform, string message)
    {
        var finding = AssertFinding(On(platform, "  "), "MP-APPID-REQUIRED", MiniProgramFields.AppId);
        Assert.Equal(message, finding.Message);
        AssertNoFinding(On(platform, "  "), "MP-APPID-INVALID");
    }

    [Fact]
    public void Without_a_platform_the_id_is_required_but_not_checked()
    {
        var finding = AssertFinding(CompanyMiniProgram with { Platform = null, AppId = null }, "MP-APPID-REQUIRED", MiniProgramFields.AppId);
        Assert.Equal("请填写AppID", finding.Message);

        var unchosen = CompanyMiniProgram with { Platform = null, AppId = "anything at all", AppIdFiledElsewhere = true };
        Assert.Equal(new[] { "MP-PLATFORM-REQUIRED" }, Check(unchosen).Select(f => f.Code));
    }

    [Fact]
    public void An_id_filed_by_another_subject_is_refused()
    {
        var facts = CompanyMiniProgram with { AppId = " WX1234567890ABCDEF ", AppIdFiledElsewhere = true };
        var finding = AssertFinding(facts, "MP-APPID-FILED-ELSEWHERE", MiniProgramFields.AppId);
        Assert.Equal("AppID“wx1234567890abcdef”已由其他开办主体备案，同一小程序只能由一个主体备案；如确属本主体，请联系原备案主体办理移交", finding.Message);
        AssertNoFinding(CompanyMiniProgram, "MP-APPID-FILED-ELSEWHERE");
    }

    [Fact]
    public void A_quick_app_filed_by_another_subject_is_refused_by_its_package_name()
    {
        var finding = AssertFinding(On(MiniProgramPlatform.QuickApp, "com.example.quickapp") with { AppIdFiledElsewhere = true },
            "MP-APPID-FILED-ELSEWHERE", MiniProgramFields.AppId);
        Assert.StartsWith("包名“com.example.quickapp”已由其他开办主体备案", finding.Message);
    }

    [Fact]
    public void A_malformed_id_is_not_reported_as_filed_elsewhere()
    {
        var facts = On(MiniProgramPlatform.WeChat, "wx123") with { AppIdFiledElsewhere = true };
        AssertFinding(facts, "MP-APPID-INVALID", MiniProgramFields.AppId);
        AssertNoFinding(facts, "MP-APPID-FILED-ELSEWHERE");
    }
}
