using Beian.Core.Reporting;

namespace Beian.Core.Tests.Reporting;

public class TelecomLicenceTests
{
    [Theory]
    [InlineData("B1-20160211", null, "B1", "20160211", "B1-20160211")]
    [InlineData("浙B2-20080224", "浙", "B2", "20080224", "浙B2-20080224")]
    [InlineData(" 京A1-12345678 ", "京", "A1", "12345678", "京A1-12345678")]
    [InlineData("B1－20160211", null, "B1", "20160211", "B1-20160211")]
    [InlineData("b1-20160211", null, "B1", "20160211", "B1-20160211")]
    [InlineData("粤b2-20090059", "粤", "B2", "20090059", "粤B2-20090059")]
    public void Licence_numbers_parse_into_province_category_and_serial(string input, string? province, string category, string serial, string value)
    {
        Assert.True(TelecomLicence.TryParse(input, out var licence));
        Assert.Equal(province, licence.Province);
        Assert.Equal(category, licence.Category);
        Assert.Equal(serial, licence.Serial);
        Assert.Equal(value, licence.Value);
        Assert.Equal(value, licence.ToString());
    }

    [Theory]
    [InlineData("B3-20160211")]
    [InlineData("C1-20160211")]
    [InlineData("B-20160211")]
    [InlineData("B1-2016021")]
    [InlineData("B1-201602111")]
    [InlineData("B120160211")]
    [InlineData("B1-2016021a")]
    [InlineData("港B1-20160211")]
    [InlineData("浙ICP备12345678号")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Other_shapes_are_not_licence_numbers(string? input)
    {
        Assert.False(TelecomLicence.TryParse(input, out _));
    }
}
