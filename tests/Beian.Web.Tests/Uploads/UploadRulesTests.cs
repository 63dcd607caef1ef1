using System.Text;
using Beian.Core.Uploads;
using Beian.Web.Features.Uploads;

namespace Beian.Web.Tests.Uploads;

/// <summary>The content checks of SPEC §10: by bytes and a real decode, never by the file name alone.</summary>
public class UploadRulesTests
{
    private const long FiveMb = UploadRules.DefaultMaxBytes;

    /// <summary>The whole check as the upload service runs it.</summary>
    private static string? Check(UploadPurpose purpose, string name, byte[] content, long maxBytes = FiveMb)
    {
        var error = UploadRules.Check(purpose, name, content, maxBytes, out var kind);
        return error ?? (UploadRules.IsImage(kind) ? ImageReencoder.Reencode(content, kind).Error : null);
    }

    [Fact]
    public void A_real_png_and_jpeg_pass_in_an_image_slot()
    {
        Assert.Null(Check(UploadPurpose.IdFront, "身份证正面.png", TestFiles.Png()));
        Assert.Null(Check(UploadPurpose.IdBack, "back.JPG", TestFiles.Jpeg()));
        Assert.Null(Check(UploadPurpose.IdHandheld, "photo.jpeg", TestFiles.Jpeg()));
        UploadRules.Check(UploadPurpose.OrganisationLicence, "x.png", TestFiles.Png(), FiveMb, out var kind);
        Assert.Equal(FileKind.Png, kind);
    }

    [Fact]
    public void A_real_pdf_passes_in_a_pdf_slot()
    {
        Assert.Null(Check(UploadPurpose.CancellationAttachment, "注销申请.pdf", TestFiles.Pdf()));
        Assert.Null(Check(UploadPurpose.PrePermit, "permit.PDF", TestFiles.Pdf()));
    }

    [Fact]
    public void Slots_that_take_both_accept_images_and_pdf()
    {
        Assert.Null(Check(UploadPurpose.DangerousGoodsQualification, "q.pdf", TestFiles.Pdf()));
        Assert.Null(Check(UploadPurpose.DangerousGoodsQualification, "q.png", TestFiles.Png()));
    }

    [Fact]
    public void A_pdf_in_an_image_only_slot_is_refused()
    {
        Assert.Equal("仅支持png、jpeg、jpg格式的图片", Check(UploadPurpose.OrganisationLicence, "licence.pdf", TestFiles.Pdf()));
    }

    [Fact]
    public void An_image_in_a_pdf_only_slot_is_refused()
    {
        Assert.Equal("仅支持pdf格式的文件", Check(UploadPurpose.CancellationAttachment, "scan.png", TestFiles.Png()));
    }

    [Fact]
    public void Other_extensions_are_refused_whatever_the_content()
    {
        Assert.Equal("仅支持png、jpeg、jpg格式的图片", Check(UploadPurpose.IdFront, "photo.gif", TestFiles.Png()));
        Assert.Equal("仅支持png、jpeg、jpg格式的图片", Check(UploadPurpose.IdFront, "photo", TestFiles.Png()));
        Assert.Equal("仅支持png、jpeg、jpg格式的图片", Check(UploadPurpose.IdFront, "photo.png.exe", TestFiles.Png()));
    }

    [Fact]
    public void A_text_file_renamed_png_is_refused_for_its_content()
    {
        var text = Encoding.UTF8.GetBytes("这不是图片，只是一段文字。<script>alert(1)</script>");
        Assert.Equal("文件内容与扩展名不符", Check(UploadPurpose.IdFront, "photo.png", text));
        Assert.Equal("文件内容与扩展名不符", Check(UploadPurpose.PrePermit, "permit.pdf", text));
    }

    [Fact]
    public void A_jpeg_named_png_or_a_pdf_named_jpg_is_refused()
    {
        Assert.Equal("文件内容与扩展名不符", Check(UploadPurpose.IdFront, "photo.png", TestFiles.Jpeg()));
        Assert.Equal("文件内容与扩展名不符", Check(UploadPurpose.DomainCertificate, "cert.jpg", TestFiles.Pdf()));
    }

    [Fact]
    public void A_truncated_png_with_a_valid_header_is_refused_by_the_decode()
    {
        var png = TestFiles.Png(200, 150);
        var truncated = png[..(png.Length / 2)];
        Assert.Equal(FileKind.Png, UploadRules.DetectKind(truncated));
        Assert.Equal("图片已损坏或无法识别", Check(UploadPurpose.IdFront, "photo.png", truncated));
    }

    [Fact]
    public void Opaque_and_transparent_pngs_decode_and_their_truncations_do_not()
    {
        foreach (var png in new[] { TestFiles.Png(300, 200, opaque: true), TestFiles.Png(300, 200, opaque: false) })
        {
            Assert.Null(Check(UploadPurpose.IdFront, "photo.png", png));
            Assert.Equal("图片已损坏或无法识别", Check(UploadPurpose.IdFront, "photo.png", png[..(png.Length - 30)]));
        }
    }

    [Fact]
    public void An_image_wider_than_ten_thousand_pixels_is_refused()
    {
        Assert.Equal("图片尺寸不能超过10000×10000像素", Check(UploadPurpose.IdFront, "strip.png", TestFiles.Png(10_001, 1, opaque: true)));
        Assert.Null(Check(UploadPurpose.IdFront, "strip.png", TestFiles.Png(10_000, 1, opaque: true)));
    }

    [Fact]
    public void A_truncated_jpeg_and_a_bare_signature_are_refused_by_the_decode()
    {
        var jpeg = TestFiles.Jpeg(200, 150);
        Assert.Equal("图片已损坏或无法识别", Check(UploadPurpose.IdFront, "photo.jpg", jpeg[..(jpeg.Length / 2)]));
        Assert.Equal("图片已损坏或无法识别", Check(UploadPurpose.IdFront, "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]));
    }

    [Fact]
    public void A_png_whose_header_claims_a_huge_size_is_refused_before_decoding()
    {
        var png = TestFiles.Png(10, 10);
        // IHDR width at bytes 16..19: claim 20000 pixels (the CRC no longer matches, so either message is a refusal).
        png[16] = 0; png[17] = 0; png[18] = 0x4E; png[19] = 0x20;
        Assert.NotNull(Check(UploadPurpose.IdFront, "photo.png", png));
    }

    [Fact]
    public void A_pdf_without_its_end_marker_is_refused()
    {
        var pdf = TestFiles.Pdf();
        Assert.Equal(UploadRules.MessageBrokenPdf, Check(UploadPurpose.PrePermit, "permit.pdf", pdf[..(pdf.Length - 10)]));
    }

    [Fact]
    public void A_file_over_the_configured_limit_is_refused_with_the_limit_in_the_message()
    {
        var png = TestFiles.Png(300, 300);
        Assert.Equal("文件大小不能超过1KB", Check(UploadPurpose.IdFront, "photo.png", png, maxBytes: 1024));
        Assert.Equal("文件大小不能超过512KB", UploadRules.TooLargeMessage(512 * 1024));
        Assert.Equal("文件大小不能超过5MB", UploadRules.TooLargeMessage(FiveMb));
        Assert.Equal("文件大小不能超过5MB", Check(UploadPurpose.IdFront, "big.png", new byte[FiveMb + 1]));
    }

    [Fact]
    public void An_empty_file_asks_for_a_file()
    {
        Assert.Equal("请选择要上传的文件", Check(UploadPurpose.IdFront, "photo.png", []));
    }

    [Fact]
    public void The_help_text_names_the_kinds_and_the_limit()
    {
        Assert.Equal("支持png/jpeg/jpg格式，文件大小不超过5MB", UploadRules.HelpText(UploadPurpose.IdFront, FiveMb));
        Assert.Equal("支持pdf格式，文件大小不超过5MB", UploadRules.HelpText(UploadPurpose.CancellationAttachment, FiveMb));
        Assert.Equal("支持png/jpeg/jpg/pdf格式，文件大小不超过512KB", UploadRules.HelpText(UploadPurpose.DomainCertificate, 512 * 1024));
    }

    [Theory]
    [InlineData("营业执照.png", FileKind.Png, "营业执照.png")]
    [InlineData(@"C:\Users\张三\Desktop\身份证.JPG", FileKind.Jpeg, "身份证.JPG")]
    [InlineData("../../etc/passwd.png", FileKind.Png, "passwd.png")]
    [InlineData("a<b>:\"c|?*.pdf", FileKind.Pdf, "abc.pdf")]
    [InlineData("  .png", FileKind.Png, "文件.png")]
    [InlineData("photo.gif", FileKind.Png, "photo.gif.png")]
    public void Display_names_are_sanitised(string name, FileKind kind, string expected)
    {
        Assert.Equal(expected, UploadRules.SanitiseName(name, kind));
    }

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var name = UploadRules.SanitiseName(new string('长', 300) + ".pdf", FileKind.Pdf);
        Assert.Equal(100, name.Length);
        Assert.EndsWith(".pdf", name);
    }
}
