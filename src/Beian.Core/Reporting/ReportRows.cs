using System.Globalization;
using Beian.Core.Apps;
using Beian.Core.Filing;
using Beian.Core.Numbering;
using Beian.Core.Websites;

namespace Beian.Core.Reporting;

/// <summary>A row of a report that was read: its line in the file (the header is line 1) and what identifies it within its reporter.</summary>
public interface IReportRow
{
    int Line { get; }

    /// <summary>The entry this row reports (a range, a domain, a package): a later row or report with the same key replaces it.</summary>
    string Key { get; }
}

/// <summary>A row of an IP段 report.</summary>
public sealed record IpRangeRow(int Line, IpRange Range, string Purpose, string? RegionCode, string UnitName, string? UnitCertificateNumber,
    IReadOnlyList<DomainName> Domains, DateOnly? AssignedOn) : IReportRow
{
    public string Key => Range.ToString();
}

/// <summary>A row of a CDN report.</summary>
public sealed record CdnRow(int Line, DomainName Domain, IReadOnlyList<IpRange> NodeIps, IReadOnlyList<IpRange> OriginIps, string? SiteName,
    PublicSecurityNumber? Number, string? CustomerName, string? CustomerCertificateNumber, string? RegionCode, DateOnly? ServiceStartOn) : IReportRow
{
    public string Key => Domain.Ascii;
}

/// <summary>A row of an 应用市场 report.</summary>
public sealed record AppListingRow(int Line, string AppName, string PackageName, string Developer, string? Version, string? DownloadUrl,
    string? IcpNumber, PublicSecurityNumber? Number, string? DeveloperCertificateNumber, string? RegionCode) : IReportRow
{
    public string Key => PackageName;
}

/// <summary>A row that was refused: its line and why, as the reporter reads it.</summary>
public sealed record ReportRowFailure(int Line, string Reason);

/// <summary>Where a report's columns are: the template's columns found in its header line, in any order.</summary>
public sealed class ReportHeader
{
    private readonly Dictionary<string, int> _index;

    private ReportHeader(ReportTemplate template, Dictionary<string, int> index)
    {
        Template = template;
        _index = index;
    }

    public ReportTemplate Template { get; }

    /// <summary>The header of a file: every required column of the template must be there (unknown columns are ignored).</summary>
    public static ReportHeader? Read(ReportTemplate template, IReadOnlyList<string?> cells, out string? error)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            var name = (cells[i] ?? string.Empty).Trim().TrimStart('\uFEFF').TrimEnd('*');
            if (template.Columns.Any(c => c.Name == name)) index.TryAdd(name, i);
        }
        var missing = template.Columns.Where(c => c.Required && !index.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        error = missing.Count == 0 ? null : $"文件不是{template.Title}：缺少列 {string.Join("、", missing)}（第1行应为列名）";
        return error == null ? new ReportHeader(template, index) : null;
    }

    /// <summary>The header of the API, whose rows name their cells by <see cref="ReportColumn.ApiName"/>.</summary>
    public static ReportHeader OfApi(ReportTemplate template) =>
        new(template, template.Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal));

    public string? Cell(IReadOnlyList<string?> cells, string column) =>
        _index.TryGetValue(column, out var i) && i < cells.Count && cells[i] is { } value && value.Trim().Length > 0 ? value.Trim() : null;
}

/// <summary>
/// Reads the rows of a report, one at a time: each is either a row of the template's kind or a failure with its
/// reason. Lists in a cell (several domains or IPs) are separated by ; ； , or a line break.
/// </summary>
public static class ReportRows
{
    public const int MaxText = 100;
    public const int MaxListEntries = 100;
    public const int MaxUrl = 500;
    private static readonly char[] ListSeparators = [';', '；', ',', '，', '\n', '\r'];

    public static (IReportRow? Row, ReportRowFailure? Failure) Read(ReportHeader header, int line, IReadOnlyList<string?> cells)
    {
        try
        {
            IReportRow row = header.Template.Kind switch
            {
                ReportKind.IpRanges => IpRanges(header, line, cells),
                ReportKind.Cdn => Cdn(header, line, cells),
                _ => AppListing(header, line, cells),
            };
            return (row, null);
        }
        catch (RowRefused refused)
        {
            return (null, new ReportRowFailure(line, refused.Message));
        }
    }

    /// <summary>True when every cell is empty: such a line is skipped, not refused.</summary>
    public static bool IsBlank(IReadOnlyList<string?> cells) => cells.All(string.IsNullOrWhiteSpace);

    private static IpRangeRow IpRanges(ReportHeader header, int line, IReadOnlyList<string?> cells)
    {
        var start = Required(header, cells, "起始IP");
        var end = Required(header, cells, "结束IP");
        if (!IpRange.TryParse($"{start}-{end}", out var range, out var error)) throw new RowRefused($"起始IP、结束IP：{error}");
        if (range.NonPublicReason is { } reason) throw new RowRefused($"IP段不是公网地址（{reason}）");
        return new IpRangeRow(line, range, Text(header, cells, "IP段用途", required: true)!, Region(header, cells),
            Text(header, cells, "使用单位名称", required: true)!, Certificate(header, cells, "使用单位证件号码"),
            Domains(header, cells, "网站域名"), Date(header, cells, "分配日期"));
    }

    private static CdnRow Cdn(ReportHeader header, int line, IReadOnlyList<string?> cells)
    {
        var domains = Domains(header, cells, "加速域名");
        if (domains.Count != 1) throw new RowRefused(domains.Count == 0 ? "请填写加速域名" : "加速域名一行只能填一个");
        var nodes = Ips(header, cells, "CDN节点IP");
        if (nodes.Count == 0) throw new RowRefused("请填写CDN节点IP");
        return new CdnRow(line, domains[0], nodes, Ips(header, cells, "源站IP"), Text(header, cells, "网站名称"),
            Number(header, cells), Text(header, cells, "客户名称"), Certificate(header, cells, "客户证件号码"), Region(header, cells),
            Date(header, cells, "服务开始日期"));
    }

    private static AppListingRow AppListing(ReportHeader header, int line, IReadOnlyList<string?> cells)
    {
        var package = Required(header, cells, "包名");
        if (!AppIdentifiers.IsPackageName(package) && !AppIdentifiers.IsBundleId(package))
            throw new RowRefused($"包名“{Shorten(package)}”格式不正确，应如 com.example.app");
        var url = Text(header, cells, "下载地址", max: MaxUrl);
        if (url != null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            throw new RowRefused("下载地址应为 http:// 或 https:// 开头的网址");
        string? icp = null;
        if (header.Cell(cells, "工信部备案号") is { } icpText)
        {
            icp = ServiceIcpNumber.App.Normalize(icpText, out var icpError) ?? throw new RowRefused($"工信部备案号：{icpError}");
        }
        return new AppListingRow(line, Text(header, cells, "APP名称", required: true)!, package, Text(header, cells, "开发者", required: true)!,
            Text(header, cells, "版本", max: 50), url, icp, Number(header, cells), Certificate(header, cells, "开发者证件号码"), Region(header, cells));
    }

    private static string Required(ReportHeader header, IReadOnlyList<string?> cells, string column) =>
        header.Cell(cells, column) ?? throw new RowRefused($"请填写{column}");

    private static string? Text(ReportHeader header, IReadOnlyList<string?> cells, string column, bool required = false, int max = MaxText)
    {
        var value = required ? Required(header, cells, column) : header.Cell(cells, column);
        if (value != null && value.Length > max) throw new RowRefused($"{column}不能超过{max}个字");
        if (value != null && value.Any(char.IsControl)) throw new RowRefused($"{column}含有不可见的控制字符");
        return value;
    }

    private static string? Certificate(ReportHeader header, IReadOnlyList<string?> cells, string column)
    {
        var value = Text(header, cells, column, max: 30)?.Replace(" ", "").ToUpperInvariant();
        if (value != null && !value.All(char.IsAsciiLetterOrDigit)) throw new RowRefused($"{column}只能包含字母和数字");
        return value;
    }

    private static string? Region(ReportHeader header, IReadOnlyList<string?> cells)
    {
        var text = header.Cell(cells, "所在地区");
        if (text == null) return null;
        return ReportedRegion.Default.Resolve(text) ?? throw new RowRefused($"所在地区“{Shorten(text)}”不是有效的行政区划（可填“浙江省杭州市西湖区”或区划代码“330106”）");
    }

    private static PublicSecurityNumber? Number(ReportHeader header, IReadOnlyList<string?> cells)
    {
        if (header.Cell(cells, "公安备案号") is not { } text) return null;
        return PublicSecurityNumber.TryParse(text, out var number, out var error) ? number : throw new RowRefused($"公安备案号：{error}");
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyyMMdd", "yyyy年M月d日"];

    private static DateOnly? Date(ReportHeader header, IReadOnlyList<string?> cells, string column)
    {
        if (header.Cell(cells, column) is not { } text) return null;
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw new RowRefused($"{column}“{Shorten(text)}”不是日期，应如 2026-03-01");
    }

    private static IReadOnlyList<DomainName> Domains(ReportHeader header, IReadOnlyList<string?> cells, string column)
    {
        var domains = new List<DomainName>();
        foreach (var entry in List(header, cells, column))
        {
            if (!DomainName.TryParse(entry, out var domain, out _)) throw new RowRefused($"{column}“{Shorten(entry)}”不是域名，请只填写域名，不要包含 http:// 或路径");
            if (!domains.Contains(domain)) domains.Add(domain);
        }
        return domains;
    }

    private static IReadOnlyList<IpRange> Ips(ReportHeader header, IReadOnlyList<string?> cells, string column)
    {
        var ips = new List<IpRange>();
        foreach (var entry in List(header, cells, column))
        {
            if (!IpRange.TryParse(entry, out var ip, out var error)) throw new RowRefused($"{column}“{Shorten(entry)}”：{error}");
            if (ip.NonPublicReason is { } reason) throw new RowRefused($"{column}“{Shorten(entry)}”不是公网地址（{reason}）");
            if (!ips.Contains(ip)) ips.Add(ip);
        }
        return ips;
    }

    private static string[] List(ReportHeader header, IReadOnlyList<string?> cells, string column)
    {
        var entries = header.Cell(cells, column)?.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return entries.Length <= MaxListEntries ? entries : throw new RowRefused($"{column}一行最多填{MaxListEntries}个");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed class RowRefused(string message) : Exception(message);
}
