using Beian.Core.Exports;

namespace Beian.Core.Tests.Exports;

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点击查看\")")]
    [InlineData("+86 138 0000 0001")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("＝1+1")]
    [InlineData("＋1")]
    [InlineData("－1")]
    [InlineData("＠SUM(A1)")]
    public void Text_that_could_start_a_formula_gets_an_apostrophe_before_it(string text)
    {
        Assert.Equal("'" + text, SpreadsheetText.Escape(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("甬上茶事")]
    [InlineData("0571-88156273")]
    [InlineData("浙公网安备33010602000001号")]
    [InlineData(" =1+1")]
    [InlineData("a=b")]
    [InlineData("—")]
    [InlineData("'=1")]
    public void Other_text_is_unchanged(string text)
    {
        Assert.Equal(text, SpreadsheetText.Escape(text));
    }
}
