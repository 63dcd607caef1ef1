using Beian.Core.PublicQuery;

namespace Beian.Core.Tests.PublicQuery;

public class DomainLookupTests
{
    [Theory]
    [InlineData("example.com", new[] { "example.com" })]
    [InlineData("www.example.com", new[] { "www.example.com", "example.com" })]
    [InlineData("WWW.Example.COM.", new[] { "www.example.com", "example.com" })]
    [InlineData("https://m.shop.example.com.cn:8443/path?q=1#top", new[] { "m.shop.example.com.cn", "shop.example.com.cn", "example.com.cn" })]
    [InlineData("http://user:pass@www.example.com/", new[] { "www.example.com", "example.com" })]
    [InlineData("//cdn.example.org", new[] { "cdn.example.org", "example.org" })]
    [InlineData("  ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ ", new[] { "www.example.com", "example.com" })]
    [InlineData("www.例子.中国", new[] { "www.xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s" })]
    [InlineData("例子。中国", new[] { "xn--fsqu00a.xn--fiqs8s" })]
    public void A_typed_domain_or_url_gives_the_host_and_its_parents_up_to_the_registrable_domain(string input, string[] hosts)
    {
        Assert.True(DomainLookup.TryParseQuery(input, out var candidates, out var error), error);
        Assert.Equal(hosts, candidates);
    }

    [Theory]
    [InlineData("", "请输入域名")]
    [InlineData("http://", "请输入域名")]
    [InlineData("203.0.113.10", DomainLookup.IpAddressMessage)]
    [InlineData("http://[2001:db8::1]/", DomainLookup.IpAddressMessage)]
    [InlineData("com.cn", "公共后缀")]
    [InlineData("localhost", "至少包含两段")]
    [InlineData("exa mple.com", "空格")]
    [InlineData("-bad-.com", "连字符")]
    [InlineData("example.123", "顶级域名")]
    public void What_is_no_domain_gets_a_Chinese_message(string input, string message)
    {
        Assert.False(DomainLookup.TryParseQuery(input, out var candidates, out var error));
        Assert.Null(candidates);
        Assert.Contains(message, error);
    }

    [Fact]
    public void A_very_deep_host_tries_at_most_the_parents_nearest_the_registrable_domain()
    {
        var host = string.Join('.', Enumerable.Range(1, 30).Select(i => "a" + i)) + ".example.com";
        Assert.True(DomainLookup.TryParseQuery(host, out var candidates, out _));
        Assert.Equal(DomainLookup.MaxCandidates, candidates.Count);
        Assert.Equal("example.com", candidates[^1]);
    }

    [Fact]
    public void A_site_is_stored_under_its_main_domain_each_sub_domain_and_the_bare_form_of_a_www_domain()
    {
        Assert.Equal(["www.example.com", "example.com", "m.example.com", "example.net"],
            DomainLookup.HostsOf("WWW.example.com", ["m.example.com", "example.net", "not a domain", "m.example.com"]));
        Assert.Equal(["xn--fsqu00a.xn--fiqs8s"], DomainLookup.HostsOf("例子.中国", []));
        // www.com.cn is itself registrable: its bare form is a public suffix, never stored.
        Assert.Equal(["www.com.cn"], DomainLookup.HostsOf("www.com.cn", []));
        Assert.Empty(DomainLookup.HostsOf(null, []));
    }
}
