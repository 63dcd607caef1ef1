using Beian.Core.Exports;

namespace Beian.Core.Tests.Exports;

public class WorksheetsTests
{
    [Fact]
    public void The_first_sheet_keeps_the_tables_name_and_the_next_ones_are_numbered()
    {
        Assert.Equal("已备案网站", Worksheets.Name("已备案网站", 1));
        Assert.Equal("已备案网站（2）", Worksheets.Name("已备案网站", 2));
        Assert.Equal("已备案网站（12）", Worksheets.Name("已备案网站", 12));
    }

    [Fact]
    public void A_long_name_is_shortened_so_that_its_number_still_fits_in_31_characters()
    {
        var name = new string('表', 40);

        Assert.Equal(31, Worksheets.Name(name, 1).Length);
        var second = Worksheets.Name(name, 2);
        Assert.Equal(31, second.Length);
        Assert.EndsWith("（2）", second);
    }

    [Theory]
    [InlineData("a/b", "a_b")]
    [InlineData("[列表]", "_列表_")]
    [InlineData("'引号'", "引号")]
    [InlineData("", "Sheet")]
    public void Characters_Excel_refuses_in_a_sheet_name_are_replaced(string table, string expected)
    {
        Assert.Equal(expected, Worksheets.Name(table, 1));
    }

    [Fact]
    public void A_full_sheet_holds_Excels_rows_less_the_header()
    {
        Assert.Equal(1_048_575, Worksheets.DataRowsPerSheet(Worksheets.ExcelMaxRows));
        Assert.Equal(2, Worksheets.DataRowsPerSheet(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Worksheets.DataRowsPerSheet(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Worksheets.DataRowsPerSheet(Worksheets.ExcelMaxRows + 1));
    }
}

public class BackgroundExportsTests
{
    [Theory]
    [InlineData(50_000, false)]
    [InlineData(50_001, true)]
    public void Only_exports_above_the_threshold_run_in_the_background(long rows, bool background)
    {
        Assert.Equal(background, BackgroundExports.RunsInBackground(rows, BackgroundExports.DefaultBackgroundAbove));
    }

    [Theory]
    [InlineData(BackgroundExportStatus.Queued, 0, 200, 0)]
    [InlineData(BackgroundExportStatus.Running, 50, 200, 25)]
    [InlineData(BackgroundExportStatus.Running, 200, 200, 99)]
    [InlineData(BackgroundExportStatus.Running, 260, 200, 99)]
    [InlineData(BackgroundExportStatus.Running, 10, 0, 0)]
    [InlineData(BackgroundExportStatus.Completed, 180, 200, 100)]
    public void The_progress_never_shows_done_before_the_file_is(BackgroundExportStatus status, long written, long total, int percent)
    {
        Assert.Equal(percent, BackgroundExports.Percent(status, written, total));
    }

    [Fact]
    public void A_file_is_expired_from_its_expiry_on()
    {
        var expires = new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);

        Assert.False(BackgroundExports.IsExpired(expires, expires.AddSeconds(-1)));
        Assert.True(BackgroundExports.IsExpired(expires, expires));
        Assert.False(BackgroundExports.IsExpired(null, expires));
    }

    [Theory]
    [InlineData(BackgroundExportStatus.Queued, false, "等待导出")]
    [InlineData(BackgroundExportStatus.Running, false, "导出中")]
    [InlineData(BackgroundExportStatus.Completed, false, "已完成")]
    [InlineData(BackgroundExportStatus.Failed, false, "导出失败")]
    [InlineData(BackgroundExportStatus.Completed, true, "已过期")]
    public void Each_state_has_its_Chinese_label(BackgroundExportStatus status, bool expired, string label)
    {
        Assert.Equal(label, BackgroundExports.Label(status, expired));
    }
}
