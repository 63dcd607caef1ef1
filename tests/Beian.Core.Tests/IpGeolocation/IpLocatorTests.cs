using System.Diagnostics;
using System.Net;
using Beian.Core.IpGeolocation;
using Beian.Core.Regions;
using Beian.Core.Websites;

namespace Beian.Core.Tests.IpGeolocation;

// Expected places are what the ip2region@2.3.0 package's own search answers for each address.
public class IpLocatorTests
{
    private static readonly IpLocator Locator = IpLocator.Default;

    private static string? Locate(string address) => Locator.Locate(IPAddress.Parse(address));

    [Theory]
    [InlineData("47.96.1.1", "330100")]        // 中国|浙江省|杭州市|阿里云
    [InlineData("116.62.1.1", "330100")]       // 中国|浙江省|杭州市|阿里云
    [InlineData("120.24.78.68", "440300")]     // 中国|广东省|深圳市|阿里云
    [InlineData("114.114.114.114", "320100")]  // 中国|江苏省|南京市
    [InlineData("202.102.134.68", "370200")]   // 中国|山东省|青岛市|联通
    public void An_address_in_a_province_is_located_in_its_city(string address, string code)
    {
        Assert.Equal(code, Locate(address));
    }

    [Theory]
    [InlineData("220.181.38.148")]   // 中国|北京|北京市|电信
    [InlineData("123.125.114.144")]  // 中国|北京|北京市|联通
    [InlineData("59.82.0.1")]        // 中国|北京|北京市|阿里巴巴
    public void An_address_in_a_municipality_is_located_in_the_municipality(string address)
    {
        Assert.Equal("110000", Locate(address));
    }

    [Theory]
    [InlineData("1.24.8.0", "152500")]    // 内蒙古|锡林郭勒 → 锡林郭勒盟
    [InlineData("1.197.202.0", "419001")] // 河南省|济源 → 济源市 (省直辖)
    [InlineData("27.204.0.0", "370100")]  // 山东省|莱芜市 → 济南市 since 2019
    public void Short_and_former_place_names_of_the_source_map_to_the_catalogue(string address, string code)
    {
        Assert.Equal(code, Locate(address));
    }

    [Theory]
    [InlineData("8.8.8.8")]       // 美国
    [InlineData("1.1.1.1")]       // 澳大利亚
    [InlineData("1.32.192.0")]    // 中国|香港
    [InlineData("1.32.208.0")]    // 中国|台湾省|台北
    [InlineData("192.168.1.1")]
    [InlineData("10.0.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    public void Foreign_private_and_reserved_addresses_and_those_outside_the_mainland_are_not_located(string address)
    {
        Assert.Null(Locate(address));
    }

    [Theory]
    [InlineData("2400:3200::1", "330100")]                            // 中国浙江省杭州市 阿里云
    [InlineData("240e:47d:c20:1627:30a3:ba0d:a5e6:ec19", "440100")]   // 中国广东省广州市番禺区
    [InlineData("2409:8a4c:8000::1", "421000")]                       // 中国湖北省荆州市沙市区
    [InlineData("2001:da8:8000::1", "310000")]                        // 中国上海市 上海交通大学
    [InlineData("::ffff:47.96.1.1", "330100")]                        // IPv4-mapped
    public void An_IPv6_address_is_located_by_its_first_64_bits(string address, string code)
    {
        Assert.Equal(code, Locate(address));
    }

    [Theory]
    [InlineData("2001:4860:4860::8888")]  // Google
    [InlineData("2408:8000::1")]          // 中国 with no province
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    public void IPv6_addresses_abroad_unplaced_or_private_are_not_located(string address)
    {
        Assert.Null(Locate(address));
    }

    [Fact]
    public void A_range_is_located_at_its_start_and_says_whether_it_stays_in_one_block()
    {
        var inside = IpRange.Parse("47.96.1.0-47.96.1.255");
        var across = IpRange.Parse("47.96.1.1-120.24.78.68");

        Assert.Equal("330100", Locator.Locate(inside));
        Assert.True(Locator.LiesInOneBlock(inside));
        Assert.Equal("330100", Locator.Locate(across));
        Assert.False(Locator.LiesInOneBlock(across));
        Assert.Null(Locator.Locate(IpRange.Parse("8.8.8.0-8.8.8.255")));
        Assert.Equal("330100", Locator.Locate(IpRange.Parse("2400:3200::1-2400:3200::ffff")));
    }

    [Fact]
    public void Every_code_of_the_shipped_table_is_a_province_or_city_level_place_of_the_region_catalogue()
    {
        var codes = Locator.RegionCodes.ToList();

        Assert.True(codes.Count > 300, $"only {codes.Count} places are located");
        Assert.All(codes, code =>
        {
            var region = RegionCatalog.Default.Find(code);
            Assert.NotNull(region);
            Assert.True(region.Level != RegionLevel.County || RegionCatalog.Default.Find(region.ParentCode)!.Name.EndsWith("直辖县级行政区划"),
                $"{code} {region.Name} is a county under a city");
        });
    }

    [Fact]
    public void Locates_a_million_addresses_on_one_thread_within_a_generous_bound()
    {
        var random = new Random(14);
        var addresses = Enumerable.Range(0, 1_000_000)
            .Select(_ => new IPAddress(random.NextInt64(0, 1L << 32)))
            .ToArray();
        var located = 0;
        Locator.Locate(addresses[0]);

        var stopwatch = Stopwatch.StartNew();
        foreach (var address in addresses)
        {
            if (Locator.Locate(address) is not null) located++;
        }
        stopwatch.Stop();

        // About 0.15 s (7 million a second) on a developer machine; the bound leaves room for a loaded CI one.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"1,000,000 lookups took {stopwatch.Elapsed}");
        Assert.InRange(located, 50_000, 150_000);
    }
}
