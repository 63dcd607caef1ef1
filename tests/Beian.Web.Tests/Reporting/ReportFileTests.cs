using System.IO.Compression;
using System.Text;
using Beian.Core.Reporting;
using Beian.Web.Features.Reporting;
using ClosedXML.Excel;

namespace Beian.Web.Tests.Reporting;

/// <summary>Report files as providers save them: CSV in UTF-8 (with or without BOM) or GBK, and .xlsx; read row by row.</summary>
public class ReportFileTests
{
    private const string Header = "起始IP,结束IP,IP段用途,所在地区,使用单位名称,网站域名";
    private const string Row = "47.96.1.0,47.96.1.255,云服务器,浙江省杭州市西湖区,杭州云栖科技有限公司,www.yunqi-demo.cn";

    static ReportFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static List<(int Row, string?[] Cells)> Rows(byte[] content) => [.. ReportFile.Rows(new MemoryStream(content))];

    private static void AssertReadsTheTemplateRow(List<(int Row, string?[] Cells)> rows)
    {
        Assert.Equal([1, 2], rows.Select(r => r.Row));
        Assert.Equal(Header.Split(','), rows[0].Cells.Select(c => c?.TrimStart('\uFEFF')));
        Assert.Equal(Row.Split(','), rows[1].Cells);
        var header = ReportHeader.Read(ReportTemplates.IpRanges, rows[0].Cells, out var error);
        Assert.Null(error);
        var row = Assert.IsType<IpRangeRow>(ReportRows.Read(header!, rows[1].Row, rows[1].Cells).Row);
        Assert.Equal(("杭州云栖科技有限公司", "330106"), (row.UnitName, row.RegionCode));
    }

    [Fact]
    public void A_utf8_csv_with_a_bom_is_read()
    {
        var content = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\r\n{Row}\r\n")).ToArray();
        Assert.Equal(ReportFileFormat.Csv, ReportFile.Detect(content));
        AssertReadsTheTemplateRow(Rows(content));
    }

    [Fact]
    public void A_utf8_csv_without_a_bom_is_read()
    {
        AssertReadsTheTemplateRow(Rows(Encoding.UTF8.GetBytes($"{Header}\n{Row}\n")));
    }

    [Theory]
    [InlineData(936)]
    [InlineData(54936)]
    public void A_gbk_csv_as_excel_saves_it_is_read_with_its_chinese_header_and_cells(int codePage)
    {
        var content = Encoding.GetEncoding(codePage).GetBytes($"{Header}\r\n{Row}\r\n");
        Assert.Equal(ReportFileFormat.Csv, ReportFile.Detect(content));
        AssertReadsTheTemplateRow(Rows(content));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_long_utf8_csv_without_a_bom_is_utf8_whatever_character_its_first_64_kb_end_in(int bytesOfTheCutCharacter)
    {
        var start = Encoding.UTF8.GetBytes($"{Header}\n");
        var filler = new string('a', 64 * 1024 - start.Length - bytesOfTheCutCharacter);
        var content = Encoding.UTF8.GetBytes($"{Header}\n{filler}云服务器,47.96.1.255,云服务器,,杭州云栖科技有限公司\n");
        Assert.Equal(0xE4, content[64 * 1024 - bytesOfTheCutCharacter]);
        var rows = Rows(content);
        Assert.Equal(filler + "云服务器", rows[1].Cells[0]);
        Assert.Equal("杭州云栖科技有限公司", rows[1].Cells[4]);
    }

    [Fact]
    public void Quoted_cells_keep_their_commas_quotes_and_line_breaks_and_rows_are_the_file_s_records()
    {
        var csv = $"{Header}\r\n"
            + "47.96.1.0,47.96.1.255,\"云服务器,托管\",,\"杭州\"\"云栖\"\"科技有限公司\",\"a.yunqi-demo.cn\r\nb.yunqi-demo.cn\nc.yunqi-demo.cn\"\r\n"
            + "47.96.2.0,47.96.2.255,CDN,,\"杭州云栖科技有限公司\",\r\n";
        var rows = Rows(Encoding.UTF8.GetBytes(csv));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Row));
        Assert.Equal("云服务器,托管", rows[1].Cells[2]);
        Assert.Equal("杭州\"云栖\"科技有限公司", rows[1].Cells[4]);
        Assert.Equal("a.yunqi-demo.cn\r\nb.yunqi-demo.cn\nc.yunqi-demo.cn", rows[1].Cells[5]);
        Assert.Equal("47.96.2.0", rows[2].Cells[0]);

        var header = ReportHeader.Read(ReportTemplates.IpRanges, rows[0].Cells, out _)!;
        var row = Assert.IsType<IpRangeRow>(ReportRows.Read(header, rows[1].Row, rows[1].Cells).Row);
        Assert.Equal(["a.yunqi-demo.cn", "b.yunqi-demo.cn", "c.yunqi-demo.cn"], row.Domains.Select(d => d.Ascii));
        Assert.Equal(3, ReportRows.Read(header, rows[2].Row, rows[2].Cells).Row!.Line);
    }

    [Fact]
    public void A_blank_line_keeps_the_numbers_of_the_rows_after_it()
    {
        var rows = Rows(Encoding.UTF8.GetBytes($"{Header}\r\n{Row}\r\n,,,,,\r\n{Row.Replace("47.96.1.", "47.96.3.")}\r\n"));
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Row));
        Assert.True(ReportRows.IsBlank(rows[2].Cells));
        Assert.Equal("47.96.3.0", rows[3].Cells[0]);
    }

    [Fact]
    public void Rows_longer_or_shorter_than_the_header_are_read()
    {
        var rows = Rows(Encoding.UTF8.GetBytes($"{Header}\r\n{Row},多余,更多\r\n47.96.2.0,47.96.2.255\r\n"));
        Assert.Equal(Row.Split(','), rows[1].Cells.Take(6));
        Assert.Equal(["47.96.2.0", "47.96.2.255"], rows[2].Cells.Take(2));
        Assert.All(rows[2].Cells.Skip(2), Assert.Null);
        var header = ReportHeader.Read(ReportTemplates.IpRanges, rows[0].Cells, out _)!;
        Assert.IsType<IpRangeRow>(ReportRows.Read(header, rows[1].Row, rows[1].Cells).Row);
        Assert.Equal(new ReportRowFailure(3, "请填写IP段用途"), ReportRows.Read(header, rows[2].Row, rows[2].Cells).Failure);
    }

    [Fact]
    public void An_xlsx_is_read_from_its_first_sheet_with_dates_as_dates_and_numbers_as_numbers()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("IP段");
        workbook.AddWorksheet("说明").Cell(1, 1).Value = "填写说明";
        var columns = ReportTemplates.IpRanges.Names.ToList();
        for (var i = 0; i < columns.Count; i++) sheet.Cell(1, i + 1).Value = columns[i];
        object[] row = ["47.96.1.0", "47.96.1.255", "云服务器", 330106, "杭州云栖科技有限公司", "", "www.yunqi-demo.cn;shop.yunqi-demo.cn", new DateTime(2026, 3, 1)];
        for (var i = 0; i < row.Length; i++) sheet.Cell(3, i + 1).Value = row[i];
        sheet.Cell(4, 4).Value = 12.5;
        var content = Save(workbook);

        Assert.Equal(ReportFileFormat.Xlsx, ReportFile.Detect(content));
        var rows = Rows(content);
        Assert.Equal(columns, rows[0].Cells);
        var third = rows.Single(r => r.Row == 3).Cells;
        Assert.Equal("330106", third[3]);
        Assert.Equal("2026-03-01", third[7]);
        Assert.Equal("12.5", rows.Single(r => r.Row == 4).Cells[3]);

        var header = ReportHeader.Read(ReportTemplates.IpRanges, rows[0].Cells, out _)!;
        var read = Assert.IsType<IpRangeRow>(ReportRows.Read(header, 3, third).Row);
        Assert.Equal(("330106", new DateOnly(2026, 3, 1)), (read.RegionCode, read.AssignedOn));
    }

    [Fact]
    public void An_empty_file_has_no_rows()
    {
        Assert.Equal(ReportFileFormat.Csv, ReportFile.Detect([]));
        Assert.Empty(Rows([]));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D })]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 })]
    public void Binary_garbage_is_neither_format(byte[] head)
    {
        Assert.Null(ReportFile.Detect(head));
    }

    [Fact]
    public void A_stream_is_told_by_more_than_its_first_bytes_and_left_at_its_start()
    {
        var pdf = new MemoryStream([.. "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"u8, 0x00, 0x01]) { Position = 5 };
        Assert.Null(ReportFile.Detect(pdf));
        Assert.Equal(0, pdf.Position);
        var csv = new MemoryStream(Encoding.UTF8.GetBytes($"{Header}\n{Row}\n"));
        Assert.Equal(ReportFileFormat.Csv, ReportFile.Detect(csv));
        Assert.Equal(2, ReportFile.Rows(csv).Count());
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_fails_as_unreadable()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("说明.txt").Open());
            writer.Write(Header);
        }
        var content = buffer.ToArray();
        Assert.Equal(ReportFileFormat.Xlsx, ReportFile.Detect(content));
        var refused = Record.Exception(() => Rows(content));
        Assert.True(refused is InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException, refused?.GetType().FullName);
    }

    [Fact]
    public void Api_rows_come_back_through_the_file_reader_as_they_were_sent()
    {
        IReadOnlyDictionary<string, string?>[] sent =
        [
            new Dictionary<string, string?>
            {
                ["startIp"] = "47.96.1.0", ["endIp"] = "47.96.1.255", ["purpose"] = "云服务器,托管", ["region"] = "330106",
                ["unitName"] = "杭州\"云栖\"科技有限公司", ["unitCertificateNumber"] = null,
                ["domains"] = "a.yunqi-demo.cn;b.yunqi-demo.cn", ["assignedOn"] = "2026-03-01",
            },
            new Dictionary<string, string?>
            {
                ["startIp"] = "2408:4000::", ["endIp"] = "2408:4000::ff", ["purpose"] = "\"网站\"", ["unitName"] = "云栖,杭州",
                ["domains"] = "c.yunqi-demo.cn\r\nd.yunqi-demo.cn",
            },
            new Dictionary<string, string?> { ["startIp"] = "10.0.0.1", ["endIp"] = "10.0.0.9", ["purpose"] = "内网", ["unitName"] = "某单位" },
        ];
        var rows = Rows(ReportIntake.ApiRowsAsCsv(ReportKind.IpRanges, sent));
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Row));

        var template = ReportTemplates.IpRanges;
        var header = ReportHeader.Read(template, rows[0].Cells, out var error);
        Assert.Null(error);
        for (var i = 0; i < sent.Length; i++)
        {
            var cells = rows[i + 1].Cells;
            Assert.Equal(template.Columns.Select(c => sent[i].GetValueOrDefault(c.ApiName)), template.Names.Select(name => header!.Cell(cells, name)));
            Assert.Equal(template.Names.Select(name => ReportHeader.OfApi(template).Cell(cells, name)), template.Names.Select(name => header!.Cell(cells, name)));
        }

        var first = Assert.IsType<IpRangeRow>(ReportRows.Read(header!, rows[1].Row, rows[1].Cells).Row);
        Assert.Equal(("云服务器,托管", "杭州\"云栖\"科技有限公司", "330106"), (first.Purpose, first.UnitName, first.RegionCode));
        Assert.Equal(["a.yunqi-demo.cn", "b.yunqi-demo.cn"], first.Domains.Select(d => d.Ascii));
        var second = Assert.IsType<IpRangeRow>(ReportRows.Read(header!, rows[2].Row, rows[2].Cells).Row);
        Assert.Equal(("\"网站\"", "云栖,杭州", "2408:4000::-2408:4000::ff"), (second.Purpose, second.UnitName, second.Key));
        Assert.Equal(["c.yunqi-demo.cn", "d.yunqi-demo.cn"], second.Domains.Select(d => d.Ascii));
        Assert.Equal(new ReportRowFailure(4, "IP段不是公网地址（私有地址）"), ReportRows.Read(header!, rows[3].Row, rows[3].Cells).Failure);
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}
