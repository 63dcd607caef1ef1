using AngleSharp;
using System.Net;
using Beian.Core.Uploads;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.Storage;
using Beian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Beian.Web.Tests.Uploads;

/// <summary>
/// Uploads through <see cref="UploadService"/> and downloads over HTTP at /files/{id}: the owner and
/// the police of the file's unit (or above) read it; everybody else gets 404.
/// </summary>
public abstract class FileAccessTests(PlatformFixture platform)
{
    private const string Xihu = "330106";     // 西湖区 (county)
    private const string Gongshu = "330105";  // 拱墅区 (another county of the same city)
    private const string Hangzhou = "330100"; // 杭州市 (the city above both)

    [Fact]
    public async Task The_owner_downloads_their_own_file_even_before_it_is_attached()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var png = TestFiles.Png();
        var file = await UploadAsync(await UserIdAsync(applicant.UserName), UploadPurpose.IdFront, "身份证 正面.png", png);

        var response = await client.Http.GetAsync($"/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Stored(png, FileKind.Png), await response.Content.ReadAsByteArrayAsync());
        // Sent by the platform (read before HttpContent would compute one from the buffered body).
        Assert.Equal(file.Size.ToString(), response.Content.Headers.NonValidated["Content-Length"].ToString());
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("身份证 正面.png", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("private", response.Headers.CacheControl!.ToString());

        var download = await client.Http.GetAsync($"/files/{file.Id}?download=true");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task A_pdf_is_always_a_download_of_its_detected_type()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var file = await UploadAsync(await UserIdAsync(applicant.UserName), UploadPurpose.PrePermit, "新闻许可证.pdf", TestFiles.Pdf());

        var response = await client.Http.GetAsync($"/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("新闻许可证.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single());
    }

    [Fact]
    public async Task Another_applicant_gets_404_as_for_a_file_that_does_not_exist()
    {
        platform.RequireAvailable();
        var (_, owner) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var (other, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var file = await UploadAsync(await UserIdAsync(owner.UserName), UploadPurpose.IdFront, "a.png", TestFiles.Png());
        await AttachAsync(file, await UserIdAsync(owner.UserName), Xihu);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/files/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/files/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        platform.RequireAvailable();
        var (_, owner) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var file = await UploadAsync(await UserIdAsync(owner.UserName), UploadPurpose.IdFront, "a.png", TestFiles.Png());
        using var anonymous = platform.NewClient();

        var response = await anonymous.Http.GetAsync($"/files/{file.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Accounts/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Police_of_the_jurisdiction_and_the_units_above_read_it_others_get_404()
    {
        platform.RequireAvailable();
        var (_, owner) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var ownerId = await UserIdAsync(owner.UserName);
        var jpeg = TestFiles.Jpeg();
        var file = await UploadAsync(ownerId, UploadPurpose.OrganisationLicence, "营业执照.jpg", jpeg);

        using var xihuReviewer = await PoliceClientAsync(Roles.Reviewer, Xihu);
        using var gongshuReviewer = await PoliceClientAsync(Roles.Reviewer, Gongshu);
        using var citySupervisor = await PoliceClientAsync(Roles.Supervisor, Hangzhou);

        // Not yet attached: no unit's business, so no police read.
        Assert.Equal(HttpStatusCode.NotFound, (await xihuReviewer.Http.GetAsync($"/files/{file.Id}")).StatusCode);

        await AttachAsync(file, ownerId, Xihu);
        var read = await xihuReviewer.Http.GetAsync($"/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Stored(jpeg, FileKind.Jpeg), await read.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", read.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await gongshuReviewer.Http.GetAsync($"/files/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citySupervisor.Http.GetAsync($"/files/{file.Id}")).StatusCode);

        // Moved to the other county (a transfer): the readers change with it.
        await platform.ScopedAsync(services => services.GetRequiredService<UploadService>().SetJurisdictionAsync($"subject:{file.Id}", Gongshu));
        Assert.Equal(HttpStatusCode.NotFound, (await xihuReviewer.Http.GetAsync($"/files/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gongshuReviewer.Http.GetAsync($"/files/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citySupervisor.Http.GetAsync($"/files/{file.Id}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_owner_can_attach_a_file()
    {
        platform.RequireAvailable();
        var (_, owner) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var (_, other) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var file = await UploadAsync(await UserIdAsync(owner.UserName), UploadPurpose.IdFront, "a.png", TestFiles.Png());

        var attached = await platform.ScopedAsync(services => services.GetRequiredService<UploadService>()
            .AttachAsync([file.Id], "not-" + file.OwnerUserId, "application:x", Xihu));
        Assert.Equal(0, attached);
        var row = await RowAsync(file.Id);
        Assert.Null(row!.AttachedTo);
        Assert.Null(row.JurisdictionUnitCode);
        Assert.NotEqual(await UserIdAsync(other.UserName), row.OwnerUserId);
    }

    [Fact]
    public async Task A_refused_upload_stores_nothing_and_says_why()
    {
        platform.RequireAvailable();
        var (_, owner) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var ownerId = await UserIdAsync(owner.UserName);
        var result = await platform.ScopedAsync(services => services.GetRequiredService<UploadService>()
            .SaveAsync(ownerId, UploadPurpose.IdFront, "photo.png", new MemoryStream("not an image"u8.ToArray())));
        Assert.False(result.Succeeded);
        Assert.Equal("文件内容与扩展名不符", result.Error);
        Assert.Equal(0, await platform.ScopedAsync(services => services.GetRequiredService<BeianDbContext>().StoredFiles.CountAsync(f => f.OwnerUserId == ownerId)));
    }

    [Fact]
    public async Task The_size_limit_comes_from_configuration()
    {
        platform.RequireAvailable();
        var result = await platform.ScopedAsync(services =>
        {
            Assert.Equal(UploadRules.DefaultMaxBytes, services.GetRequiredService<IOptions<UploadOptions>>().Value.MaxBytes);
            var small = ActivatorUtilities.CreateInstance<UploadService>(services, Options.Create(new UploadOptions { MaxBytes = 2048 }));
            return small.SaveAsync("someone", UploadPurpose.IdFront, "big.png", new MemoryStream(TestFiles.Png(300, 300)));
        });
        Assert.Equal("文件大小不能超过2KB", result.Error);
    }

    [Fact]
    public async Task A_form_shown_again_keeps_its_upload_and_refuses_someone_elses_id()
    {
        platform.RequireAvailable();
        var (_, owner) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var (_, other) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var ownerId = await UserIdAsync(owner.UserName);
        var otherId = await UserIdAsync(other.UserName);

        await platform.ScopedAsync(async services =>
        {
            var uploads = services.GetRequiredService<UploadService>();
            // First submission: a new file is stored and the slot now names it.
            var input = new UploadInput { File = FormFile("执照.png", TestFiles.Png()) };
            var first = await uploads.ResolveAsync(input, ownerId, UploadPurpose.OrganisationLicence);
            Assert.True(first.Succeeded);
            Assert.Equal(first.File!.Id, input.FileId);
            Assert.Equal("执照.png", input.FileName);

            // The form failed elsewhere and comes back with only the hidden id: the same file.
            var again = new UploadInput { FileId = input.FileId };
            var second = await uploads.ResolveAsync(again, ownerId, UploadPurpose.OrganisationLicence);
            Assert.Equal(first.File.Id, second.File!.Id);
            Assert.Equal("执照.png", again.FileName);

            // A bad replacement is refused, the kept file stays in the slot.
            var replaced = new UploadInput { FileId = input.FileId, File = FormFile("new.png", "text"u8.ToArray()) };
            var third = await uploads.ResolveAsync(replaced, ownerId, UploadPurpose.OrganisationLicence);
            Assert.Equal("文件内容与扩展名不符", third.Error);
            Assert.Equal(first.File.Id, replaced.FileId);

            // Somebody else's id is not a file of theirs.
            var stolen = new UploadInput { FileId = input.FileId };
            var fourth = await uploads.ResolveAsync(stolen, otherId, UploadPurpose.OrganisationLicence);
            Assert.Equal("请选择要上传的文件", fourth.Error);
            Assert.Null(stolen.FileId);

            // A kept image cannot fill a pdf-only slot; an optional empty slot is fine.
            Assert.False((await uploads.ResolveAsync(new UploadInput { FileId = input.FileId }, ownerId, UploadPurpose.PrePermit)).Succeeded);
            Assert.Same(UploadResult.None, await uploads.ResolveAsync(new UploadInput(), ownerId, UploadPurpose.PrePermit, required: false));
            return 0;
        });
    }

    [Fact]
    public async Task Unattached_files_older_than_two_days_are_purged_storage_first_then_the_row()
    {
        platform.RequireAvailable();
        var (_, owner) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var ownerId = await UserIdAsync(owner.UserName);
        var orphan = await UploadAsync(ownerId, UploadPurpose.IdFront, "orphan.png", TestFiles.Png());
        var kept = await UploadAsync(ownerId, UploadPurpose.IdBack, "kept.png", TestFiles.Png());
        var lost = await UploadAsync(ownerId, UploadPurpose.IdHandheld, "lost.png", TestFiles.Png());
        await AttachAsync(kept, ownerId, Xihu);
        var storage = platform.Services.GetRequiredService<IFileStorage>();
        await storage.DeleteAsync(lost.StorageKey); // a crash after deleting the object, before the row

        var clock = new ManualClock(DateTime.UtcNow.AddDays(1));
        Task<int> PurgeAsync() => platform.ScopedAsync(services =>
            ActivatorUtilities.CreateInstance<UploadService>(services, (TimeProvider)clock).PurgeOrphansAsync());

        await PurgeAsync(); // a day later: too young
        Assert.NotNull(await RowAsync(orphan.Id));
        Assert.True(await storage.ExistsAsync(orphan.StorageKey));

        clock.Advance(TimeSpan.FromDays(1.5));
        Assert.True(await PurgeAsync() >= 2);
        Assert.Null(await RowAsync(orphan.Id));
        Assert.Null(await RowAsync(lost.Id));
        Assert.False(await storage.ExistsAsync(orphan.StorageKey));
        Assert.NotNull(await RowAsync(kept.Id));
        Assert.True(await storage.ExistsAsync(kept.StorageKey));

        Assert.Equal(0, await PurgeAsync()); // idempotent
    }

    [Fact]
    public async Task A_form_that_fails_keeps_its_upload_over_http()
    {
        platform.RequireAvailable();
        var (client, owner) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var png = TestFiles.Png();
        var form = await client.GetAsync("/dev/upload");
        Assert.Contains("支持png/jpeg/jpg格式，文件大小不超过5MB", form.Text());
        Assert.Contains("支持pdf格式，文件大小不超过5MB", form.Text());

        // No 备注 and a text file posing as the pdf: both refused, the photo is kept.
        var failed = await PostMultipartAsync(client, form, new() { ["Input.Note"] = "" },
            new() { ["Input.Photo.File"] = ("身份证.png", png), ["Input.Permit.File"] = ("permit.pdf", "hello"u8.ToArray()) });
        Assert.Equal("请输入备注", failed.FieldError("Input.Note"));
        Assert.Equal("文件内容与扩展名不符", failed.FieldError("Input.Permit"));
        Assert.Equal("", failed.FieldError("Input.Photo"));
        var keptId = failed.QuerySelector("input[name='Input.Photo.FileId']")!.GetAttribute("value");
        Assert.True(Guid.TryParse(keptId, out var photoId));
        Assert.Equal("身份证.png", failed.QuerySelector("[data-upload-field='Input.Photo'] .upload-file-name")!.TextContent);
        Assert.Equal($"/files/{photoId}", failed.QuerySelector("[data-upload-field='Input.Photo'] a.upload-preview")!.GetAttribute("href"));
        Assert.Equal(Stored(png, FileKind.Png), await client.Http.GetByteArrayAsync($"/files/{photoId}"));
        Assert.Null((await RowAsync(photoId))!.AttachedTo);

        // Sent again with the note and no new file: saved with the kept photo.
        var saved = await PostMultipartAsync(client, failed, new() { ["Input.Note"] = "好了" }, new());
        Assert.Contains("已保存", saved.Text());
        Assert.Equal("身份证.png", saved.QuerySelector("a.saved-file")!.TextContent);
        var row = await RowAsync(photoId);
        Assert.StartsWith("dev:", row!.AttachedTo);
        Assert.Equal(await UserIdAsync(owner.UserName), row.OwnerUserId);
    }

    /// <summary>Posts a page's form as multipart/form-data, as a browser does for a form with file inputs.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostMultipartAsync(PlatformClient client, AngleSharp.Html.Dom.IHtmlDocument page,
        Dictionary<string, string> fields, Dictionary<string, (string Name, byte[] Content)> files)
    {
        var content = new MultipartFormDataContent();
        var values = page.QuerySelectorAll("form[enctype='multipart/form-data'] input")
            .Where(i => i.GetAttribute("type") is not ("file" or "submit") && i.GetAttribute("name") is { Length: > 0 })
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (key, value) in fields) values[key] = value;
        foreach (var (key, value) in values) content.Add(new StringContent(value), key);
        foreach (var (key, (name, bytes)) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, key, name);
        }
        var response = await client.Http.PostAsync(page.Url, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var context = AngleSharp.BrowsingContext.New(AngleSharp.Configuration.Default);
        return (AngleSharp.Html.Dom.IHtmlDocument)await context.OpenAsync(request => request.Content(html).Address(page.Url));
    }

    /// <summary>What the platform stores of an uploaded image: its re-encoding.</summary>
    private static byte[] Stored(byte[] image, FileKind kind) => ImageReencoder.Reencode(image, kind).Image!;

    private Task<StoredFile> UploadAsync(string ownerId, UploadPurpose purpose, string name, byte[] content) =>
        platform.ScopedAsync(async services =>
        {
            var result = await services.GetRequiredService<UploadService>().SaveAsync(ownerId, purpose, name, new MemoryStream(content));
            Assert.True(result.Succeeded, result.Error);
            return result.File!;
        });

    private Task AttachAsync(StoredFile file, string ownerId, string unit) =>
        platform.ScopedAsync(async services =>
        {
            var attached = await services.GetRequiredService<UploadService>().AttachAsync([file.Id], ownerId, $"subject:{file.Id}", unit);
            Assert.Equal(1, attached);
            return attached;
        });

    private Task<StoredFile?> RowAsync(Guid id) =>
        platform.ScopedAsync(services => services.GetRequiredService<BeianDbContext>().StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id));

    private Task<string> UserIdAsync(string userName) =>
        platform.ScopedAsync(async services => (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.Id);

    private static IFormFile FormFile(string name, byte[] content) =>
        new FormFile(new MemoryStream(content), 0, content.Length, "Input.Licence.File", name);

    /// <summary>A police officer logged in with the SMS second factor.</summary>
    private async Task<PlatformClient> PoliceClientAsync(string role, string unit)
    {
        var staff = await StaffAccounts.CreateAsync(platform, role, unit);
        var client = platform.NewClient();
        var second = await Applicants.LoginAsync(client, staff.UserName, staff.Password);
        second = await client.SubmitAsync(second, "发送验证码");
        var code = await OutboxReader.LatestSmsCodeAsync(platform, staff.Mobile);
        var home = await client.SubmitAsync(second, "验证并登录", new Dictionary<string, string> { ["Code"] = code, ["Method"] = "Sms" });
        Assert.Equal("/Police", home.PathOf());
        return client;
    }
}

public sealed class FileAccessTests_Sqlite(SqlitePlatform platform) : FileAccessTests(platform), IClassFixture<SqlitePlatform>;

public sealed class FileAccessTests_Postgres(PostgresPlatform platform) : FileAccessTests(platform), IClassFixture<PostgresPlatform>;

/// <summary>The same, with the files in an S3-compatible bucket (BEIAN_TEST_S3): the same bytes and the same headers.</summary>
public sealed class FileAccessTests_S3(S3SqlitePlatform platform) : FileAccessTests(platform), IClassFixture<S3SqlitePlatform>;
