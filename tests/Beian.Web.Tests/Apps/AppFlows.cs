using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Apps;
using Beian.Web.Tests.Filing;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Apps;

/// <summary>Steps several APP tests share: the form of step ②, a real package to upload, an APP filed through the wizard.</summary>
public static class AppFlows
{
    /// <summary>What aapt and apksigner print about the sample v2-rsa.apk (tests/Beian.Core.Tests/Apps/Packages/Samples/expected.txt).</summary>
    public const string SamplePackage = "cn.gov.beian.demo";
    public const string SampleVersion = "1.4.2";
    public const string SampleMd5 = "5190358C1EA02A69B1F310FD5D0634ED";

    public static TestUpload Apk(string sample = "v2-rsa.apk") =>
        new(sample, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "PackageSamples", sample)), "application/vnd.android.package-archive");

    public static string UniquePackage() => $"com.test.a{Guid.NewGuid():N}"[..24];

    /// <summary>A complete step ② of a non-interactive Android APP, typed by hand.</summary>
    public static Dictionary<string, string> BasicInfo(string packageName, string name = "甬上茶事APP") => new()
    {
        ["BasicInfo.Name"] = name,
        ["BasicInfo.Introduction"] = "提供宁波本地茶叶知识、茶馆导览和茶事活动报名的移动应用。",
        ["BasicInfo.Android.Offered"] = "true",
        ["BasicInfo.Android.Identifier"] = packageName,
        ["BasicInfo.Android.Fingerprint"] = "51:90:35:8C:1E:A0:2A:69:B1:F3:10:FD:5D:06:34:ED",
        ["BasicInfo.Android.PublicKey"] = "3082010A0282010100B90224C2083B08093C9C6EC741C5C4B3AE998D3E0F94095C44008EBDE8FD1F79",
        ["BasicInfo.Versions[0].Platform"] = "Android",
        ["BasicInfo.Versions[0].Number"] = "1.0.0",
        ["BasicInfo.Versions[0].ReleasedOn"] = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd"),
        ["BasicInfo.Channels[0].Store"] = "华为应用市场",
        ["BasicInfo.Channels[0].Url"] = "https://appgallery.huawei.com/app/C100000001",
        ["BasicInfo.HasIcpNumber"] = "true",
        ["BasicInfo.IcpNumber"] = "浙ICP备2026055717号-3A",
        ["BasicInfo.UserScale"] = "1万-10万",
        ["BasicInfo.Operations"] = "已上线运营，日活跃用户约两千人",
        ["BasicInfo.ProvidesInteractiveServices"] = "false",
        ["BasicInfo.ServiceTypes"] = "App",
        ["BasicInfo.PublishesDangerousGoods"] = "false",
        ["BasicInfo.HasPrePermits"] = "false",
        ["BasicInfo.Languages"] = "SimplifiedChinese",
    };

    /// <summary>Three 运行截图, as the applicant chooses them on step ②.</summary>
    public static Dictionary<string, TestUpload> Screenshots() => new()
    {
        ["Uploads[Screenshot-1].File"] = TestUpload.Png("home.png"),
        ["Uploads[Screenshot-2].File"] = TestUpload.Png("list.png"),
        ["Uploads[Screenshot-3].File"] = TestUpload.Png("detail.png"),
    };

    public static async Task<IHtmlDocument> StepTwoAsync(PlatformClient client) =>
        await client.SubmitAsync(await client.GetAsync("/Apps/New?step=1"), "下一步");

    /// <summary>From step ② on: the given basic information and files, the people from the subject, consent, 【提交】.</summary>
    public static Task<IHtmlDocument> FileAppAsync(PlatformClient client, IHtmlDocument step2, Dictionary<string, string> basicInfo,
        Dictionary<string, TestUpload>? files = null) =>
        BusinessFlows.FileFromStepTwoAsync(client, step2, basicInfo, files ?? Screenshots());

    public static async Task<IHtmlDocument> FileAppAsync(PlatformClient client, string packageName) =>
        await FileAppAsync(client, await StepTwoAsync(client), BasicInfo(packageName));

    /// <summary>注销APP through the page, with the principal's SMS code, then approved.</summary>
    public static async Task CancelAsync(PlatformFixture platform, PlatformClient client, App app)
    {
        var principal = await platform.ScopedAsync(async s =>
            s.GetRequiredService<AppService>().Read(await s.GetRequiredService<BeianDbContext>().Apps.SingleAsync(a => a.Id == app.Id)).People.Principal);
        await BusinessFlows.CancelAsync(platform, client, "Apps", app, (principal.Name!, principal.Mobile!));
    }

    /// <summary>Approves the application of <paramref name="detail"/> (申请详情) as a reviewer would; the APP and its number.</summary>
    public static Task<App> ApproveAsync(PlatformFixture platform, IHtmlDocument detail) => BusinessFlows.ApproveAsync<App>(platform, detail);
}
