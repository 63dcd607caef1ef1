using Beian.Web.Features.Police.Exports;
using ClosedXML.Excel;

namespace Beian.Web.Tests.Police;

/// <summary>The one writer of every police export: what goes in comes out of Excel typed, and text never as a formula.</summary>
public sealed class ExcelExportTests
{
    [Fact]
    public void Each_sheet_has_its_header_row_and_rows()
    {
        var bytes = ExcelExport.Write([
            new ExcelSheet("每日申请量", ["日期", "申请数"], [[new DateOnly(2026, 10, 9), 3], [new DateOnly(2026, 10, 10), 0]]),
            new ExcelSheet("审核状态", ["审核状态", "申请数"], [["待审核", 2]]),
        ]);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(["每日申请量", "审核状态"], workbook.Worksheets.Select(w => w.Name));
        var daily = workbook.Worksheet("每日申请量");
        Assert.Equal("日期", daily.Cell(1, 1).GetString());
        Assert.Equal(new DateTime(2026, 10, 9), daily.Cell(2, 1).GetDateTime());
        Assert.Equal(3, daily.Cell(2, 2).GetDouble());
        Assert.Equal(0, daily.Cell(3, 2).GetDouble());
        Assert.Equal(3, daily.LastRowUsed()!.RowNumber());
        Assert.Equal("2", workbook.Worksheet("审核状态").Cell(2, 2).GetFormattedString());
    }

    [Theory]
    [InlineData("0571-88156273")]
    [InlineData("33010602000001")]
    [InlineData("00123")]
    [InlineData("2026-10-09")]
    public void Text_stays_text(string text)
    {
        var bytes = ExcelExport.Write([new ExcelSheet("列表", ["内容"], [[text]])]);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var cell = workbook.Worksheet(1).Cell(2, 1);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(text, cell.GetString());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"详情\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1:A2)")]
    public void Text_that_could_start_a_formula_is_escaped_in_rows_and_headers(string text)
    {
        var bytes = ExcelExport.Write([new ExcelSheet("列表", [text], [[text]])]);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        foreach (var cell in new[] { workbook.Worksheet(1).Cell(1, 1), workbook.Worksheet(1).Cell(2, 1) })
        {
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal("'" + text, cell.GetString());
        }
    }

    [Fact]
    public void Times_are_Excel_dates_with_minutes()
    {
        var bytes = ExcelExport.Write([new ExcelSheet("列表", ["提交时间"], [[new DateTime(2026, 12, 1, 9, 30, 0)]])]);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var cell = workbook.Worksheet(1).Cell(2, 1);
        Assert.Equal(XLDataType.DateTime, cell.DataType);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 30, 0), cell.GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", cell.Style.DateFormat.Format);
    }

    [Fact]
    public void The_file_name_carries_the_list_and_the_date()
    {
        Assert.Equal("待审核申请_20261201.xlsx", ExcelExport.FileName("待审核申请", new DateOnly(2026, 12, 1)));
    }
}
