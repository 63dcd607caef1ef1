using Beian.Core.Websites;

namespace Beian.Core.Tests.Websites;

public class DomainNameTests
{
    [Theory]
    [InlineData("Example.COM", "example.com")]
    [InlineData(" www.example.com. ", "www.example.com")]
    [InlineData("a-b.example.com.cn", "a-b.example.com.cn")]
    [InlineData("例子.中国", "xn--fsqu00a.xn--fiqs8s")]
    [InlineData("例子。中国", "xn--fsqu00a.xn--fiqs8s")]
    [InlineData("xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s")]
    [InlineData("１２３.com", "123.com")]
    public void Valid_domains_are_normalised(string input, string ascii)
    {
        Assert.True(DomainName.TryParse(input, out var domain, out var error), error);
        Assert.Equal(ascii, domain.Ascii);
    }

    [Fact]
    public void Idn_round_trips_between_unicode_and_punycode()
    {
        Assert.Equal("xn--fsqu00a.xn--fiqs8s", DomainName.Parse("例子.中国").Ascii);
        Assert.Equal("例子.中国", DomainName.Parse("xn--fsqu00a.xn--fiqs8s").Unicode);
        Assert.Equal("example.com", DomainName.Parse("example.com").Unicode);
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("https://www.example.com/")]
    [InlineData("example.com/index.html")]
    [InlineData("example.com:8080")]
    public void Urls_are_rejected_with_a_clear_message(string input)
    {
        Assert.False(DomainName.TryParse(input, out _, out var error));
        Assert.Equal("请填写域名，不要包含 http:// 或路径", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("-example.com")]
    [InlineData("example-.com")]
    [InlineData("exa_mple.com")]
    [InlineData("exa mple.com")]
    [InlineData("example..com")]
    [InlineData("example.123")]
    [InlineData("example.c0m")]
    [InlineData("com.cn")]
    public void Invalid_domains_are_rejected(string? input)
    {
        Assert.False(DomainName.TryParse(input, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Labels_are_at_most_63_characters_and_names_at_most_253()
    {
        Assert.True(DomainName.TryParse(new string('a', 63) + ".com", out _));
        Assert.False(DomainName.TryParse(new string('a', 64) + ".com", out _));
        var longName = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".com";
        Assert.True(longName.Length > 253);
        Assert.False(DomainName.TryParse(longName, out _));
    }

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("www.example.com", "example.com")]
    [InlineData("a.b.example.com", "example.com")]
    [InlineData("a.b.example.com.cn", "example.com.cn")]
    [InlineData("www.example.zj.cn", "example.zj.cn")]
    [InlineData("bbs.example.gov.cn", "example.gov.cn")]
    [InlineData("shop.example.com.hk", "example.com.hk")]
    [InlineData("www.example.co.uk", "example.co.uk")]
    [InlineData("www.example.cn", "example.cn")]
    [InlineData("www.例子.公司.cn", "例子.公司.cn")]
    public void Registrable_domain_is_the_main_domain(string input, string registrable)
    {
        Assert.Equal(DomainName.Parse(registrable), DomainName.Parse(input).RegistrableDomain);
    }

    [Fact]
    public void Subdomains_and_www_equivalence()
    {
        var main = DomainName.Parse("example.com");
        Assert.True(DomainName.Parse("a.example.com").IsSubdomainOf(main));
        Assert.False(main.IsSubdomainOf(main));
        Assert.False(DomainName.Parse("badexample.com").IsSubdomainOf(main));
        Assert.True(DomainName.Parse("www.example.com").IsSameSiteAs(main));
        Assert.True(main.IsSameSiteAs(DomainName.Parse("WWW.Example.com")));
        Assert.False(DomainName.Parse("bbs.example.com").IsSameSiteAs(main));
        Assert.Equal(main, DomainName.Parse("www.example.com").WithoutWww);
        Assert.True(main.IsRegistrable);
        Assert.False(DomainName.Parse("www.example.com").IsRegistrable);
    }
}
