using System.Net;
using Beian.Core.Uploads;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.Storage;
using Beian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Beian.Web.Tests.Content.ContentFlows;

namespace Beian.Web.Tests.Uploads;

/// <summary>
/// <c>Storage:Provider=S3</c> with the object store down (a closed port): an upload is refused with a
/// message beside its field, a file read is the 503 page, and pages without files work as ever.
/// </summary>
public sealed class ObjectStoreOutageTests(S3DownPlatform platform) : IClassFixture<S3DownPlatform>
{
    [Fact]
    public async Task An_upload_is_refused_beside_its_field_and_pages_without_files_keep_working()
    {
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/dev/upload");

        var refused = await client.SubmitAsync(form, "保存", new Dictionary<string, string> { ["Input.Note"] = "备注" },
            new Dictionary<string, TestUpload> { ["Input.Photo.File"] = TestUpload.Png("身份证.png") });
        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        Assert.Equal(UploadRules.MessageStorageUnavailable, refused.FieldError("Input.Photo"));
        Assert.Equal("文件存储暂时不可用，请稍后重试", refused.FieldError("Input.Photo"));
        Assert.Contains("文件存储暂时不可用，请稍后重试", refused.QuerySelector(".validation-summary-errors")?.TextContent ?? "");
        var ownerId = await UserIdAsync(applicant.UserName);
        Assert.Equal(0, await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().StoredFiles.CountAsync(f => f.OwnerUserId == ownerId)));

        var home = await client.GetAsync("/Home/Applicant");
        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        Assert.Equal("/Home/Applicant", home.PathOf());
        using var visitor = platform.NewClient();
        await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, visitor.LastResponse!.StatusCode);
    }

    [Fact]
    public async Task A_file_to_the_download_centre_is_refused_beside_its_field()
    {
        var admin = await AdministratorAsync(platform);
        var form = await admin.GetAsync("/Admin/Content/DownloadEdit");
        var refused = await admin.SubmitAsync(form, "发布", new Dictionary<string, string> { ["Title"] = "操作指南", ["Description"] = "说明" },
            new Dictionary<string, TestUpload> { ["Upload"] = new("操作指南.pdf", TestFiles.Pdf(), "application/pdf") });
        Assert.Equal(HttpStatusCode.OK, admin.LastResponse!.StatusCode);
        Assert.Equal("文件存储暂时不可用，请稍后重试", refused.FieldError("Upload"));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_answers_the_503_page_not_an_error()
    {
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            OwnerUserId = await UserIdAsync(applicant.UserName),
            Purpose = UploadPurpose.IdFront,
            OriginalName = "a.png",
            ContentType = "image/png",
            Kind = FileKind.Png,
            Size = 1,
            Sha256 = new string('0', 64),
            StorageKey = StorageKeys.New(DateTime.UtcNow),
            UploadedAt = DateTime.UtcNow,
        };
        await platform.ScopedAsync(s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            db.Add(file);
            return db.SaveChangesAsync();
        });

        var page = await client.GetAsync($"/files/{file.Id}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, client.LastResponse!.StatusCode);
        Assert.Contains("文件存储暂时不可用，请稍后重试", page.Text());
    }

    [Fact]
    public async Task The_copy_command_says_it_cannot_reach_the_store_and_exits_2()
    {
        var root = platform.Services.GetRequiredService<IConfiguration>()["Storage:Root"]!;
        await new LocalFileStorage(root).SaveAsync(StorageKeys.New(DateTime.UtcNow), new MemoryStream([1]));
        var output = new StringWriter();
        Assert.Equal(StorageCommand.Error, await StorageCommand.RunAsync(platform.Services, ["storage", "copy-to-s3"], output));
        Assert.Contains("无法复制到对象存储 / cannot copy to the object store", output.ToString());
    }

    private Task<string> UserIdAsync(string userName) =>
        platform.ScopedAsync(async services => (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.Id);
}
