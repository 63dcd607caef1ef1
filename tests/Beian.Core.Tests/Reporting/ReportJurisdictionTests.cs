using Beian.Core.Reporting;
using Beian.Core.Websites;

namespace Beian.Core.Tests.Reporting;

public class ReportJurisdictionTests
{
    private const string ReporterUnit = "330203";

    private static string UnitFor(string? region, params string[] ips) =>
        ReportJurisdiction.Default.UnitFor(region, ips.Select(IpRange.Parse), ReporterUnit);

    [Theory]
    [InlineData("330106")]
    [InlineData("110101")]
    [InlineData("320576")]
    public void A_reported_county_goes_to_its_own_unit(string county)
    {
        Assert.Equal(county, UnitFor(county, "47.96.1.1"));
    }

    [Theory]
    [InlineData("330100")]
    [InlineData("110100")]
    public void A_reported_city_with_counties_goes_to_the_city_unit(string city)
    {
        Assert.Equal(city, UnitFor(city));
    }

    [Theory]
    [InlineData("441900")]
    [InlineData("460400")]
    public void A_reported_city_without_counties_goes_to_its_unit(string city)
    {
        Assert.Equal(city, UnitFor(city));
    }

    [Fact]
    public void A_reported_province_goes_to_the_province_unit()
    {
        Assert.Equal("330000", UnitFor("330000", "120.24.78.68"));
    }

    [Theory]
    [InlineData("47.96.1.1", "330100")]
    [InlineData("47.96.1.0-47.96.1.255", "330100")]
    [InlineData("120.24.78.68", "440300")]
    [InlineData("220.181.38.148", "110000")]
    public void Without_a_region_the_ip_s_region_decides(string ip, string unit)
    {
        Assert.Equal(unit, UnitFor(null, ip));
    }

    [Fact]
    public void The_first_ip_that_is_located_decides()
    {
        Assert.Equal("440300", UnitFor(null, "8.8.8.8", "120.24.78.68", "47.96.1.1"));
    }

    [Fact]
    public void An_unknown_region_code_falls_back_to_the_ip()
    {
        Assert.Equal("330100", UnitFor("990101", "47.96.1.1"));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.32.192.0")]
    [InlineData("10.0.0.1")]
    [InlineData("2001:db8::1")]
    public void A_foreign_or_private_ip_leaves_it_to_the_reporter_s_unit(string ip)
    {
        Assert.Equal(ReporterUnit, UnitFor(null, ip));
    }

    [Fact]
    public void Neither_region_nor_ip_leaves_it_to_the_reporter_s_unit()
    {
        Assert.Equal(ReporterUnit, UnitFor(null));
    }
}
