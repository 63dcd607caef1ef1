using Beian.Core.Numbering;
using Beian.Core.PublicQuery;

namespace Beian.Core.Tests.PublicQuery;

public class PublicSearchKindTests
{
    [Theory]
    [InlineData("京公网安备11010502000001号", PublicSearchKind.Number)]
    [InlineData("京公网安备 11010502000001", PublicSearchKind.Number)]
    [InlineData("11010502000001", PublicSearchKind.Number)]
    [InlineData("110105000655", PublicSearchKind.Number)]
    [InlineData("京110105000655号", PublicSearchKind.Number)]
    [InlineData("１１０１０５０２０００００１", PublicSearchKind.Number)]
    [InlineData("京ICP备10046444号", PublicSearchKind.Number)]
    [InlineData("www.example.com", PublicSearchKind.Domain)]
    [InlineData("https://example.com/a", PublicSearchKind.Domain)]
    [InlineData("例子。中国", PublicSearchKind.Domain)]
    [InlineData("小米科技", PublicSearchKind.Name)]
    [InlineData("12306", PublicSearchKind.Name)]
    [InlineData("Dr. Wang 诊所", PublicSearchKind.Name)]
    [InlineData("", PublicSearchKind.Name)]
    public void Auto_detection_reads_numbers_domains_and_names(string keyword, PublicSearchKind kind)
    {
        Assert.Equal(kind, PublicSearchKinds.Detect(keyword));
    }

    [Theory]
    [InlineData("京公网安备11010502000001号", "11010502000001")]
    [InlineData("京公网安备 11010502000001", "11010502000001")]
    [InlineData("11010502000001 号", "11010502000001")]
    [InlineData("京公网安备110105000655号", "110105000655")]
    public void A_number_query_finds_the_stored_digits(string typed, string digits)
    {
        Assert.True(PublicSecurityNumber.TryParse(typed, out var number, out var error), error);
        Assert.Equal(digits, number.Digits);
    }

    [Theory]
    [InlineData("沪公网安备11010502000001号", "省份简称与地区码不符")]
    [InlineData("1101050200000", "14位")]
    [InlineData("京ICP备10046444号", "ICP")]
    public void A_malformed_number_gets_a_Chinese_message(string typed, string message)
    {
        Assert.False(PublicSecurityNumber.TryParse(typed, out _, out var error));
        Assert.Contains(message, error);
    }
}
