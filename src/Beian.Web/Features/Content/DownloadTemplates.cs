using System.Security.Cryptography;
using System.Text;
using Beian.Core.Content;
using Beian.Web.Features.Unfiled;

namespace Beian.Web.Features.Content;

/// <summary>A template the platform itself offers in the 下载中心: its bytes are made by the code that reads such files.</summary>
public sealed record DownloadTemplate(string Key, string Title, string FileName, string Description, Func<byte[]> Bytes)
{
    public StoredDownload Describe()
    {
        var bytes = Bytes();
        return new StoredDownload(FileName, DownloadFileKind.Csv, DownloadFileRules.ContentTypeOf(DownloadFileKind.Csv), bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), StorageKey: null);
    }
}

/// <summary>
/// The CSV templates of the 下载中心 (SPEC §5: the old download centre had CDN_IP上报模板 and IP段模板):
/// the police import files of 未备案网站 and 网站认领, from <see cref="UnfiledCsv"/> so they always
/// match what the import reads, and the 服务商 reports, whose columns are this platform's own
/// (the manuals name the templates but not their columns). Header line only, UTF-8 with a BOM so
/// that Excel shows the Chinese.
/// </summary>
public static class DownloadTemplates
{
    public static readonly string[] CdnIpColumns = ["加速域名", "CDN节点IP", "源站IP", "网站名称", "公安备案号", "服务开始日期"];
    public static readonly string[] IpRangeColumns = ["起始IP", "结束IP", "IP段用途", "所在地区", "使用单位名称", "分配日期"];

    public static readonly IReadOnlyList<DownloadTemplate> All =
    [
        new("unfiled-sites", "未备案网站导入模板", UnfiledCsv.UnfiledTemplateName,
            "公安机关批量导入未备案网站使用。列：" + string.Join("、", UnfiledCsv.UnfiledSiteColumns) + "；日期格式 yyyy-MM-dd。",
            () => UnfiledCsv.Template(UnfiledImportKind.UnfiledSites)),
        new("offline-filings", "已备案网站认领导入模板", UnfiledCsv.OfflineTemplateName,
            "公安机关导入线下已备案、待开办者在本平台认领的网站使用。列：" + string.Join("、", UnfiledCsv.OfflineFilingColumns)
            + "，可选列" + string.Join("、", UnfiledCsv.OfflineFilingOptionalColumns) + "；多个域名用分号分隔。",
            () => UnfiledCsv.Template(UnfiledImportKind.OfflineFilings)),
        new("cdn-ip", "CDN_IP上报模板", "CDN_IP上报模板.csv",
            "CDN服务商上报其加速的网站和节点IP使用。列：" + string.Join("、", CdnIpColumns) + "；一行一个域名与节点IP。",
            () => HeaderLine(CdnIpColumns)),
        new("ip-ranges", "IP段模板", "IP段模板.csv",
            "网络接入、IDC和云服务商上报其分配使用的IP地址段使用。列：" + string.Join("、", IpRangeColumns) + "；IPv4或IPv6均可。",
            () => HeaderLine(IpRangeColumns)),
    ];

    public static DownloadTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);

    private static byte[] HeaderLine(IEnumerable<string> columns) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(',', columns) + "\r\n")];
}
