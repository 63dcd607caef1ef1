using System.Text;
using Beian.Core.Uploads;
using static Beian.Core.Tests.Uploads.PdfSamples;

namespace Beian.Core.Tests.Uploads;

/// <summary>
/// PDFs that do more than show pages (issue 16): JavaScript, launch actions, embedded files and HTML are
/// refused, also when hidden in a compressed object stream or behind #-escaped names; ordinary PDFs,
/// binary stream data included, pass.
/// </summary>
public class PdfActiveContentTests
{
    private const string Active = "PDF文件含有脚本、启动动作或嵌入文件，请另存为普通PDF后重新上传";
    private const string WithHtml = "PDF文件中含有网页代码，请另存为普通PDF后重新上传";
    private const string Unreadable = "PDF文件的内容无法检查（可能已加密），请另存为普通PDF后重新上传";

    private static string? Check(byte[] pdf) =>
        UploadRules.Check(UploadPurpose.PrePermit, "permit.pdf", pdf, UploadRules.DefaultMaxBytes, out _);

    [Fact]
    public void A_plain_pdf_passes()
    {
        Assert.Null(Check(Plain()));
    }

    [Fact]
    public void Binary_stream_data_and_names_that_only_begin_like_ours_pass()
    {
        // Image data may hold any bytes, "/JS (" included; only the long names are looked for inside it.
        byte[] image = [.. Noise(4096), .. "/JS (x) /EF 1"u8, .. Noise(4096, seed: 8)];
        var pdf = Of(Encoding.Latin1.GetBytes("<< /Type /Catalog /Pages 2 0 R /JSON 1 /Launcher 2 /EFx 3 >>"),
            Encoding.Latin1.GetBytes(Pages), Encoding.Latin1.GetBytes(Page),
            Stream("/Type /XObject /Subtype /Image /Width 64 /Height 64 /BitsPerComponent 8 /Filter /DCTDecode", image));
        Assert.Null(Check(pdf));
    }

    [Fact]
    public void Names_in_strings_and_comments_are_text_and_pass()
    {
        var pdf = Of("<< /Type /Catalog /Pages 2 0 R /Lang (zh /JS /EF) >>\n% /JS /EF in a comment", Pages, Page);
        Assert.Null(Check(pdf));
    }

    [Fact]
    public void A_stream_whose_length_is_a_reference_is_read_up_to_endstream()
    {
        byte[] image = [.. Noise(1024), .. "/JS (x) /EF 1"u8, .. Noise(1024, seed: 9)];
        var pdf = Of(Encoding.Latin1.GetBytes(Catalog), Encoding.Latin1.GetBytes(Pages), Encoding.Latin1.GetBytes(Page),
            [.. "<< /Type /XObject /Subtype /Image /Length 5 0 R >>\nstream\n"u8, .. image, .. "\nendstream"u8],
            Encoding.Latin1.GetBytes(image.Length.ToString()));
        Assert.Null(Check(pdf));
    }

    [Fact]
    public void An_object_inside_a_string_where_a_cross_reference_table_could_point_is_read()
    {
        // A linear reading sees one string; a reader sent to "9 0 obj" by the table reads a file specification.
        var pdf = Of("<< /Type /Catalog /Pages 2 0 R /Lang (\n9 0 obj << /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >> endobj\n) >>", Pages, Page);
        Assert.Equal(Active, Check(pdf));
    }

    [Fact]
    public void Nesting_deeper_than_any_real_pdf_is_refused_and_ordinary_nesting_passes()
    {
        Assert.Null(Check(Of($"<< /Type /Catalog /Pages 2 0 R /Deep {new string('[', 30)}{new string(']', 30)} >>", Pages, Page)));
        Assert.Equal(Unreadable, Check(Of($"<< /Type /Catalog /Pages 2 0 R /Deep {new string('[', 100_000)} >>", Pages, Page)));
    }

    [Fact]
    public void Objects_that_each_open_a_string_to_the_end_are_not_read_again_and_again()
    {
        // Each " obj (" starts an object whose string runs to the end: read whole, they would cost n² bytes.
        var hostile = Encoding.Latin1.GetBytes("%PDF-1.7\n" + string.Concat(Enumerable.Repeat(" obj (", 800_000)) + "\n%%EOF\n");
        Assert.Equal(Unreadable, Check(hostile));
    }

    [Fact]
    public void An_object_stream_of_ordinary_objects_passes()
    {
        var pdf = Of(Encoding.Latin1.GetBytes("<< /Type /Catalog /Pages 3 0 R >>"), ObjectStream(3, [Pages, Page]));
        Assert.Null(Check(pdf));
    }

    [Theory]
    [InlineData("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>")]
    [InlineData("<</Type/Catalog/Pages 2 0 R/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>")]
    [InlineData("<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >>")]
    [InlineData("<< /Type /Catalog /Pages 2 0 R /AA << /O 5 0 R >> /JS 6 0 R >>")]
    [InlineData("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /JS (x) >> >>")]
    [InlineData("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>")]
    [InlineData("<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >> >>")]
    [InlineData("<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>")]
    public void Scripts_launch_actions_and_embedded_files_are_refused(string catalog)
    {
        Assert.Equal(Active, Check(Of(catalog, Pages, Page)));
    }

    [Fact]
    public void An_embedded_file_stream_is_refused()
    {
        var pdf = Of(Encoding.Latin1.GetBytes(Catalog), Encoding.Latin1.GetBytes(Pages), Encoding.Latin1.GetBytes(Page),
            Stream("/Type /EmbeddedFile /Subtype /application#2Fx-msdownload", Noise(512)));
        Assert.Equal(Active, Check(pdf));
    }

    [Fact]
    public void JavaScript_hidden_in_a_compressed_object_stream_is_refused()
    {
        var pdf = Of(Encoding.Latin1.GetBytes("<< /Type /Catalog /Pages 3 0 R /OpenAction 5 0 R >>"),
            ObjectStream(3, [Pages, Page, "<</S/JavaScript/JS(app.launchURL('http://evil.example'))>>"]));
        Assert.Equal(Active, Check(pdf));
    }

    [Fact]
    public void A_short_key_hidden_in_a_compressed_object_stream_is_refused()
    {
        var pdf = Of(Encoding.Latin1.GetBytes("<< /Type /Catalog /Pages 3 0 R /Names 5 0 R >>"),
            ObjectStream(3, [Pages, Page, "<< /F (a.exe) /EF << /F 7 0 R >> >>"]));
        Assert.Equal(Active, Check(pdf));
    }

    [Fact]
    public void An_html_page_between_the_pdf_markers_is_refused()
    {
        var plain = Encoding.Latin1.GetString(Plain());
        var header = plain.IndexOf('\n') + 1;
        var pdf = Encoding.Latin1.GetBytes(plain[..header] + "<HTML><body onload=alert(1)>\n" + plain[header..]);
        Assert.Equal(WithHtml, Check(pdf));
    }

    [Fact]
    public void An_html_page_in_stream_data_is_refused()
    {
        var pdf = Of(Encoding.Latin1.GetBytes(Catalog), Encoding.Latin1.GetBytes(Pages), Encoding.Latin1.GetBytes(Page),
            Stream("/Type /XObject /Subtype /Image", "<!DOCTYPE html><script>alert(1)</script>"u8.ToArray()));
        Assert.Equal(WithHtml, Check(pdf));
    }

    [Fact]
    public void An_object_stream_that_cannot_be_inflated_or_uses_another_filter_is_refused()
    {
        var catalog = Encoding.Latin1.GetBytes("<< /Type /Catalog /Pages 3 0 R >>");
        Assert.Equal(Unreadable, Check(Of(catalog, ObjectStream(3, [Pages, Page], "/Filter [/FlateDecode /ASCIIHexDecode]"))));
        Assert.Equal(Unreadable, Check(Of(catalog, ObjectStream(3, [Pages, Page], "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>"))));
        Assert.Equal(Unreadable, Check(Of(catalog, Stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", Noise(300)))));
    }

    [Fact]
    public void An_object_stream_that_inflates_beyond_the_budget_is_refused()
    {
        // 64 MB of zeros deflate to about 64 KB: more than the scan inflates for one file.
        var bomb = Deflate(new byte[64 * 1024 * 1024]);
        var pdf = Of(Encoding.Latin1.GetBytes("<< /Type /Catalog /Pages 3 0 R >>"), Stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", bomb));
        Assert.Equal(Unreadable, Check(pdf));
    }
}
