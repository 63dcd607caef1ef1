using System.Security.Cryptography;
using System.Text;
using Beian.Core.Content;
using Beian.Core.Reporting;
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
/// match what the import reads, and the reports of 服务商 and 应用市场 from <see cref="ReportTemplates"/>, which
/// the report reader reads (the manuals name the templates but not their columns). Header line only, UTF-8 with a BOM so
/// that Excel shows the Chinese.
/// </summary>
public static class DownloadTemplates
{
    public static readonly IReadOnlyList<DownloadTemplate> All =
    [
        new("unfiled-sites", "未备案网站导入模板", UnfiledCsv.UnfiledTemplateName,
            "公安机关批量导入未备案网站使用。列：" + string.Join("、", UnfiledCsv.UnfiledSiteColumns) + "；日期格式 yyyy-MM-dd。",
            () => UnfiledCsv.Template(UnfiledImportKind.UnfiledSites)),
        new("offline-filings", "已备案网站认领导入模板", UnfiledCsv.OfflineTemplateName,
            "公安机关导入线下已备案、待开办者在本平台认领的网站使用。列：" + string.Join("、", UnfiledCsv.OfflineFilingColumns)
            + "，可选列" + string.Join("、", UnfiledCsv.OfflineFilingOptionalColumns) + "；多个域名用分号分隔。",
            () => UnfiledCsv.Template(UnfiledImportKind.OfflineFilings)),
        Report("cdn-ip", ReportTemplates.Cdn),
        Report("ip-ranges", ReportTemplates.IpRanges),
        Report("app-listings", ReportTemplates.AppListings),
    ];

    /// <summary>A report template of 服务商业务 / 应用市场业务: the columns the report reader takes, required ones first named.</summary>
    private static DownloadTemplate Report(string key, ReportTemplate template) =>
        new(key, template.Title, template.FileName,
            template.Description + "列：" + string.Join("、", template.Columns.Select(c => c.Required ? c.Name + "（必填）" : c.Name)) + "；日期格式 yyyy-MM-dd。",
            () => HeaderLine(template.Names));

    public static DownloadTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);

    private static byte[] HeaderLine(IEnumerable<string> columns) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(',', columns) + "\r\n")];
}
