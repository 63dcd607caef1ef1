namespace Beian.Core.Reporting;

/// <summary>What a report carries: a provider's IP段 or CDN report, or a store's listed APPs.</summary>
public enum ReportKind
{
    /// <summary>IP段: ranges a hosting, cloud or access provider assigned, with the sites on them.</summary>
    IpRanges,
    /// <summary>CDN_IP: the domains a CDN accelerates and its node IPs.</summary>
    Cdn,
    /// <summary>应用市场APP: the APPs a store lists.</summary>
    AppListings,
}

/// <summary>One column of a report template: its header as the template prints it, whether a row must fill it, and its name in the API's JSON.</summary>
public sealed record ReportColumn(string Name, bool Required, string ApiName);

/// <summary>
/// The templates of the 下载中心 for the reports (SPEC §5 names IP段模板 and CDN_IP上报模板; the manuals give
/// no columns, so these are the platform's): what the template file holds and what the parser reads.
/// </summary>
public sealed record ReportTemplate(ReportKind Kind, string Title, string FileName, string Description, IReadOnlyList<ReportColumn> Columns)
{
    public IEnumerable<string> Names => Columns.Select(c => c.Name);
}

public static class ReportTemplates
{
    public static readonly ReportTemplate IpRanges = new(ReportKind.IpRanges, "IP段模板", "IP段模板.csv",
        "网络接入、IDC和云服务商上报其分配使用的IP地址段使用。一行一个IP段；网站域名可填多个，用分号分隔；IPv4或IPv6均可。",
        [
            new("起始IP", true, "startIp"), new("结束IP", true, "endIp"), new("IP段用途", true, "purpose"), new("所在地区", false, "region"), new("使用单位名称", true, "unitName"),
            new("使用单位证件号码", false, "unitCertificateNumber"), new("网站域名", false, "domains"), new("分配日期", false, "assignedOn"),
        ]);

    public static readonly ReportTemplate Cdn = new(ReportKind.Cdn, "CDN_IP上报模板", "CDN_IP上报模板.csv",
        "CDN服务商上报其加速的网站和节点IP使用。一行一个加速域名；节点IP和源站IP可填多个，用分号分隔。",
        [
            new("加速域名", true, "domain"), new("CDN节点IP", true, "nodeIps"), new("源站IP", false, "originIps"), new("网站名称", false, "siteName"), new("公安备案号", false, "publicSecurityNumber"),
            new("客户名称", false, "customerName"), new("客户证件号码", false, "customerCertificateNumber"), new("所在地区", false, "region"), new("服务开始日期", false, "serviceStartOn"),
        ]);

    public static readonly ReportTemplate AppListings = new(ReportKind.AppListings, "应用市场APP上报模板", "应用市场APP上报模板.csv",
        "应用市场上报其上架的APP使用。一行一个APP（一个包名）。",
        [
            new("APP名称", true, "appName"), new("包名", true, "packageName"), new("开发者", true, "developer"), new("版本", false, "version"), new("下载地址", false, "downloadUrl"),
            new("工信部备案号", false, "icpNumber"), new("公安备案号", false, "publicSecurityNumber"), new("开发者证件号码", false, "developerCertificateNumber"), new("所在地区", false, "region"),
        ]);

    public static readonly IReadOnlyList<ReportTemplate> All = [IpRanges, Cdn, AppListings];

    public static ReportTemplate Of(ReportKind kind) => All.First(t => t.Kind == kind);

    public static string Label(this ReportKind kind) => kind switch
    {
        ReportKind.IpRanges => "IP段",
        ReportKind.Cdn => "CDN",
        _ => "应用市场APP",
    };
}
