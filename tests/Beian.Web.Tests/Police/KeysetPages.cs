using AngleSharp.Html.Dom;
using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Police;

/// <summary>A keyset-paged police list as an officer clicks through it: its rows, page after page, by the pager's links.</summary>
public static class KeysetPages
{
    /// <summary>
    /// Every row from <paramref name="page"/> on, following the pager's 下一页 (next) or 上一页 (prev), in the list's
    /// order; <paramref name="between"/> runs before each further page is asked for (rows arriving meanwhile).
    /// </summary>
    public static async Task<List<string>> WalkAsync(PlatformClient client, IHtmlDocument page, string rel, Func<IHtmlDocument, List<string>> rows,
        Func<Task>? between = null)
    {
        var pages = new List<List<string>>();
        for (var current = page; ; current = await client.GetAsync(current.QuerySelector($"nav.keyset-pager a[rel={rel}]")!.GetAttribute("href")!))
        {
            pages.Add(rows(current));
            Assert.True(pages.Count < 10, "the walk does not end");
            if (current.QuerySelector($"nav.keyset-pager a[rel={rel}]")?.GetAttribute("href") == null) break;
            if (between != null) await between();
        }
        if (rel == "prev") pages.Reverse();
        return pages.SelectMany(p => p).ToList();
    }

    /// <summary>The first cell of each row of the table.</summary>
    public static List<string> Numbers(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(tr => tr.Children[0].TextContent.Trim()).ToList();

    /// <summary>The data-id of each row of the table.</summary>
    public static List<string> Ids(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(tr => tr.GetAttribute("data-id")!).ToList();

    /// <summary>A cursor's keys written as ours are (base64url of JSON), whatever they hold.</summary>
    public static string Cursor(string json) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
