using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Beian.Core.Content;
using Beian.Web.Features.Content;
using Beian.Web.Features.Unfiled;
using Beian.Web.Infrastructure.Storage;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Uploads;
using Microsoft.Extensions.DependencyInjection;
using static Beian.Web.Tests.Content.ContentFlows;

namespace Beian.Web.Tests.Content;

/// <summary>
/// 下载中心: administrators upload files that are checked by their bytes, the public lists and downloads
/// the published ones without login, always as attachments of their own type; the platform's own
/// CSV templates are there from the start. The limit is lowered to 64 KB here (Downloads:MaxBytes).
/// </summary>
public abstract class DownloadTests(PlatformFixture platform)
{
    public const long Limit = 64 * 1024;

    private static byte[] Exe()
    {
        var bytes = new byte[4096];
        "MZ"u8.CopyTo(bytes);
        "This program cannot be run in DOS mode."u8.CopyTo(bytes.AsSpan(78));
        return bytes;
    }

    private static byte[] Docx()
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write("<w:document/>");
            }
        }
        return memory.ToArray();
    }

    private static Dictionary<string, string> Described(string title, string description = "平台操作说明") =>
        new() { ["Title"] = title, ["Description"] = description };

    private static Dictionary<string, TestUpload> Chosen(string name, byte[] content, string type = "application/pdf") =>
        new() { ["Upload"] = new TestUpload(name, content, type) };

    [Fact]
    public async Task A_forged_file_is_refused_and_a_real_pdf_downloads_anonymously_as_an_attachment_of_its_type()
    {
        platform.RequireAvailable();
        var admin = await AdministratorAsync(platform);
        var title = Unique("互联网站安全服务平台操作指南");
        var form = await admin.GetAsync("/Admin/Content/DownloadEdit");

        var refused = await admin.SubmitAsync(form, "发布", Described(title), Chosen("操作指南.pdf", Exe()));
        Assert.Equal("文件内容与扩展名不符", refused.FieldError("Upload"));
        Assert.Equal(title, ((IHtmlInputElement)refused.QuerySelector("[name='Title']")!).Value);
        Assert.Equal("平台操作说明", ((IHtmlTextAreaElement)refused.QuerySelector("[name='Description']")!).Value);
        refused = await admin.SubmitAsync(refused, "发布", Described(title), Chosen("setup.exe", Exe(), "application/octet-stream"));
        Assert.Equal("仅支持pdf、doc、docx、xls、xlsx、csv、zip格式的文件", refused.FieldError("Upload"));
        refused = await admin.SubmitAsync(refused, "发布", Described(title), Chosen("大文件.pdf", new byte[Limit + 1]));
        Assert.Equal("文件大小不能超过64KB", refused.FieldError("Upload"));
        refused = await admin.SubmitAsync(refused, "发布", Described(title));
        Assert.Equal("请选择要上传的文件", refused.FieldError("Upload"));

        var pdf = TestFiles.Pdf();
        var list = await admin.SubmitAsync(refused, "发布", Described(title), Chosen(@"C:\资料\操作指南.pdf", pdf, "application/octet-stream"));
        Assert.Equal("/Admin/Content/Downloads", list.PathOf());
        Assert.Contains("已发布", list.QuerySelector("#notice")!.TextContent);
        var item = await DownloadAsync(platform, title);
        Assert.Equal(("操作指南.pdf", DownloadFileKind.Pdf, "application/pdf", (long)pdf.Length), (item.FileName, item.Kind, item.ContentType, item.Size));

        var visitor = platform.NewClient();
        var page = await visitor.GetAsync("/Public/Downloads");
        var row = page.QuerySelectorAll("#downloads tbody tr").Single(tr => tr.QuerySelector(".download-title")!.TextContent == title);
        Assert.Equal("平台操作说明", row.QuerySelector(".download-description")!.TextContent);
        Assert.Equal("PDF", row.QuerySelector(".download-format")!.TextContent);
        var href = row.QuerySelector("a[href^='/Public/Downloads/']")!.GetAttribute("href")!;

        var response = await visitor.Http.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("操作指南.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());

        var home = await visitor.GetAsync("/");
        Assert.Contains(title, home.QuerySelectorAll("section[aria-labelledby='panel-Public-Downloads'] .home-list a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_draft_is_downloaded_by_administrators_only_and_a_replaced_file_leaves_the_storage()
    {
        platform.RequireAvailable();
        var admin = await AdministratorAsync(platform);
        var title = Unique("备案表格");
        var list = await admin.SubmitAsync(await admin.GetAsync("/Admin/Content/DownloadEdit"), "保存草稿", Described(title), Chosen("备案表格.pdf", TestFiles.Pdf()));
        Assert.Contains("保存为草稿", list.QuerySelector("#notice")!.TextContent);
        var item = await DownloadAsync(platform, title);
        var url = DownloadEndpoints.UrlOf(item.Id);

        var visitor = platform.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(title, (await visitor.GetAsync("/Public/Downloads")).Text());
        var preview = await admin.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("no-store", preview.Headers.CacheControl!.ToString());

        // 编辑 with a Word file instead: the PDF's stored object is removed once the row is saved.
        var edit = await admin.GetAsync($"/Admin/Content/DownloadEdit/{item.Id}");
        Assert.Contains("不选择则保留当前文件", edit.Text());
        list = await admin.SubmitAsync(edit, "发布", Described(title, "改为Word版"),
            Chosen("备案表格.docx", Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Assert.Equal("/Admin/Content/Downloads", list.PathOf());
        var replaced = await DownloadAsync(platform, title);
        Assert.Equal((DownloadFileKind.Docx, "备案表格.docx", ContentStatus.Published), (replaced.Kind, replaced.FileName, replaced.Status));
        var storage = platform.Services.GetRequiredService<IFileStorage>();
        Assert.False(await storage.ExistsAsync(item.StorageKey!));
        Assert.True(await storage.ExistsAsync(replaced.StorageKey!));
        var download = await visitor.Http.GetAsync(url);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);

        // Editing without choosing a file keeps it.
        list = await admin.SubmitAsync(await admin.GetAsync($"/Admin/Content/DownloadEdit/{item.Id}"), "保存", Described(title + "（修订）"));
        Assert.Equal(replaced.StorageKey, (await DownloadAsync(platform, title + "（修订）")).StorageKey);

        list = await admin.PressAsync(list, list.QuerySelectorAll($"tr[data-id='{item.Id}'] button").OfType<IHtmlElement>().Single(b => b.TextContent.Trim() == "取消发布"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync(url)).StatusCode);
        list = await admin.PressAsync(list, list.QuerySelectorAll($"tr[data-id='{item.Id}'] button").OfType<IHtmlElement>().Single(b => b.TextContent.Trim() == "删除"));
        Assert.Null(list.QuerySelector($"tr[data-id='{item.Id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_platforms_csv_templates_are_offered_from_the_start_with_their_column_headers()
    {
        platform.RequireAvailable();
        var visitor = platform.NewClient();
        var page = await visitor.GetAsync("/Public/Downloads");
        var rows = page.QuerySelectorAll("#downloads tbody tr")
            .ToDictionary(tr => tr.QuerySelector(".download-title")!.TextContent, tr => tr.QuerySelector("a[href^='/Public/Downloads/']")!.GetAttribute("href")!);

        async Task<string> HeaderOf(string title)
        {
            var response = await visitor.Http.GetAsync(rows[title]);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
            return Encoding.UTF8.GetString(bytes[3..]).TrimEnd();
        }

        Assert.Equal("加速域名,CDN节点IP,源站IP,网站名称,公安备案号,客户名称,客户证件号码,所在地区,服务开始日期", await HeaderOf("CDN_IP上报模板"));
        Assert.Equal("起始IP,结束IP,IP段用途,所在地区,使用单位名称,使用单位证件号码,网站域名,分配日期", await HeaderOf("IP段模板"));
        Assert.Equal("APP名称,包名,开发者,版本,下载地址,工信部备案号,公安备案号,开发者证件号码,所在地区", await HeaderOf("应用市场APP上报模板"));
        Assert.Equal(string.Join(',', UnfiledCsv.UnfiledSiteColumns), await HeaderOf("未备案网站导入模板"));
        Assert.StartsWith(string.Join(',', UnfiledCsv.OfflineFilingColumns), await HeaderOf("已备案网站认领导入模板"));
        // What the police import reads is exactly what is offered here.
        var offered = await visitor.Http.GetByteArrayAsync(rows["未备案网站导入模板"]);
        Assert.Empty(UnfiledCsv.ParseUnfiledSites(offered).Failures);
    }
}

public sealed class DownloadSqlitePlatform : SqlitePlatform
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Downloads:MaxBytes"] = DownloadTests.Limit.ToString() };
}

public sealed class DownloadPostgresPlatform : PostgresPlatform
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Downloads:MaxBytes"] = DownloadTests.Limit.ToString() };
}

public sealed class DownloadTests_Sqlite(DownloadSqlitePlatform platform) : DownloadTests(platform), IClassFixture<DownloadSqlitePlatform>;

public sealed class DownloadTests_Postgres(DownloadPostgresPlatform platform) : DownloadTests(platform), IClassFixture<DownloadPostgresPlatform>;
