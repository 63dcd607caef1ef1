using Beian.Web.Features.Police.Exports;
using ClosedXML.Excel;

namespace Beian.Web.Tests.Police;

/// <summary>
/// The one writer of every police export: what goes in comes out of Excel typed, text never as a formula,
/// and a table longer than a worksheet goes on in the next.
/// </summary>
public sealed class ExcelExportTests
{
    [Fact]
    public async Task Each_sheet_has_its_header_row_and_rows()
    {
        var bytes = await WriteAsync([
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
    public async Task Text_stays_text(string text)
    {
        var bytes = await WriteAsync([new ExcelSheet("列表", ["内容"], [[text]])]);

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
    public async Task Text_that_could_start_a_formula_is_escaped_in_rows_and_headers(string text)
    {
        var bytes = await WriteAsync([new ExcelSheet("列表", [text], [[text]])]);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        foreach (var cell in new[] { workbook.Worksheet(1).Cell(1, 1), workbook.Worksheet(1).Cell(2, 1) })
        {
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal("'" + text, cell.GetString());
        }
    }

    [Fact]
    public async Task Times_are_Excel_dates_with_minutes()
    {
        var bytes = await WriteAsync([new ExcelSheet("列表", ["提交时间"], [[new DateTime(2026, 12, 1, 9, 30, 0)]])]);

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

    [Fact]
    public async Task The_header_is_bold_frozen_filtered_and_the_columns_as_wide_as_their_text()
    {
        var bytes = await WriteAsync([new ExcelSheet("列表", ["网站名称", "id"], [["甬上茶事官方网站", "1"], [new string('长', 80), "2"]])]);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(1);
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal("A1:B3", sheet.AutoFilter.Range.RangeAddress.ToString());
        // ClosedXML reads a width less Excel's padding of about 0.7.
        Assert.InRange(sheet.Column(1).Width, 59, 60); // the widest, at most 60
        Assert.InRange(sheet.Column(2).Width, 3, 4); // "id" and two more
    }

    [Fact]
    public async Task Rows_past_a_sheets_limit_go_on_in_a_second_sheet_under_the_same_header()
    {
        var rows = Enumerable.Range(1, 7).Select(i => (IReadOnlyList<object?>)[$"第{i}行", i]).ToList();

        var bytes = await WriteAsync([new ExcelSheet("已备案网站", ["名称", "序号"], rows)], new ExcelLayout(MaxRowsPerSheet: 5));

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(["已备案网站", "已备案网站（2）"], workbook.Worksheets.Select(w => w.Name));
        var first = workbook.Worksheet(1);
        var second = workbook.Worksheet(2);
        Assert.Equal(["名称", "序号"], Download.HeaderOf(second));
        Assert.Equal(Enumerable.Range(1, 4).Select(i => $"第{i}行"), Download.RowsOf(first).Select(r => r[0]));
        Assert.Equal(Enumerable.Range(5, 3).Select(i => $"第{i}行"), Download.RowsOf(second).Select(r => r[0]));
    }

    [Fact]
    public async Task A_table_that_exactly_fills_its_sheets_gets_no_empty_sheet_after_them()
    {
        var rows = Enumerable.Range(1, 8).Select(i => (IReadOnlyList<object?>)[i]).ToList();

        var bytes = await WriteAsync([new ExcelSheet("列表", ["序号"], rows), new ExcelSheet("空表", ["序号"], [])], new ExcelLayout(MaxRowsPerSheet: 5));

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(["列表", "列表（2）", "空表"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(5, workbook.Worksheet(2).LastRowUsed()!.RowNumber());
        Assert.Equal(["序号"], Download.HeaderOf(workbook.Worksheet(3)));
    }

    [Fact]
    public async Task The_writer_says_how_far_it_is_as_it_goes_and_when_done()
    {
        var heard = new List<long>();
        var rows = Enumerable.Range(1, 25).Select(i => (IReadOnlyList<object?>)[i]).ToList();

        var written = await ExcelExport.WriteAsync(new MemoryStream(), [new ExcelSheet("列表", ["序号"], rows)], new ExcelLayout(ProgressEvery: 10),
            (count, _) => { heard.Add(count); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(25, written);
        Assert.Equal([10L, 20L, 25L], heard);
    }

    [Fact]
    public async Task Rows_are_read_as_they_are_written_not_all_before()
    {
        var read = 0;
        var stream = new MemoryStream();
        var sizes = new List<(int Read, long Bytes)>();

        await ExcelExport.WriteAsync(stream, [new ExcelSheet("列表", ["序号", "名称"], Counted(5_000))], new ExcelLayout(ProgressEvery: 1_000),
            (_, _) => { sizes.Add((read, stream.Length)); return Task.CompletedTask; }, CancellationToken.None);

        // Past the rows read ahead for the widths, a row is read at most a bounded buffer ahead of the one written.
        Assert.Equal(6, sizes.Count); // every 1,000 rows, and once when done
        Assert.All(sizes.Take(5).Select((s, i) => s.Read - (i + 1) * 1_000), ahead => Assert.InRange(ahead, 0, ExcelExport.ReadAheadRows + 1));
        Assert.True(sizes[^1].Bytes > sizes[1].Bytes);

        async IAsyncEnumerable<IReadOnlyList<object?>> Counted(int count)
        {
            for (var i = 1; i <= count; i++)
            {
                await Task.Yield();
                read = i;
                yield return [i, $"网站{i}"];
            }
        }
    }

    [Fact]
    public async Task A_failure_while_reading_ahead_reaches_the_writer_and_stops_the_export()
    {
        var failing = new ExcelSheet("列表", ["序号"], FailingAfter(1_500));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ExcelExport.WriteAsync(new MemoryStream(), [failing], ExcelLayout.Default, null, CancellationToken.None));
        Assert.Equal("数据库连接中断", error.Message);

        static async IAsyncEnumerable<IReadOnlyList<object?>> FailingAfter(int count)
        {
            for (var i = 1; i <= count; i++)
            {
                await Task.Yield();
                yield return [i];
            }
            throw new InvalidOperationException("数据库连接中断");
        }
    }

    [Fact]
    public async Task A_writer_that_stops_early_lets_the_rows_go_before_it_returns()
    {
        var disposed = false;
        var heard = 0;
        var stop = new InvalidOperationException("停止");

        await Assert.ThrowsAsync<InvalidOperationException>(() => ExcelExport.WriteAsync(new MemoryStream(),
            [new ExcelSheet("列表", ["序号"], Endless())], new ExcelLayout(ProgressEvery: 1_000),
            (_, _) => ++heard == 3 ? throw stop : Task.CompletedTask, CancellationToken.None));
        Assert.True(disposed);

        async IAsyncEnumerable<IReadOnlyList<object?>> Endless()
        {
            try
            {
                for (var i = 1; ; i++)
                {
                    await Task.Yield();
                    yield return [i];
                }
            }
            finally
            {
                disposed = true;
            }
        }
    }

    private static async Task<byte[]> WriteAsync(IReadOnlyList<ExcelSheet> sheets, ExcelLayout? layout = null)
    {
        using var stream = new MemoryStream();
        await ExcelExport.WriteAsync(stream, sheets, layout ?? ExcelLayout.Default, null, CancellationToken.None);
        return stream.ToArray();
    }
}
