using Beian.Core.Reporting;
using Beian.Core.Websites;

namespace Beian.Core.Tests.Reporting;

public class ReportRowsTests
{
    private const int Line = 7;

    private static readonly Dictionary<string, string?> GoodIpRange = new()
    {
        ["起始IP"] = "47.96.1.0", ["结束IP"] = "47.96.1.255", ["IP段用途"] = "云服务器", ["所在地区"] = "浙江省杭州市西湖区",
        ["使用单位名称"] = "杭州云栖科技有限公司", ["使用单位证件号码"] = "91330106MA2B1C2D3E", ["网站域名"] = "www.yunqi-demo.cn;shop.yunqi-demo.cn",
        ["分配日期"] = "2026-03-01",
    };

    private static readonly Dictionary<string, string?> GoodCdn = new()
    {
        ["加速域名"] = "static.yunqi-demo.cn", ["CDN节点IP"] = "47.96.2.1;47.96.2.2", ["源站IP"] = "116.62.1.1", ["网站名称"] = "云栖商城",
        ["公安备案号"] = "浙公网安备33010602000001号", ["客户名称"] = "杭州云栖科技有限公司", ["客户证件号码"] = "91330106MA2B1C2D3E",
        ["所在地区"] = "330106", ["服务开始日期"] = "2026/3/1",
    };

    private static readonly Dictionary<string, string?> GoodApp = new()
    {
        ["APP名称"] = "云栖购物", ["包名"] = "cn.yunqi.shop", ["开发者"] = "杭州云栖科技有限公司", ["版本"] = "3.2.1",
        ["下载地址"] = "https://apps.example.com/cn.yunqi.shop.apk", ["工信部备案号"] = "浙ICP备2026055717号-3A",
        ["公安备案号"] = "浙公网安备33010603000001号", ["开发者证件号码"] = "91330106MA2B1C2D3E", ["所在地区"] = "浙江省杭州市西湖区",
    };

    private static Dictionary<string, string?> Good(ReportKind kind) =>
        kind switch { ReportKind.IpRanges => GoodIpRange, ReportKind.Cdn => GoodCdn, _ => GoodApp };

    private static ReportHeader Header(ReportTemplate template) => ReportHeader.Read(template, [.. template.Names], out _)!;

    private static (IReportRow? Row, ReportRowFailure? Failure) Read(ReportKind kind, params (string Column, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(Good(kind));
        foreach (var (column, value) in changes) values[column] = value;
        var template = ReportTemplates.Of(kind);
        return ReportRows.Read(Header(template), Line, [.. template.Names.Select(values.GetValueOrDefault)]);
    }

    private static T Row<T>(ReportKind kind, params (string Column, string? Value)[] changes) where T : IReportRow
    {
        var (row, failure) = Read(kind, changes);
        Assert.Null(failure);
        Assert.Equal(Line, row!.Line);
        return Assert.IsType<T>(row);
    }

    private static string Refusal(ReportKind kind, params (string Column, string? Value)[] changes)
    {
        var (row, failure) = Read(kind, changes);
        Assert.Null(row);
        Assert.Equal(Line, failure!.Line);
        return failure.Reason;
    }

    [Fact]
    public void A_good_ip_range_row_is_read_whole()
    {
        var row = Row<IpRangeRow>(ReportKind.IpRanges);
        Assert.Equal(IpRange.Parse("47.96.1.0-47.96.1.255"), row.Range);
        Assert.Equal("云服务器", row.Purpose);
        Assert.Equal("330106", row.RegionCode);
        Assert.Equal("杭州云栖科技有限公司", row.UnitName);
        Assert.Equal("91330106MA2B1C2D3E", row.UnitCertificateNumber);
        Assert.Equal(["www.yunqi-demo.cn", "shop.yunqi-demo.cn"], row.Domains.Select(d => d.Ascii));
        Assert.Equal(new DateOnly(2026, 3, 1), row.AssignedOn);
        Assert.Equal("47.96.1.0-47.96.1.255", row.Key);
    }

    [Fact]
    public void A_good_cdn_row_is_read_whole()
    {
        var row = Row<CdnRow>(ReportKind.Cdn);
        Assert.Equal("static.yunqi-demo.cn", row.Domain.Ascii);
        Assert.Equal([IpRange.Parse("47.96.2.1"), IpRange.Parse("47.96.2.2")], row.NodeIps);
        Assert.Equal([IpRange.Parse("116.62.1.1")], row.OriginIps);
        Assert.Equal("云栖商城", row.SiteName);
        Assert.Equal("33010602000001", row.Number?.Digits);
        Assert.Equal("杭州云栖科技有限公司", row.CustomerName);
        Assert.Equal("91330106MA2B1C2D3E", row.CustomerCertificateNumber);
        Assert.Equal("330106", row.RegionCode);
        Assert.Equal(new DateOnly(2026, 3, 1), row.ServiceStartOn);
        Assert.Equal("static.yunqi-demo.cn", row.Key);
    }

    [Fact]
    public void A_good_app_listing_row_is_read_whole()
    {
        var row = Row<AppListingRow>(ReportKind.AppListings);
        Assert.Equal("云栖购物", row.AppName);
        Assert.Equal("cn.yunqi.shop", row.PackageName);
        Assert.Equal("杭州云栖科技有限公司", row.Developer);
        Assert.Equal("3.2.1", row.Version);
        Assert.Equal("https://apps.example.com/cn.yunqi.shop.apk", row.DownloadUrl);
        Assert.Equal("浙ICP备2026055717号-3A", row.IcpNumber);
        Assert.Equal("33010603000001", row.Number?.Digits);
        Assert.Equal("91330106MA2B1C2D3E", row.DeveloperCertificateNumber);
        Assert.Equal("330106", row.RegionCode);
        Assert.Equal("cn.yunqi.shop", row.Key);
    }

    [Theory]
    [InlineData(ReportKind.IpRanges)]
    [InlineData(ReportKind.Cdn)]
    [InlineData(ReportKind.AppListings)]
    public void Optional_cells_may_be_left_empty(ReportKind kind)
    {
        var optional = ReportTemplates.Of(kind).Columns.Where(c => !c.Required).Select(c => (c.Name, (string?)" ")).ToArray();
        var (row, failure) = Read(kind, optional);
        Assert.Null(failure);
        Assert.NotNull(row);
    }

    [Theory]
    [InlineData(ReportKind.IpRanges, "起始IP")]
    [InlineData(ReportKind.IpRanges, "结束IP")]
    [InlineData(ReportKind.IpRanges, "IP段用途")]
    [InlineData(ReportKind.IpRanges, "使用单位名称")]
    [InlineData(ReportKind.Cdn, "加速域名")]
    [InlineData(ReportKind.Cdn, "CDN节点IP")]
    [InlineData(ReportKind.AppListings, "APP名称")]
    [InlineData(ReportKind.AppListings, "包名")]
    [InlineData(ReportKind.AppListings, "开发者")]
    public void Each_required_cell_left_empty_is_named(ReportKind kind, string column)
    {
        Assert.Equal($"请填写{column}", Refusal(kind, (column, null)));
        Assert.Equal($"请填写{column}", Refusal(kind, (column, "  ")));
    }

    [Fact]
    public void The_required_columns_are_the_ones_checked()
    {
        Assert.Equal(["起始IP", "结束IP", "IP段用途", "使用单位名称"], ReportTemplates.IpRanges.Columns.Where(c => c.Required).Select(c => c.Name));
        Assert.Equal(["加速域名", "CDN节点IP"], ReportTemplates.Cdn.Columns.Where(c => c.Required).Select(c => c.Name));
        Assert.Equal(["APP名称", "包名", "开发者"], ReportTemplates.AppListings.Columns.Where(c => c.Required).Select(c => c.Name));
    }

    [Fact]
    public void A_row_of_an_ip_range_report_may_be_an_ipv6_range_or_a_single_address()
    {
        Assert.Equal("2408:4000::-2408:4000::ffff", Row<IpRangeRow>(ReportKind.IpRanges, ("起始IP", "2408:4000::"), ("结束IP", "2408:4000::ffff")).Key);
        Assert.True(Row<IpRangeRow>(ReportKind.IpRanges, ("起始IP", "47.96.1.1"), ("结束IP", "47.96.1.1")).Range.IsSingle);
    }

    [Theory]
    [InlineData("47.96.1", "47.96.1.255")]
    [InlineData("47.96.1.0", "47.96.1.256")]
    [InlineData("47.96.1.0-47.96.1.9", "47.96.1.255")]
    [InlineData("主机", "47.96.1.255")]
    public void A_bad_ip_is_refused(string start, string end)
    {
        Assert.StartsWith("起始IP、结束IP：IP地址格式不正确", Refusal(ReportKind.IpRanges, ("起始IP", start), ("结束IP", end)));
    }

    [Fact]
    public void A_reversed_range_is_refused()
    {
        Assert.Equal("起始IP、结束IP：起始IP不能大于结束IP", Refusal(ReportKind.IpRanges, ("起始IP", "47.96.1.255"), ("结束IP", "47.96.1.0")));
    }

    [Fact]
    public void A_range_of_two_families_is_refused()
    {
        Assert.Equal("起始IP、结束IP：起止IP应同为IPv4或同为IPv6地址", Refusal(ReportKind.IpRanges, ("起始IP", "47.96.1.0"), ("结束IP", "2408:4000::1")));
    }

    [Theory]
    [InlineData("10.0.0.0", "10.0.0.255", "私有地址")]
    [InlineData("192.168.1.1", "192.168.1.1", "私有地址")]
    [InlineData("100.64.0.0", "100.64.0.255", "运营商共享地址")]
    [InlineData("127.0.0.1", "127.0.0.1", "环回地址")]
    [InlineData("9.255.255.0", "10.0.0.5", "私有地址")]
    [InlineData("fd00::1", "fd00::ff", "私有地址")]
    public void A_range_that_is_not_public_is_refused_with_its_reason(string start, string end, string reason)
    {
        Assert.Equal($"IP段不是公网地址（{reason}）", Refusal(ReportKind.IpRanges, ("起始IP", start), ("结束IP", end)));
    }

    [Theory]
    [InlineData("CDN节点IP", "47.96.2.1;47.96.2")]
    [InlineData("源站IP", "116.62.1")]
    public void A_bad_ip_in_a_cdn_list_is_refused_with_its_column(string column, string value)
    {
        Assert.StartsWith($"{column}“", Refusal(ReportKind.Cdn, (column, value)));
        Assert.Contains("IP地址格式不正确", Refusal(ReportKind.Cdn, (column, value)));
    }

    [Fact]
    public void A_reversed_range_in_a_cdn_list_is_refused()
    {
        Assert.Equal("CDN节点IP“47.96.2.9-47.96.2.1”：起始IP不能大于结束IP", Refusal(ReportKind.Cdn, ("CDN节点IP", "47.96.2.9-47.96.2.1")));
    }

    [Theory]
    [InlineData("CDN节点IP", "47.96.2.1;10.1.1.1", "10.1.1.1", "私有地址")]
    [InlineData("源站IP", "127.0.0.1", "127.0.0.1", "环回地址")]
    [InlineData("源站IP", "192.168.0.1-192.168.0.9", "192.168.0.1-192.168.0.9", "私有地址")]
    public void An_ip_of_a_cdn_row_that_is_not_public_is_refused_with_its_reason(string column, string value, string entry, string reason)
    {
        Assert.Equal($"{column}“{entry}”不是公网地址（{reason}）", Refusal(ReportKind.Cdn, (column, value)));
    }

    [Theory]
    [InlineData("http://www.yunqi-demo.cn")]
    [InlineData("https://www.yunqi-demo.cn/")]
    [InlineData("www.yunqi-demo.cn/index.html")]
    public void A_domain_with_a_scheme_or_a_path_is_refused(string domain)
    {
        Assert.Equal($"网站域名“{domain}”不是域名，请只填写域名，不要包含 http:// 或路径", Refusal(ReportKind.IpRanges, ("网站域名", domain)));
        Assert.Equal($"加速域名“{domain}”不是域名，请只填写域名，不要包含 http:// 或路径", Refusal(ReportKind.Cdn, ("加速域名", domain)));
    }

    [Fact]
    public void A_cdn_row_names_one_domain()
    {
        Assert.Equal("加速域名一行只能填一个", Refusal(ReportKind.Cdn, ("加速域名", "a.yunqi-demo.cn;b.yunqi-demo.cn")));
        Assert.Equal("static.yunqi-demo.cn", Row<CdnRow>(ReportKind.Cdn, ("加速域名", "static.yunqi-demo.cn; STATIC.yunqi-demo.cn")).Key);
    }

    [Theory]
    [InlineData("a.yunqi-demo.cn;b.yunqi-demo.cn；c.yunqi-demo.cn,d.yunqi-demo.cn，e.yunqi-demo.cn\nf.yunqi-demo.cn\r\ng.yunqi-demo.cn")]
    [InlineData(" a.yunqi-demo.cn ; ; b.yunqi-demo.cn;c.yunqi-demo.cn\r\n\r\nd.yunqi-demo.cn,e.yunqi-demo.cn,f.yunqi-demo.cn;g.yunqi-demo.cn;")]
    public void List_cells_are_split_at_every_separator(string domains)
    {
        var row = Row<IpRangeRow>(ReportKind.IpRanges, ("网站域名", domains));
        Assert.Equal("abcdefg".Select(c => $"{c}.yunqi-demo.cn"), row.Domains.Select(d => d.Ascii));
    }

    [Fact]
    public void Ip_lists_are_split_and_repeated_entries_kept_once()
    {
        var row = Row<CdnRow>(ReportKind.Cdn, ("CDN节点IP", "47.96.2.1；47.96.2.2,47.96.2.1\n2408:4000::1-2408:4000::ff"));
        Assert.Equal(["47.96.2.1", "47.96.2.2", "2408:4000::1-2408:4000::ff"], row.NodeIps.Select(ip => ip.ToString()));
    }

    [Fact]
    public void A_list_of_more_than_a_hundred_entries_is_refused()
    {
        var domains = string.Join(';', Enumerable.Range(1, ReportRows.MaxListEntries + 1).Select(i => $"s{i}.yunqi-demo.cn"));
        Assert.Equal("网站域名一行最多填100个", Refusal(ReportKind.IpRanges, ("网站域名", domains)));
        Assert.Equal(100, Row<IpRangeRow>(ReportKind.IpRanges, ("网站域名", domains[..domains.LastIndexOf(';')])).Domains.Count);
    }

    [Theory]
    [InlineData("2026-03-01")]
    [InlineData("2026-3-1")]
    [InlineData("2026/3/1")]
    [InlineData("2026/03/01")]
    [InlineData("20260301")]
    [InlineData("2026年3月1日")]
    [InlineData(" 2026-03-01 ")]
    public void Dates_are_read_in_the_accepted_formats(string date)
    {
        Assert.Equal(new DateOnly(2026, 3, 1), Row<IpRangeRow>(ReportKind.IpRanges, ("分配日期", date)).AssignedOn);
        Assert.Equal(new DateOnly(2026, 3, 1), Row<CdnRow>(ReportKind.Cdn, ("服务开始日期", date)).ServiceStartOn);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("01/03/2026")]
    [InlineData("三月一日")]
    public void A_bad_date_is_refused(string date)
    {
        Assert.Equal($"分配日期“{date}”不是日期，应如 2026-03-01", Refusal(ReportKind.IpRanges, ("分配日期", date)));
        Assert.Equal($"服务开始日期“{date}”不是日期，应如 2026-03-01", Refusal(ReportKind.Cdn, ("服务开始日期", date)));
    }

    [Theory]
    [InlineData("330106", "330106")]
    [InlineData("浙江省杭州市西湖区", "330106")]
    [InlineData("浙江省 杭州市 西湖区", "330106")]
    [InlineData("北京市东城区", "110101")]
    [InlineData("北京市市辖区东城区", "110101")]
    [InlineData("浙江省杭州市", "330100")]
    public void The_region_is_read_by_code_or_by_name(string region, string code)
    {
        Assert.Equal(code, Row<IpRangeRow>(ReportKind.IpRanges, ("所在地区", region)).RegionCode);
        Assert.Equal(code, Row<CdnRow>(ReportKind.Cdn, ("所在地区", region)).RegionCode);
        Assert.Equal(code, Row<AppListingRow>(ReportKind.AppListings, ("所在地区", region)).RegionCode);
    }

    [Theory]
    [InlineData("西湖区")]
    [InlineData("990101")]
    [InlineData("火星省火星市")]
    public void An_unknown_region_is_refused(string region)
    {
        Assert.Equal($"所在地区“{region}”不是有效的行政区划（可填“浙江省杭州市西湖区”或区划代码“330106”）",
            Refusal(ReportKind.IpRanges, ("所在地区", region)));
    }

    [Theory]
    [InlineData("浙公网安备33010602000001号", "33010602000001")]
    [InlineData("33010602000001", "33010602000001")]
    [InlineData("浙公网安备 33010602000001", "33010602000001")]
    [InlineData("京公网安备110105000001号", "110105000001")]
    public void The_public_security_number_is_read_as_people_write_it(string number, string digits)
    {
        Assert.Equal(digits, Row<CdnRow>(ReportKind.Cdn, ("公安备案号", number)).Number?.Digits);
        Assert.Equal(digits, Row<AppListingRow>(ReportKind.AppListings, ("公安备案号", number)).Number?.Digits);
    }

    [Theory]
    [InlineData("京公网安备33010602000001号")]
    [InlineData("3301060200000")]
    [InlineData("33010602000000")]
    public void A_bad_public_security_number_is_refused(string number)
    {
        Assert.StartsWith("公安备案号：", Refusal(ReportKind.Cdn, ("公安备案号", number)));
        Assert.StartsWith("公安备案号：", Refusal(ReportKind.AppListings, ("公安备案号", number)));
    }

    [Theory]
    [InlineData("cn.yunqi.shop")]
    [InlineData("com.example.my_app")]
    [InlineData("com.example.my-app")]
    [InlineData("com.example.2048")]
    public void A_package_name_or_a_bundle_id_is_accepted(string package)
    {
        Assert.Equal(package, Row<AppListingRow>(ReportKind.AppListings, ("包名", package)).PackageName);
    }

    [Theory]
    [InlineData("yunqi")]
    [InlineData("cn..yunqi")]
    [InlineData("cn.yunqi.shop.")]
    [InlineData("cn.云栖.shop")]
    [InlineData("https://cn.yunqi.shop")]
    public void A_malformed_package_name_is_refused(string package)
    {
        Assert.Equal($"包名“{package}”格式不正确，应如 com.example.app", Refusal(ReportKind.AppListings, ("包名", package)));
    }

    [Theory]
    [InlineData("http://apps.example.com/a.apk")]
    [InlineData("https://apps.example.com/a.apk?from=store")]
    public void A_download_url_over_http_or_https_is_accepted(string url)
    {
        Assert.Equal(url, Row<AppListingRow>(ReportKind.AppListings, ("下载地址", url)).DownloadUrl);
    }

    [Theory]
    [InlineData("ftp://apps.example.com/a.apk")]
    [InlineData("market://details?id=cn.yunqi.shop")]
    [InlineData("apps.example.com/a.apk")]
    [InlineData("javascript:alert(1)")]
    public void A_download_url_of_another_scheme_is_refused(string url)
    {
        Assert.Equal("下载地址应为 http:// 或 https:// 开头的网址", Refusal(ReportKind.AppListings, ("下载地址", url)));
    }

    [Fact]
    public void A_bad_icp_number_of_an_app_is_refused()
    {
        Assert.StartsWith("工信部备案号：", Refusal(ReportKind.AppListings, ("工信部备案号", "ICP123")));
    }

    [Theory]
    [InlineData("91330106 ma2b1c2d3e", "91330106MA2B1C2D3E")]
    [InlineData("330106199001011234", "330106199001011234")]
    public void A_certificate_number_is_kept_without_spaces_in_upper_case(string certificate, string kept)
    {
        Assert.Equal(kept, Row<IpRangeRow>(ReportKind.IpRanges, ("使用单位证件号码", certificate)).UnitCertificateNumber);
    }

    [Fact]
    public void A_certificate_number_of_other_characters_is_refused()
    {
        Assert.Equal("使用单位证件号码只能包含字母和数字", Refusal(ReportKind.IpRanges, ("使用单位证件号码", "9133-0106")));
    }

    [Fact]
    public void Text_longer_than_its_limit_or_with_control_characters_is_refused()
    {
        Assert.Equal("使用单位名称不能超过100个字", Refusal(ReportKind.IpRanges, ("使用单位名称", new string('云', 101))));
        Assert.Equal("IP段用途含有不可见的控制字符", Refusal(ReportKind.IpRanges, ("IP段用途", "云\u0007服务器")));
        Assert.Equal("版本不能超过50个字", Refusal(ReportKind.AppListings, ("版本", new string('1', 51))));
    }

    [Fact]
    public void A_blank_line_is_blank()
    {
        Assert.True(ReportRows.IsBlank([null, "", "  "]));
        Assert.True(ReportRows.IsBlank([]));
        Assert.False(ReportRows.IsBlank([null, "x"]));
    }

    [Fact]
    public void The_header_may_list_the_columns_in_another_order_with_a_bom_required_marks_and_extra_columns()
    {
        string?[] headerCells = ["\uFEFF备注", "使用单位名称*", " 结束IP ", "起始IP*", "IP段用途", "网站域名", null, "机房"];
        var header = ReportHeader.Read(ReportTemplates.IpRanges, headerCells, out var error);
        Assert.Null(error);
        var (row, failure) = ReportRows.Read(header!, 2, ["无", "杭州云栖科技有限公司", "47.96.1.255", "47.96.1.0", "云服务器", "www.yunqi-demo.cn", "x", "A机房"]);
        Assert.Null(failure);
        var range = Assert.IsType<IpRangeRow>(row);
        Assert.Equal("47.96.1.0-47.96.1.255", range.Key);
        Assert.Equal("杭州云栖科技有限公司", range.UnitName);
        Assert.Null(range.RegionCode);
        Assert.Null(range.AssignedOn);
    }

    [Fact]
    public void A_bom_before_the_first_column_is_ignored()
    {
        var header = ReportHeader.Read(ReportTemplates.AppListings, ["\uFEFFAPP名称", "包名", "开发者"], out var error);
        Assert.Null(error);
        Assert.Equal("云栖购物", header!.Cell(["云栖购物", "cn.yunqi.shop", "云栖"], "APP名称"));
    }

    [Fact]
    public void A_row_shorter_than_the_header_has_its_missing_cells_empty()
    {
        var header = ReportHeader.Read(ReportTemplates.AppListings, ["APP名称", "包名", "开发者", "版本"], out _)!;
        var row = Assert.IsType<AppListingRow>(ReportRows.Read(header, 3, ["云栖购物", "cn.yunqi.shop", "云栖"]).Row);
        Assert.Null(row.Version);
    }

    [Fact]
    public void A_header_without_required_columns_names_them()
    {
        Assert.Null(ReportHeader.Read(ReportTemplates.IpRanges, ["结束IP", "IP段用途", "所在地区"], out var error));
        Assert.Equal("文件不是IP段模板：缺少列 起始IP、使用单位名称（第1行应为列名）", error);
        Assert.Null(ReportHeader.Read(ReportTemplates.Cdn, ReportTemplates.IpRanges.Names.ToList(), out error));
        Assert.Equal("文件不是CDN_IP上报模板：缺少列 加速域名、CDN节点IP（第1行应为列名）", error);
        Assert.Null(ReportHeader.Read(ReportTemplates.AppListings, [], out error));
        Assert.Equal("文件不是应用市场APP上报模板：缺少列 APP名称、包名、开发者（第1行应为列名）", error);
    }

    [Fact]
    public void The_api_header_reads_cells_in_the_template_s_order()
    {
        var template = ReportTemplates.Cdn;
        var header = ReportHeader.OfApi(template);
        var cells = template.Names.Select(name => GoodCdn[name]).ToArray();
        Assert.Equal(GoodCdn, template.Names.ToDictionary(name => name, name => header.Cell(cells, name)));
    }
}
