using AngleSharp.Html.Dom;
using Beian.Web.Data;
using Beian.Web.Features.MiniPrograms;
using Beian.Web.Tests.Filing;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.MiniPrograms;

/// <summary>Steps several 小程序 tests share: the form of step ②, a 小程序 filed through the wizard, approved and cancelled.</summary>
public static class MiniProgramFlows
{
    /// <summary>A 微信 AppID no other test holds: wx and 16 hex digits.</summary>
    public static string UniqueWeChatId() => "wx" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A complete step ② of a non-interactive 微信 小程序.</summary>
    public static Dictionary<string, string> BasicInfo(string appId, string name = "甬上茶事小程序") => new()
    {
        ["BasicInfo.Name"] = name,
        ["BasicInfo.Introduction"] = "提供宁波本地茶馆导览和茶事活动报名的微信小程序。",
        ["BasicInfo.Platform"] = "WeChat",
        ["BasicInfo.AppId"] = appId,
        ["BasicInfo.Versions[0].Number"] = "1.0.3",
        ["BasicInfo.Versions[0].ReleasedOn"] = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd"),
        ["BasicInfo.HasIcpNumber"] = "true",
        ["BasicInfo.IcpNumber"] = "浙ICP备2026055717号-5X",
        ["BasicInfo.ProvidesInteractiveServices"] = "false",
        ["BasicInfo.ServiceTypes"] = "App",
        ["BasicInfo.PublishesDangerousGoods"] = "false",
        ["BasicInfo.HasPrePermits"] = "false",
        ["BasicInfo.Languages"] = "SimplifiedChinese",
    };

    public static async Task<IHtmlDocument> StepTwoAsync(PlatformClient client) =>
        await client.SubmitAsync(await client.GetAsync("/MiniPrograms/New?step=1"), "下一步");

    public static async Task<IHtmlDocument> FileAsync(PlatformClient client, Dictionary<string, string> basicInfo,
        Dictionary<string, TestUpload>? files = null) =>
        await BusinessFlows.FileFromStepTwoAsync(client, await StepTwoAsync(client), basicInfo, files ?? []);

    public static Task<IHtmlDocument> FileAsync(PlatformClient client, string appId) => FileAsync(client, BasicInfo(appId));

    public static Task<MiniProgram> ApproveAsync(PlatformFixture platform, IHtmlDocument detail) => BusinessFlows.ApproveAsync<MiniProgram>(platform, detail);

    public static async Task CancelAsync(PlatformFixture platform, PlatformClient client, MiniProgram miniProgram)
    {
        var principal = await platform.ScopedAsync(async s => s.GetRequiredService<MiniProgramService>()
            .Read(await s.GetRequiredService<BeianDbContext>().MiniPrograms.SingleAsync(m => m.Id == miniProgram.Id)).People.Principal);
        await BusinessFlows.CancelAsync(platform, client, "MiniPrograms", miniProgram, (principal.Name!, principal.Mobile!));
    }
}
