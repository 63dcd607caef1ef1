using AngleSharp.Html.Dom;
using Beian.Core.Content;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Content;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Content;

/// <summary>Steps the content tests share: an administrator at 内容管理 writing through the forms, and looking rows up.</summary>
public static class ContentFlows
{
    public static async Task<PlatformClient> AdministratorAsync(PlatformFixture platform) =>
        (await PoliceLogin.StaffAsync(platform, Roles.Administrator, null, "/Admin")).Client;

    public static Dictionary<string, string> Fields(ContentKind kind, string title, string body, bool pinned = false) => new()
    {
        ["Input.Kind"] = kind.ToString(),
        ["Input.Title"] = title,
        ["Input.Body"] = body,
        ["Input.Pinned"] = pinned ? "true" : "false",
    };

    /// <summary>【新增内容】, fills the form and presses <paramref name="button"/> (发布 or 保存草稿); returns the page it lands on and the row.</summary>
    public static async Task<(IHtmlDocument Page, ContentItem Item)> WriteAsync(PlatformFixture platform, PlatformClient admin, ContentKind kind,
        string title, string body, string button = "发布")
    {
        var form = await admin.GetAsync($"/Admin/Content/Edit?kind={kind}");
        var page = await admin.SubmitAsync(form, button, Fields(kind, title, body));
        Assert.True(page.PathOf() == "/Admin/Content", page.QuerySelector(".validation-summary-errors")?.TextContent ?? page.PathOf());
        return (page, await ItemAsync(platform, title));
    }

    public static Task<ContentItem> ItemAsync(PlatformFixture platform, string title) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().ContentItems.AsNoTracking().SingleAsync(c => c.Title == title));

    public static Task<DownloadItem> DownloadAsync(PlatformFixture platform, string title) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().DownloadItems.AsNoTracking().SingleAsync(d => d.Title == title));

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The button <paramref name="name"/> in the list row of <paramref name="id"/>.</summary>
    public static IHtmlElement RowButton(IHtmlDocument list, Guid id, string name) =>
        list.QuerySelectorAll($"tr[data-id='{id}'] button").OfType<IHtmlElement>().Single(b => b.TextContent.Trim() == name);

    /// <summary>The link texts of a public list page (the 置顶 tag left out).</summary>
    public static List<string> Titles(IHtmlDocument list) =>
        list.QuerySelectorAll("#content-list li a").Select(a => a.ChildNodes.OfType<AngleSharp.Dom.IText>().First().Text.Trim()).ToList();
}
