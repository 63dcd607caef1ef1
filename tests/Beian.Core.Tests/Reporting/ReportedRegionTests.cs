using Beian.Core.Reporting;

namespace Beian.Core.Tests.Reporting;

public class ReportedRegionTests
{
    private static string? Resolve(string? text) => ReportedRegion.Default.Resolve(text);

    [Theory]
    [InlineData("330106", "330106")]
    [InlineData(" 330106 ", "330106")]
    [InlineData("330100", "330100")]
    [InlineData("330000", "330000")]
    [InlineData("441900", "441900")]
    public void A_region_code_is_taken_as_it_is(string text, string code)
    {
        Assert.Equal(code, Resolve(text));
    }

    [Theory]
    [InlineData("浙江省杭州市西湖区", "330106")]
    [InlineData("浙江省 杭州市 西湖区", "330106")]
    [InlineData("浙江省/杭州市/西湖区", "330106")]
    [InlineData("浙江省-杭州市-西湖区", "330106")]
    [InlineData("浙江省\u3000杭州市\u3000西湖区", "330106")]
    [InlineData("浙江省杭州市", "330100")]
    [InlineData("浙江省", "330000")]
    [InlineData("广东省东莞市", "441900")]
    public void A_region_is_found_by_its_names_from_the_province_down(string text, string code)
    {
        Assert.Equal(code, Resolve(text));
    }

    [Theory]
    [InlineData("北京市东城区", "110101")]
    [InlineData("北京市市辖区东城区", "110101")]
    [InlineData("北京市 市辖区 东城区", "110101")]
    [InlineData("上海市浦东新区", "310115")]
    [InlineData("重庆市城口县", "500229")]
    [InlineData("重庆市县城口县", "500229")]
    [InlineData("北京市", "110000")]
    public void A_municipality_s_district_is_found_with_or_without_its_placeholder_level(string text, string code)
    {
        Assert.Equal(code, Resolve(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("990101")]
    [InlineData("33010")]
    [InlineData("3301066")]
    [InlineData("西湖区")]
    [InlineData("杭州市西湖区")]
    [InlineData("浙江省西湖区")]
    [InlineData("火星省")]
    public void Anything_else_is_no_region(string? text)
    {
        Assert.Null(Resolve(text));
    }
}
