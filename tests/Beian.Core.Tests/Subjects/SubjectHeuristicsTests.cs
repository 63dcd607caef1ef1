using Beian.Core.Subjects;

namespace Beian.Core.Tests.Subjects;

public class SubjectHeuristicsTests
{
    private static readonly SubjectKeywords Keywords = SubjectKeywords.Default;

    [Theory]
    [InlineData("A.O.史密斯（中国）热水器有限公司", false)]
    [InlineData("Example Co.Ltd", false)]
    [InlineData("京东.com", true)]
    [InlineData("JD.COM", true)]
    [InlineData("www.腾讯.cn", true)]
    [InlineData("北京百度网讯科技有限公司", false)]
    [InlineData("西湖龙井.中国", true)] // a valid 主域名 under a Chinese top-level domain
    [InlineData("西湖龙井.中國", true)]
    [InlineData("西湖龙井。中国", true)] // the ideographic full stop is a dot in a domain
    [InlineData("好茶．公司", true)] // and so is the full-width one
    [InlineData("西湖龙井.中国茶叶", false)] // 中国茶叶 is no top-level domain
    public void Domains_typed_as_names_are_recognised(string name, bool domain)
    {
        Assert.Equal(domain, OrganisationNames.IsDomainLike(name, Keywords));
    }

    [Theory]
    [InlineData("某某有限公司", true)]
    [InlineData("某某有限公司（筹）", true)]
    [InlineData("某某电器厂", true)]
    [InlineData("某某市人民政府", false)]
    [InlineData("某某公司工会委员会", false)]
    public void Enterprise_names_are_recognised_by_their_ending(string name, bool enterprise)
    {
        Assert.Equal(enterprise, OrganisationNames.LooksLikeEnterprise(name, Keywords));
    }

    [Theory]
    [InlineData("00000000", true)]
    [InlineData("12345678", true)]
    [InlineData("87654321", true)]
    [InlineData("2345678", true)]
    [InlineData("86013388", false)]
    [InlineData("12345679", false)]
    [InlineData("1", false)]
    public void Repeated_digits_and_runs(string digits, bool fake)
    {
        Assert.Equal(fake, FakeNumbers.IsRepeatedOrRun(digits));
    }

    [Theory]
    [InlineData("阿依古丽·买买提", true)]
    [InlineData("爱新觉罗.启星", true)]
    [InlineData("王〇", true)]
    [InlineData("𠈌伟", true)] // an extension-B character
    [InlineData("张伟 ", true)]
    [InlineData("张 伟", false)]
    [InlineData("张伟·", false)]
    [InlineData("一二三四五六七八九十一二三四五六", false)] // 16 characters
    public void Chinese_full_names(string name, bool valid)
    {
        Assert.Equal(valid, PersonNames.IsChineseFullName(name));
    }
}
