using System.Security.Cryptography;
using System.Text;
using Beian.Core.Uploads;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Uploads;
using Beian.Web.Tests.Apps;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Beian.Web.Tests.Uploads;

/// <summary>
/// Uploads that carry more than a picture or a document (issue 16): images are stored re-encoded, so
/// nothing after the image data, no text chunk and no metadata survives; PDFs with scripts, launch
/// actions, embedded files or an HTML page are refused next to their field.
/// </summary>
public abstract class UploadSanitisingTests(PlatformFixture platform)
{
    private const string Html = "<html><body><script>alert(document.cookie)</script></body></html>";

    [Fact]
    public async Task A_png_with_html_after_its_end_and_a_script_chunk_is_stored_re_encoded_without_them()
    {
        platform.RequireAvailable();
        var (_, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var tainted = TestFiles.WithTrailer(TestFiles.PngWithTextChunk("Comment", "<script>alert(1)</script>"), Html);

        var file = await UploadAsync(await UserIdAsync(applicant.UserName), UploadPurpose.IdFront, "front.png", tainted);

        var stored = await StoredBytesAsync(file);
        AssertClean(stored);
        Assert.DoesNotContain("tEXt", Encoding.Latin1.GetString(stored));
        AssertImage(stored, SKEncodedImageFormat.Png, 64, 48);
        Assert.Equal(stored.Length, file.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), file.Sha256);
    }

    [Fact]
    public async Task A_jpeg_with_a_comment_and_html_after_its_end_is_stored_without_them()
    {
        platform.RequireAvailable();
        var (_, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var tainted = TestFiles.WithTrailer(TestFiles.JpegWithComment("<script>alert(1)</script>"), Html);

        var file = await UploadAsync(await UserIdAsync(applicant.UserName), UploadPurpose.OrganisationLicence, "licence.jpg", tainted);

        var stored = await StoredBytesAsync(file);
        AssertClean(stored);
        AssertImage(stored, SKEncodedImageFormat.Jpeg, 64, 48);
    }

    [Fact]
    public async Task A_photo_turned_by_its_exif_orientation_is_stored_upright_without_the_exif()
    {
        platform.RequireAvailable();
        var (_, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        // Orientation 6: the camera held upright wrote a landscape picture to be shown turned 90° clockwise.
        var photo = TestFiles.JpegWithExifOrientation(6, width: 80, height: 40);

        var file = await UploadAsync(await UserIdAsync(applicant.UserName), UploadPurpose.IdHandheld, "handheld.jpg", photo);

        var stored = await StoredBytesAsync(file);
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(stored));
        AssertImage(stored, SKEncodedImageFormat.Jpeg, 40, 80);
        using var bitmap = SKBitmap.Decode(stored);
        // The red corner, top-left as encoded, is top-right as shown.
        Assert.True(IsRed(bitmap.GetPixel(40 - 4, 4)), $"top-right is {bitmap.GetPixel(36, 4)}");
        Assert.False(IsRed(bitmap.GetPixel(4, 4)));
    }

    [Fact]
    public async Task An_installation_package_is_stored_as_uploaded()
    {
        platform.RequireAvailable();
        var (_, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var apk = AppFlows.Apk();

        var file = await UploadAsync(await UserIdAsync(applicant.UserName), UploadPurpose.AndroidPackage, apk.FileName, apk.Content);

        Assert.Equal(apk.Content, await StoredBytesAsync(file));
    }

    [Fact]
    public async Task An_id_photo_carrying_html_is_stored_re_encoded_when_the_subject_form_is_submitted()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var files = SubjectForms.AllFiles();
        files["Uploads.IdFront.File"] = new TestUpload("front.png", TestFiles.WithTrailer(TestFiles.Png(), Html), "image/png");

        var detail = await client.SubmitAsync(await client.GetAsync("/Subjects/New?fresh=true"), "提交审核",
            SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile()), files);

        Assert.StartsWith("/My/ApplicationDetail", detail.PathOf());
        var ownerId = await UserIdAsync(applicant.UserName);
        var front = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().StoredFiles.AsNoTracking()
            .SingleAsync(f => f.OwnerUserId == ownerId && f.Purpose == UploadPurpose.IdFront));
        var stored = await StoredBytesAsync(front);
        AssertClean(stored);
        AssertImage(stored, SKEncodedImageFormat.Png, 64, 48);
    }

    [Fact]
    public async Task A_security_plan_pdf_with_javascript_is_refused_next_to_its_field_and_what_was_typed_stays()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var fields = AppFlows.BasicInfo(AppFlows.UniquePackage(), name: "甬上茶事互动APP");
        fields["BasicInfo.ProvidesInteractiveServices"] = "true";
        fields["BasicInfo.ServiceTypes"] = "InstantMessaging";
        var files = AppFlows.Screenshots();
        files["Uploads[SecurityPlan].File"] = new TestUpload("安全保护方案.pdf", TestFiles.PdfWithJavaScript(), "application/pdf");

        var refused = await client.SubmitAsync(await AppFlows.StepTwoAsync(client), "下一步", fields, files);

        Assert.Equal("PDF文件含有脚本、启动动作或嵌入文件，请另存为普通PDF后重新上传", refused.FieldError("Uploads[SecurityPlan]"));
        Assert.Equal("甬上茶事互动APP", refused.QuerySelector("input[name='BasicInfo.Name']")!.GetAttribute("value"));
        Assert.Equal(fields["BasicInfo.Android.Identifier"], refused.QuerySelector("input[name='BasicInfo.Android.Identifier']")!.GetAttribute("value"));

        files["Uploads[SecurityPlan].File"] = new TestUpload("安全保护方案.pdf", TestFiles.PdfWithHtml(), "application/pdf");
        refused = await client.SubmitAsync(refused, "下一步", fields, files);
        Assert.Equal("PDF文件中含有网页代码，请另存为普通PDF后重新上传", refused.FieldError("Uploads[SecurityPlan]"));
    }

    private static void AssertClean(byte[] stored)
    {
        var text = Encoding.Latin1.GetString(stored);
        Assert.DoesNotContain("<html", text);
        Assert.DoesNotContain("<script", text);
    }

    private static void AssertImage(byte[] stored, SKEncodedImageFormat format, int width, int height)
    {
        using var codec = SKCodec.Create(new MemoryStream(stored));
        Assert.Equal(format, codec.EncodedFormat);
        Assert.Equal((width, height), (codec.Info.Width, codec.Info.Height));
    }

    private static bool IsRed(SKColor color) => color.Red > 200 && color.Green < 80 && color.Blue < 80;

    private Task<StoredFile> UploadAsync(string ownerId, UploadPurpose purpose, string name, byte[] content) =>
        platform.ScopedAsync(async services =>
        {
            var result = await services.GetRequiredService<UploadService>().SaveAsync(ownerId, purpose, name, new MemoryStream(content));
            Assert.True(result.Succeeded, result.Error);
            return result.File!;
        });

    private Task<byte[]> StoredBytesAsync(StoredFile file) =>
        platform.ScopedAsync(async services =>
        {
            await using var stream = await services.GetRequiredService<UploadService>().OpenReadAsync(file);
            using var memory = new MemoryStream();
            await stream!.CopyToAsync(memory);
            return memory.ToArray();
        });

    private Task<string> UserIdAsync(string userName) =>
        platform.ScopedAsync(async services => (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.Id);
}

public sealed class UploadSanitisingTests_Sqlite(SqlitePlatform platform) : UploadSanitisingTests(platform), IClassFixture<SqlitePlatform>;

public sealed class UploadSanitisingTests_Postgres(PostgresPlatform platform) : UploadSanitisingTests(platform), IClassFixture<PostgresPlatform>;
