using Beian.Core.Filing;

namespace Beian.Core.Tests.Filing;

/// <summary>工信部备案号 of APPs and 小程序 (<see cref="ServiceIcpNumber"/>): a 备案号 with the A or X suffix, or a B2 licence.</summary>
public class ServiceIcpNumberTests
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
        Assert.Equal(expected, ServiceIcpNumber.App.Normalize(input, out var error));
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
        Assert.Null(ServiceIcpNumber.App.Normalize(input, out var error));
        Assert.Equal(ServiceIcpNumber.App.FormatMessage, error);
        Assert.Contains("浙ICP备2026055717号-3A", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_number_is_asked_for(string? input)
    {
        Assert.Null(ServiceIcpNumber.App.Normalize(input, out var error));
        Assert.Equal("请填写工信部APP备案号（如：浙ICP备2026055717号-3A）", error);
    }

    [Theory]
    [InlineData("浙ICP备2026055717号-5X", "浙ICP备2026055717号-5X")]
    [InlineData("浙ICP备2026055717号-5x", "浙ICP备2026055717号-5X")]
    [InlineData("粤B2-20090059-1626X", "粤B2-20090059-1626X")]
    [InlineData("粤 B2-20090059－1626Ｘ", "粤B2-20090059-1626X")]
    [InlineData("粤B2-20090059", "粤B2-20090059")]
    public void Mini_program_numbers_take_the_x_suffix(string input, string expected)
    {
        Assert.Equal(expected, ServiceIcpNumber.MiniProgram.Normalize(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("浙ICP备2026055717号-5A")]
    [InlineData("粤B2-20090059-1626A")]
    [InlineData("浙ICP备2026055717号-5")]
    public void A_mini_program_number_without_its_x_is_refused_with_its_own_example(string input)
    {
        Assert.Null(ServiceIcpNumber.MiniProgram.Normalize(input, out var error));
        Assert.Equal("工信部备案号格式不正确，应为“浙ICP备2026055717号-5X”（经营性小程序可填“粤B2-20090059-1626X”）", error);
    }
}
