using System.Net.Sockets;
using System.Numerics;
using Beian.Core.Websites;

namespace Beian.Core.Tests.Websites;

public class IpRangeTests
{
    [Theory]
    [InlineData("121.40.1.1", 1)]
    [InlineData(" 1.2.3.4-1.2.3.20 ", 17)]
    [InlineData("1.2.3.4 - 1.2.3.4", 1)]
    [InlineData("1.2.3.4~1.2.3.5", 2)]
    [InlineData("2408:4000::1", 1)]
    [InlineData("2001:db8::1-2001:db8::ff", 255)]
    public void Addresses_and_ranges_parse(string input, int count)
    {
        Assert.True(IpRange.TryParse(input, out var range, out var error), error);
        Assert.Equal(count, (int)range.Count);
    }

    [Fact]
    public void Ipv6_ranges_keep_their_family_and_bounds()
    {
        var range = IpRange.Parse("2001:db8::1-2001:db8::ff");
        Assert.Equal(AddressFamily.InterNetworkV6, range.Family);
        Assert.True(range.IsIpv6);
        Assert.Equal("2001:db8::1-2001:db8::ff", range.ToString());
        Assert.True(range.IsPublic);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1")]
    [InlineData("256.1.1.1")]
    [InlineData("010.1.1.1")]
    [InlineData("1.2.3.4-1.2.3")]
    [InlineData("1.2.3.4-1.2.3.5-1.2.3.6")]
    [InlineData("fe80::1%eth0")]
    [InlineData("abc")]
    [InlineData("")]
    public void Malformed_entries_are_rejected(string input)
    {
        Assert.False(IpRange.TryParse(input, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Start_must_not_exceed_end()
    {
        Assert.False(IpRange.TryParse("1.2.3.20-1.2.3.4", out _, out var error));
        Assert.Contains("起始IP不能大于结束IP", error);
    }

    [Fact]
    public void Both_ends_must_be_the_same_family()
    {
        Assert.False(IpRange.TryParse("1.2.3.4-2001:db8::1", out _, out var error));
        Assert.Contains("IPv4", error);
    }

    [Theory]
    [InlineData("10.1.2.3", "私有地址")]
    [InlineData("192.168.1.1", "私有地址")]
    [InlineData("172.20.0.1", "私有地址")]
    [InlineData("127.0.0.1", "环回地址")]
    [InlineData("169.254.1.1", "链路本地地址")]
    [InlineData("224.0.0.1", "组播地址")]
    [InlineData("0.0.0.0", "未指定地址")]
    [InlineData("100.64.0.1", "运营商共享地址")]
    [InlineData("9.255.255.250-10.0.0.5", "私有地址")]
    [InlineData("::1", "环回地址")]
    [InlineData("::", "未指定地址")]
    [InlineData("fe80::1", "链路本地地址")]
    [InlineData("fd00::1", "私有地址")]
    [InlineData("ff02::1", "组播地址")]
    [InlineData("::ffff:192.168.0.1", "私有地址")]
    public void Non_public_addresses_are_recognised(string input, string reason)
    {
        var range = IpRange.Parse(input);
        Assert.False(range.IsPublic);
        Assert.Equal(reason, range.NonPublicReason);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2408:4000::1")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_public(string input)
    {
        Assert.True(IpRange.Parse(input).IsPublic);
    }

    [Fact]
    public void More_than_65536_addresses_is_large()
    {
        Assert.False(IpRange.Parse("1.2.0.0-1.2.255.255").IsLarge);
        Assert.True(IpRange.Parse("1.2.0.0-1.3.0.0").IsLarge);
        Assert.True(IpRange.Parse("2001:db8::-2001:db8::1:0").IsLarge);
    }

    [Fact]
    public void Overlap_is_within_one_family()
    {
        var range = IpRange.Parse("1.2.3.1-1.2.3.10");
        Assert.True(range.Overlaps(IpRange.Parse("1.2.3.10")));
        Assert.False(range.Overlaps(IpRange.Parse("1.2.3.11-1.2.3.20")));
        Assert.False(range.Overlaps(IpRange.Parse("::102:301")));
    }

    [Theory]
    [InlineData("1.2.3.1-1.2.3.10", "1.2.3.5")]
    [InlineData("1.2.3.1-1.2.3.10", "1.2.3.1")]
    [InlineData("1.2.3.1-1.2.3.10", "1.2.3.0-1.2.3.1")]
    [InlineData("1.2.3.1-1.2.3.10", "1.2.3.10-1.2.4.0")]
    [InlineData("1.2.3.1-1.2.3.10", "1.2.3.3-1.2.3.4")]
    [InlineData("1.2.3.1-1.2.3.10", "1.2.0.0-1.2.255.255")]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("2001:db8::1-2001:db8::ff", "2001:db8::ff-2001:db8::1:0")]
    [InlineData("2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db8:1::1")]
    public void Ranges_that_share_an_address_overlap_either_way(string a, string b)
    {
        Assert.True(IpRange.Parse(a).Overlaps(IpRange.Parse(b)));
        Assert.True(IpRange.Parse(b).Overlaps(IpRange.Parse(a)));
    }

    [Theory]
    [InlineData("1.2.3.1-1.2.3.10", "1.2.3.11-1.2.3.20")]
    [InlineData("1.2.3.1-1.2.3.10", "1.2.3.0")]
    [InlineData("1.2.3.4", "1.2.3.5")]
    [InlineData("2001:db8::1-2001:db8::ff", "2001:db8::100")]
    [InlineData("0.0.0.0-0.0.0.255", "::-::ff")]
    [InlineData("0.0.0.1", "::1")]
    [InlineData("0.0.0.0-255.255.255.255", "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void Touching_or_apart_ranges_and_ranges_of_two_families_do_not_overlap(string a, string b)
    {
        Assert.False(IpRange.Parse(a).Overlaps(IpRange.Parse(b)));
        Assert.False(IpRange.Parse(b).Overlaps(IpRange.Parse(a)));
    }

    [Theory]
    [InlineData("1.2.3.255-1.2.4.0", "2")]
    [InlineData("1.2.3.0-1.2.3.255", "256")]
    [InlineData("0.0.0.0-255.255.255.255", "4294967296")]
    [InlineData("2001:db8::-2001:db8::ffff:ffff", "4294967296")]
    [InlineData("2001:db8::-2001:db8:0:0:ffff:ffff:ffff:ffff", "18446744073709551616")]
    [InlineData("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "340282366920938463463374607431768211456")]
    public void Count_is_exact_up_to_the_whole_ipv6_space(string input, string count)
    {
        Assert.Equal(BigInteger.Parse(count), IpRange.Parse(input).Count);
    }

    [Fact]
    public void A_single_address_is_a_range_of_one()
    {
        var single = IpRange.Parse("1.2.3.4");
        Assert.True(single.IsSingle);
        Assert.Equal(BigInteger.One, single.Count);
        Assert.Equal(single, IpRange.Parse("1.2.3.4-1.2.3.4"));
        Assert.Equal("1.2.3.4", IpRange.Parse("1.2.3.4-1.2.3.4").ToString());
        Assert.False(IpRange.Parse("1.2.3.4-1.2.3.5").IsSingle);
    }

    [Fact]
    public void Equal_ranges_are_equal_whatever_their_spelling()
    {
        Assert.Equal(IpRange.Parse("2001:db8::1-2001:db8::ff"), IpRange.Parse("2001:0db8:0:0:0:0:0:1 ~ 2001:DB8::FF"));
        Assert.Equal(IpRange.Parse("2001:db8::1").GetHashCode(), IpRange.Parse("2001:0DB8::0001").GetHashCode());
    }
}
