using System.Net;
using Beian.Core.IpGeolocation;

namespace Beian.Core.Tests.IpGeolocation;

public class IpRegionFileTests
{
    // The shape scripts/refdata/build-ip-regions.mjs writes.
    private const string Sample = """
        # IP address → region code, derived by scripts/refdata/build-ip-regions.mjs from npm ip2region@2.3.0
        # "<first address>\t<6-digit code or ->"
        0.0.0.0	-
        1.0.1.0	350100
        1.0.4.0	-
        1.0.8.0	440100
        ::	-
        2400:3200::	330100
        2400:3201::	-
        """;

    private static IpLocator Parse(string text) => IpRegionFile.Parse(new StringReader(text));

    [Fact]
    public void A_block_runs_from_its_line_to_the_next_line_of_its_family()
    {
        var locator = Parse(Sample);

        Assert.Null(locator.Locate(IPAddress.Parse("1.0.0.255")));
        Assert.Equal("350100", locator.Locate(IPAddress.Parse("1.0.1.0")));
        Assert.Equal("350100", locator.Locate(IPAddress.Parse("1.0.3.255")));
        Assert.Null(locator.Locate(IPAddress.Parse("1.0.4.0")));
        Assert.Equal("440100", locator.Locate(IPAddress.Parse("255.255.255.255")));
        Assert.Equal("330100", locator.Locate(IPAddress.Parse("2400:3200:0:0:ffff:ffff:ffff:ffff")));
        Assert.Equal("330100", locator.Locate(IPAddress.Parse("2400:3200:ffff:ffff::1")));
        Assert.Null(locator.Locate(IPAddress.Parse("2400:3201::")));
    }

    [Fact]
    public void An_address_before_the_first_block_of_its_family_is_not_located()
    {
        var locator = Parse("1.0.1.0\t350100\n2400:3200::\t330100\n");

        Assert.Null(locator.Locate(IPAddress.Parse("1.0.0.1")));
        Assert.Null(locator.Locate(IPAddress.Parse("2400:31ff::1")));
        Assert.Equal("350100", locator.Locate(IPAddress.Parse("1.0.1.1")));
    }

    [Theory]
    [InlineData("1.0.1.0 350100", "line 1")]
    [InlineData("1.0.1.0\t35010", "'35010' is neither")]
    [InlineData("1.0.1.0\t3501000", "'3501000' is neither")]
    [InlineData("1.0.1.x\t350100", "expected '<address>")]
    [InlineData("1.0.1.0\t350100\n1.0.1.0\t440100", "line 2: blocks are not in ascending order")]
    [InlineData("2.0.0.0\t350100\n1.0.0.0\t440100", "line 2: blocks are not in ascending order")]
    [InlineData("2400:3200::1\t330100", "does not start on a /64 boundary")]
    [InlineData("fe80::%1\t-", "expected '<address>")]
    public void A_malformed_line_is_refused_with_its_line_number(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => Parse(text));

        Assert.Contains("ip-regions.txt", error.Message);
        Assert.Contains(message, error.Message);
    }
}
