using Beian.Core.Websites;

namespace Beian.Core.Tests.Websites;

public class IcpNumberTests
{
    [Theory]
    [InlineData("京ICP备12345678号", "京ICP备12345678号", null)]
    [InlineData("京ICP备12345678号-2", "京ICP备12345678号-2", 2)]
    [InlineData("京ICP备12345678-2号", "京ICP备12345678号-2", 2)]
    [InlineData(" 粤 icp 备 123456 号 ", "粤ICP备123456号", null)]
    [InlineData("浙ICP备１２３４５６７８号－１", "浙ICP备12345678号-1", 1)]
    [InlineData("黔ICP备2021000123号", "黔ICP备2021000123号", null)]
    [InlineData("滇ICP备12345678号", "滇ICP备12345678号", null)]
    [InlineData("贵ICP备12345678号", "贵ICP备12345678号", null)]
    public void Filing_numbers_parse_and_normalise(string input, string value, int? site)
    {
        Assert.True(IcpNumber.TryParse(input, out var number, out var error), error);
        Assert.Equal(value, number.Value);
        Assert.Equal(site, number.SiteNumber);
        Assert.False(number.IsLicence);
    }

    [Fact]
    public void The_main_number_drops_the_site_suffix()
    {
        var number = IcpNumber.Parse("京ICP备12345678号-2");
        Assert.Equal("京", number.Province);
        Assert.Equal("12345678", number.Serial);
        Assert.Equal("京ICP备12345678号", number.MainNumber);
    }

    [Fact]
    public void Licence_numbers_parse()
    {
        var number = IcpNumber.Parse("京ICP证030173号");
        Assert.True(number.IsLicence);
        Assert.Equal("京ICP证030173号", number.Value);
        Assert.Null(number.SiteNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345678")]
    [InlineData("京ICP备12345号")]
    [InlineData("京ICP备12345678901号")]
    [InlineData("京ICP备12345678")]
    [InlineData("港ICP备12345678号")]
    [InlineData("京ICP备12345678号-0")]
    [InlineData("京ICP证030173号-1")]
    [InlineData("京公网安备11010502000001号")]
    public void Malformed_numbers_are_rejected(string input)
    {
        Assert.False(IcpNumber.TryParse(input, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
