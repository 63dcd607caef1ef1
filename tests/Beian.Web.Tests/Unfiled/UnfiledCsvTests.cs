using System.Text;
using Beian.Web.Features.Unfiled;

namespace Beian.Web.Tests.Unfiled;

/// <summary>The two import formats: good rows kept, bad rows reported with their line and reason, UTF-8 or GBK.</summary>
public sealed class UnfiledCsvTests
{
    private const string UnfiledHeader = "域名,IP,接入服务商,发现日期,整改期限,主体证件号码";
    private const string OfflineHeader = "公安备案号,网站名称,域名,开办者名称,主体证件号码,备案日期";

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public void Good_rows_are_kept_and_bad_rows_are_reported_with_their_line_numbers()
    {
        var csv = string.Join("\r\n",
            UnfiledHeader,
            "www.Example.com,203.0.113.10,中国电信杭州分公司,2026-01-05,2026/2/4,91110108551385082q",
            "http://bad.example.com/x,203.0.113.11,电信,2026-01-05,2026-02-04,91110108551385082Q",
            "late.example.com,203.0.113.12,电信,2026-03-05,2026-02-04,91110108551385082Q",
            "",
            "nocert.example.com,,电信,2026-01-05,2026-02-04,",
            "WWW.example.com,203.0.113.10,电信,2026-01-05,2026-02-04,91110108551385082Q",
            "baddate.example.com,999.1.1.1,电信,2026年1月5日,2026-02-04,91110108551385082Q",
            "two.example.com,203.0.113.1-203.0.113.9|198.51.100.7,联通,2026/1/5,2026-1-5,X1");

        var result = UnfiledCsv.ParseUnfiledSites(Utf8WithBom(csv));

        Assert.Equal([2, 9], result.Rows.Select(r => r.Line));
        var first = result.Rows[0];
        Assert.Equal("www.example.com", first.Domain.Ascii);
        Assert.Equal("中国电信杭州分公司", first.Provider);
        Assert.Equal("91110108551385082Q", first.CertificateNumber); // spelt as a subject's number is stored
        Assert.Equal(new DateOnly(2026, 2, 4), first.Deadline);
        Assert.Equal("203.0.113.1-203.0.113.9；198.51.100.7", result.Rows[1].Ip);

        Assert.Equal([3, 4, 6, 7, 8], result.Failures.Select(f => f.Line));
        Assert.Contains("域名", Reason(result.Failures, 3));
        Assert.Contains("整改期限不能早于发现日期", Reason(result.Failures, 4));
        Assert.Contains("请填写主体证件号码", Reason(result.Failures, 6));
        Assert.Contains("与第2行重复", Reason(result.Failures, 7));
        Assert.Contains("日期格式不正确", Reason(result.Failures, 8));
        Assert.Contains("IP", Reason(result.Failures, 8));
    }

    [Fact]
    public void A_gbk_file_exported_by_excel_is_read_as_chinese()
    {
        var csv = UnfiledHeader + "\r\n" + "例子.中国,203.0.113.10,阿里云计算有限公司,2026-01-05,2026-02-04,91110108551385082Q\r\n";
        var gbk = UnfiledCsv.Gb18030.GetBytes(csv);

        var result = UnfiledCsv.ParseUnfiledSites(gbk);

        Assert.Empty(result.Failures);
        var row = Assert.Single(result.Rows);
        Assert.Equal("阿里云计算有限公司", row.Provider);
        Assert.Equal("例子.中国", row.Domain.Unicode);
        Assert.Equal(csv, UnfiledCsv.Decode(gbk));
        Assert.Equal(csv, UnfiledCsv.Decode(Encoding.UTF8.GetBytes(csv)));
    }

    [Fact]
    public void A_gbk_file_reports_bad_rows_with_their_line_numbers()
    {
        var csv = OfflineHeader + "\n"
            + "浙公网安备33010602000101号,杭州示例网,example-a.com；www.example-a.com|m.example-a.com,杭州示例科技有限公司,91330106MA27XL0T3B,2015-03-01\n"
            + "330106000102,旧站,old-example.cn,某单位,91330106MA27XL0T3B,2010/5/6\n"
            + "京公网安备33010602000103号,省份不符,c.example.com,某单位,X,2015-03-01\n"
            + "33010602000101,重复,d.example.com,某单位,X,2015-03-01\n"
            + ",无号,e.example.com,某单位,X,2015-03-01\n";

        var result = UnfiledCsv.ParseOfflineFilings(UnfiledCsv.Gb18030.GetBytes(csv), new DateOnly(2026, 1, 1));

        Assert.Equal([2, 3], result.Rows.Select(r => r.Line));
        Assert.Equal(["example-a.com", "www.example-a.com", "m.example-a.com"], result.Rows[0].Domains.Select(d => d.Ascii));
        Assert.Equal("浙公网安备33010602000101号", result.Rows[0].Number.Display);
        Assert.Equal("杭州示例科技有限公司", result.Rows[0].SubjectName);
        Assert.True(result.Rows[1].Number.IsLegacy);
        Assert.Equal([4, 5, 6], result.Failures.Select(f => f.Line));
        Assert.Contains("省份简称与地区码不符", Reason(result.Failures, 4));
        Assert.Contains("与第2行重复", Reason(result.Failures, 5));
        Assert.Contains("请填写公安备案号", Reason(result.Failures, 6));
    }

    [Fact]
    public void A_file_without_the_template_columns_is_refused_on_line_1()
    {
        var result = UnfiledCsv.ParseUnfiledSites(Encoding.UTF8.GetBytes("domain,ip\r\na.example.com,1.2.3.4\r\n"));

        Assert.Empty(result.Rows);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(1, failure.Line);
        Assert.Contains("表头缺少列：域名", failure.Reason);

        var empty = UnfiledCsv.ParseOfflineFilings([]);
        Assert.Equal(1, Assert.Single(empty.Failures).Line);
    }

    [Fact]
    public void The_templates_have_the_documented_headers()
    {
        Assert.Equal(UnfiledHeader + "\r\n", UnfiledCsv.Decode(UnfiledCsv.Template(UnfiledImportKind.UnfiledSites)));
        Assert.StartsWith(OfflineHeader, UnfiledCsv.Decode(UnfiledCsv.Template(UnfiledImportKind.OfflineFilings)));
    }

    private static string Reason(IEnumerable<ImportFailure> failures, int line) => failures.Single(f => f.Line == line).Reason;
}
