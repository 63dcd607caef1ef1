using System.Net;
using Beian.Web.Features.Reporting;

namespace Beian.Web.Tests.Reporting;

/// <summary>The text keys under which reported IP ranges are stored and compared: in address order as plain strings.</summary>
public class ReportIngestionKeyTests
{
    private static string Key(string address) => ReportIngestion.Key(IPAddress.Parse(address));

    [Theory]
    [InlineData("9.0.0.0", "10.0.0.0")]
    [InlineData("9.255.255.255", "10.0.0.0")]
    [InlineData("1.2.3.4", "1.2.3.10")]
    [InlineData("47.96.1.255", "47.96.2.0")]
    [InlineData("99.0.0.0", "100.0.0.0")]
    [InlineData("0.0.0.0", "255.255.255.255")]
    [InlineData("255.255.255.255", "2001:db8::")]
    [InlineData("47.96.1.1", "2408:4000::1")]
    [InlineData("2408:4000::1", "2408:4000::a")]
    [InlineData("2408:4000::ffff", "2408:4000::1:0")]
    [InlineData("2408:4000::", "ff02::1")]
    public void Keys_sort_as_the_addresses_do_ipv4_before_ipv6(string lower, string higher)
    {
        Assert.True(string.CompareOrdinal(Key(lower), Key(higher)) < 0, $"{Key(lower)} < {Key(higher)}");
    }

    [Fact]
    public void Ipv4_keys_sort_in_numeric_order_not_in_text_order()
    {
        string[] addresses = ["10.0.0.0", "9.0.0.0", "100.1.1.1", "1.255.0.0", "2.0.0.0", "47.96.1.10", "47.96.1.9"];
        Assert.Equal(["1.255.0.0", "2.0.0.0", "9.0.0.0", "10.0.0.0", "47.96.1.9", "47.96.1.10", "100.1.1.1"],
            addresses.OrderBy(Key, StringComparer.Ordinal));
    }

    [Fact]
    public void A_key_is_32_lower_case_hex_digits_and_one_per_address()
    {
        Assert.Equal("00000000000000000000ffff2f600101", Key("47.96.1.1"));
        Assert.Equal("24084000000000000000000000000001", Key("2408:4000::1"));
        Assert.Equal(Key("2408:4000::1"), Key("2408:4000:0:0:0:0:0:0001"));
        Assert.NotEqual(Key("47.96.1.1"), Key("47.96.1.2"));
    }
}
