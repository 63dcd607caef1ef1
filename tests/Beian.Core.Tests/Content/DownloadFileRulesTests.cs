using System.IO.Compression;
using System.Text;
using Beian.Core.Content;

namespace Beian.Core.Tests.Content;

/// <summary>下载中心 uploads are judged by their bytes: each kind passes with real content and fails with another's.</summary>
public class DownloadFileRulesTests
{
    private const long Limit = 1024 * 1024;

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Exe()
    {
        var bytes = new byte[2048];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[60] = 0x80;
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 78);
        return bytes;
    }

    public static byte[] Zip(params string[] entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }
        return memory.ToArray();
    }

    /// <summary>The start of an OLE2 compound file whose directory names <paramref name="stream"/>.</summary>
    public static byte[] CompoundFile(string stream)
    {
        var bytes = new byte[1536];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("Root Entry\0").CopyTo(bytes, 512);
        Encoding.Unicode.GetBytes(stream + "\0").CopyTo(bytes, 640);
        return bytes;
    }

    public static TheoryData<string, byte[], DownloadFileKind, string> Genuine() => new()
    {
        { "操作指南.pdf", Pdf(), DownloadFileKind.Pdf, "application/pdf" },
        { "说明.docx", Zip("[Content_Types].xml", "word/document.xml"), DownloadFileKind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "统计.XLSX", Zip("[Content_Types].xml", "xl/workbook.xml"), DownloadFileKind.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "旧版说明.doc", CompoundFile("WordDocument"), DownloadFileKind.Doc, "application/msword" },
        { "旧版报表.xls", CompoundFile("Workbook"), DownloadFileKind.Xls, "application/vnd.ms-excel" },
        { "资料.zip", Zip("readme.txt"), DownloadFileKind.Zip, "application/zip" },
        { "IP段模板.csv", Encoding.UTF8.GetBytes("起始IP,结束IP\r\n1.1.1.1,1.1.1.9\r\n"), DownloadFileKind.Csv, "text/csv; charset=utf-8" },
        { "导出.csv", Gbk("域名,IP\r\n"), DownloadFileKind.Csv, "text/csv; charset=gb18030" },
    };

    private static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    [Theory]
    [MemberData(nameof(Genuine))]
    public void A_genuine_file_is_accepted_as_its_kind_and_served_as_its_type(string name, byte[] content, DownloadFileKind kind, string type)
    {
        var verdict = DownloadFileRules.Check(name, content, Limit);
        Assert.True(verdict.Accepted, verdict.Error);
        Assert.Equal(kind, verdict.Kind);
        Assert.Equal(type, verdict.ContentType);
    }

    public static TheoryData<string, byte[], string> Forged() => new()
    {
        { "操作指南.pdf", Exe(), DownloadFileRules.MessageMismatch },
        { "说明.docx", Exe(), DownloadFileRules.MessageMismatch },
        { "说明.docx", Zip("readme.txt"), DownloadFileRules.MessageMismatch },
        { "统计.xlsx", Zip("[Content_Types].xml", "word/document.xml"), DownloadFileRules.MessageMismatch },
        { "旧版说明.doc", CompoundFile("Workbook"), DownloadFileRules.MessageMismatch },
        { "旧版报表.xls", Pdf(), DownloadFileRules.MessageMismatch },
        { "资料.zip", Pdf(), DownloadFileRules.MessageMismatch },
        { "资料.zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5], DownloadFileRules.MessageBrokenArchive },
        { "模板.csv", Exe(), DownloadFileRules.MessageNotText },
        { "残缺.pdf", Pdf()[..40], DownloadFileRules.MessageBrokenPdf },
        { "setup.exe", Exe(), DownloadFileRules.MessageWrongKind },
        { "无扩展名", Pdf(), DownloadFileRules.MessageWrongKind },
    };

    [Theory]
    [MemberData(nameof(Forged))]
    public void A_file_whose_bytes_are_not_what_its_name_says_is_refused_in_chinese(string name, byte[] content, string message)
    {
        var verdict = DownloadFileRules.Check(name, content, Limit);
        Assert.False(verdict.Accepted);
        Assert.Equal(message, verdict.Error);
    }

    [Fact]
    public void Empty_and_oversized_files_are_refused_before_their_content_is_read()
    {
        Assert.Equal("请选择要上传的文件", DownloadFileRules.Check("a.pdf", [], Limit).Error);
        Assert.Equal("文件大小不能超过1MB", DownloadFileRules.Check("a.pdf", new byte[Limit + 1], Limit).Error);
    }

    [Theory]
    [InlineData(@"C:\Users\张三\Desktop\操作指南.PDF", DownloadFileKind.Pdf, "操作指南.pdf")]
    [InlineData("../../etc/passwd.csv", DownloadFileKind.Csv, "passwd.csv")]
    [InlineData("a<b>|c.docx", DownloadFileKind.Docx, "abc.docx")]
    [InlineData(".pdf", DownloadFileKind.Pdf, "文件.pdf")]
    public void The_offered_name_is_the_last_segment_cleaned_with_the_kinds_extension(string given, DownloadFileKind kind, string expected) =>
        Assert.Equal(expected, DownloadFileRules.SanitiseName(given, kind));

    [Fact]
    public void A_long_name_keeps_its_extension_within_100_characters()
    {
        var name = DownloadFileRules.SanitiseName(new string('模', 150) + ".xlsx", DownloadFileKind.Xlsx);
        Assert.Equal(100, name.Length);
        Assert.EndsWith(".xlsx", name);
    }
}
