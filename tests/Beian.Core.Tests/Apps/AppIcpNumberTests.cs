using Beian.Core.Apps;

namespace Beian.Core.Tests.Apps;

/// <summary>工信部APP备案号 (<see cref="AppIcpNumber"/>): a 备案号 with the A suffix, or a B2 licence.</summary>
public class AppIcpNumberTests
{
    [Theory]
    [InlineData("浙ICP备2026055717号-3A", "浙ICP备2026055717号-3A")]
    [InlineData("浙ICP备2026055717号-3a", "浙ICP备2026055717号-3A")]
    [InlineData("浙ICP备２０２６０５５７１７号－３Ａ", "浙ICP备2026055717号-3A")]
    [InlineData(" 浙 icp 备 2026055717 号 - 3A ", "浙ICP备2026055717号-3A")]
    [InlineData("浙ICP备2026055717号—3A", "浙ICP备2026055717号-3A")]
    [InlineData("京ICP备123456号-9999A", "京ICP备123456号-9999A")]
    [InlineData("粤B2-20090059-1626A", "粤B2-20090059-1626A")]
    [InlineData("粤B2-20090059-1626a", "粤B2-20090059-1626A")]
    [InlineData("粤B2-20090059", "粤B2-20090059")]
    [InlineData("黔ICP备2026055717号-1A", "黔ICP备2026055717号-1A")]
    public void App_numbers_are_normalised(string input, string expected)
    {
        Assert.Equal(expected, AppIcpNumber.Normalize(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("浙ICP备2026055717号-3")]
    [InlineData("京ICP备12345678号")]
    [InlineData("京ICP备12345678号-1")]
    [InlineData("京ICP证030173号")]
    [InlineData("浙ICP备2026055717号-0A")]
    [InlineData("浙ICP备2026055717号-12345A")]
    [InlineData("浙ICP备12345号-3A")]
    [InlineData("浙ICP备2026055717号-3X")]
    [InlineData("浙ICP备2026055717号-3AA")]
    [InlineData("粤B2-20090059-1626")]
    [InlineData("粤B2-20090059-1626X")]
    [InlineData("粤B2-2009005")]
    [InlineData("B2-20090059")]
    [InlineData("港ICP备2026055717号-3A")]
    [InlineData("京公网安备11010502000001号")]
    public void Other_numbers_are_refused_with_the_format(string input)
    {
        Assert.Null(AppIcpNumber.Normalize(input, out var error));
        Assert.Equal(AppIcpNumber.FormatMessage, error);
        Assert.Contains("浙ICP备2026055717号-3A", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_number_is_asked_for(string? input)
    {
        Assert.Null(AppIcpNumber.Normalize(input, out var error));
        Assert.Equal("请填写工信部APP备案号（如：浙ICP备2026055717号-3A）", error);
    }
}
