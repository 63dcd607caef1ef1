using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Websites;

namespace Beian.Web.Tests.Apps;

/// <summary><c>Uploads:PackageMaxBytes</c> bounds an installation package on its own; screenshots keep the ordinary image limit.</summary>
public abstract class AppPackageLimitTests(PlatformFixture platform)
{
    public const int Limit = 4096;

    [Fact]
    public async Task A_package_over_the_configured_limit_is_refused_next_to_it_and_the_screenshots_and_typed_fields_stay()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var files = AppFlows.Screenshots();
        files["Uploads[Package-Android].File"] = AppFlows.Apk(); // 8 KB, twice the limit

        var page = await client.SubmitAsync(await AppFlows.StepTwoAsync(client), "读取安装包", AppFlows.BasicInfo(AppFlows.UniquePackage()), files);

        Assert.Equal("文件大小不能超过4KB", page.FieldError("Uploads[Package-Android]"));
        Assert.Empty(page.QuerySelectorAll("[data-upload-field='Uploads[Package-Android]'] .upload-file-name"));
        Assert.Equal(3, page.QuerySelectorAll("#screenshots .upload-file-name").Length);
        Assert.Equal("甬上茶事APP", page.QuerySelector("input[name='BasicInfo.Name']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_package_within_the_limit_is_read()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var files = new Dictionary<string, TestUpload> { ["Uploads[Package-Android].File"] = AppFlows.Apk("v1-rsa.apk") }; // 2.5 KB

        var page = await client.SubmitAsync(await AppFlows.StepTwoAsync(client), "读取安装包", AppFlows.BasicInfo(""), files);

        Assert.Equal("", page.FieldError("Uploads[Package-Android]"));
        Assert.Contains("已从Android安装包读取", page.QuerySelector("[data-package-notice]")!.TextContent);
    }
}

public sealed class PackageLimitSqlitePlatform : SqlitePlatform
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Uploads:PackageMaxBytes"] = AppPackageLimitTests.Limit.ToString() };
}

public sealed class PackageLimitPostgresPlatform : PostgresPlatform
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Uploads:PackageMaxBytes"] = AppPackageLimitTests.Limit.ToString() };
}

public sealed class AppPackageLimitTests_Sqlite(PackageLimitSqlitePlatform platform) : AppPackageLimitTests(platform), IClassFixture<PackageLimitSqlitePlatform>;

public sealed class AppPackageLimitTests_Postgres(PackageLimitPostgresPlatform platform) : AppPackageLimitTests(platform), IClassFixture<PackageLimitPostgresPlatform>;
