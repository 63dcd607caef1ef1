using Microsoft.AspNetCore.Http;

namespace Beian.Web.Features.Shared;

/// <summary>
/// One entry of a menu. A group (开办主体管理, 网站业务, 我的 …) has <see cref="Children"/>;
/// its own <see cref="Path"/> is only an identifier and is never linked.
/// An item that is not <see cref="Available"/> yet links to the "建设中" page
/// (<c>/Unavailable/&lt;path with '/' replaced by '-'&gt;</c>) and shows a grey "建设中" tag.
/// </summary>
public sealed record MenuItem(string Title, string Path, IReadOnlyList<MenuItem>? Children = null)
{
    /// <summary>True once the target page exists. Flip it here when a feature ships.</summary>
    public bool Available { get; init; }

    public bool IsGroup => Children is { Count: > 0 };

    /// <summary>The link to render: the real path when available, otherwise the 建设中 page.</summary>
    public string Href => Available ? Path : Navigation.UnavailableHref(Path);

    /// <summary>Key used by the 建设中 page, e.g. "/Subjects/New" → "Subjects-New".</summary>
    public string FeatureKey => Navigation.FeatureKey(Path);
}

/// <summary>
/// Every menu of the platform in one place. The layout and the menu partials only loop over
/// these lists; the 建设中 page (<c>/Unavailable/{feature}</c>) takes its titles from here too.
/// Words are the manuals' (seed 004 §4, seed 000).
/// </summary>
public static class Navigation
{
    public const string UnavailablePrefix = "/Unavailable/";

    private static MenuItem Ready(string title, string path) => new(title, path) { Available = true };
    private static MenuItem Group(string title, string id, params MenuItem[] children) => new(title, id, children);

    /// <summary>The public menu in the top bar.</summary>
    public static readonly IReadOnlyList<MenuItem> PublicMenu =
    [
        Ready("首页", "/"),
        Ready("公共查询", "/Public/Query"),
        Ready("通知公告", "/Public/Notices"),
        Ready("备案须知", "/Public/Guide"),
        Ready("政策法规", "/Public/Policies"),
        Ready("常见问题", "/Public/Faq"),
        Ready("下载中心", "/Public/Downloads"),
    ];

    /// <summary>Public pages reached from the home page but not shown in the top bar.</summary>
    public static readonly IReadOnlyList<MenuItem> PublicExtras =
    [
        Ready("备案展厅", "/Public/Showcase"),
    ];

    /// <summary>The applicant's (开办者) left menu.</summary>
    public static readonly IReadOnlyList<MenuItem> ApplicantMenu =
    [
        Ready("主页", "/Home/Applicant"),
        Group("开办主体管理", "/Subjects",
            Ready("新增主体", "/Subjects/New"),
            Ready("变更主体", "/Subjects/Change"),
            Ready("注销主体", "/Subjects/Cancel"),
            Ready("移交主体", "/Subjects/Transfer"),
            Ready("接收主体", "/Subjects/Receive")),
        Group("网站业务", "/Websites",
            Ready("新办网站申请", "/Websites/New"),
            Ready("已办网站认领", "/Websites/Claims"),
            Ready("未备案网站", "/Websites/Unfiled"),
            Ready("变更网站", "/Websites/Change"),
            Ready("注销网站", "/Websites/Cancel")),
        Group("APP业务", "/Apps",
            Ready("新办APP申请", "/Apps/New"),
            Ready("未备案APP", "/Apps/Unfiled"),
            Ready("变更APP", "/Apps/Change"),
            Ready("注销APP", "/Apps/Cancel")),
        Group("小程序业务", "/MiniPrograms",
            Ready("新办小程序申请", "/MiniPrograms/New"),
            Ready("变更小程序", "/MiniPrograms/Change"),
            Ready("注销小程序", "/MiniPrograms/Cancel")),
        Ready("安全评估", "/Assessments"),
        Group("服务商业务", "/Reporting/ProviderBusiness",
            Ready("申请服务商", "/Reporting/Providers/Apply")),
        Group("应用市场业务", "/Reporting/AppStoreBusiness",
            Ready("申请应用市场", "/Reporting/AppStores/Apply")),
        Group("我的", "/My",
            Ready("我的草稿", "/My/Drafts"),
            Ready("我的申请", "/My/Applications"),
            Ready("我的主体", "/My/Subjects"),
            Ready("我的网站", "/My/Websites"),
            Ready("我的APP", "/My/Apps"),
            Ready("我的小程序", "/My/MiniPrograms"),
            Ready("我的服务商", "/Reporting/Providers"),
            Ready("我的应用市场", "/Reporting/AppStores"),
            Ready("安全评估", "/My/Assessments")),
        Group("个人中心", "/Profile",
            Ready("信用认证", "/Profile/Credit"),
            Ready("修改密码", "/Profile/ChangePassword"),
            Ready("修改手机", "/Profile/ChangeMobile"),
            Ready("修改邮箱", "/Profile/ChangeEmail"),
            Ready("实名信息", "/Profile/RealName")),
    ];

    /// <summary>The left menu of 审核民警 (Reviewer) and 上级单位 (Supervisor).</summary>
    public static readonly IReadOnlyList<MenuItem> PoliceMenu =
    [
        Ready("工作台", "/Police"),
        Ready("待审核申请", "/Police/Queue"),
        Ready("已备案网站", "/Police/Websites"),
        Ready("安全评估", "/Police/Assessments"),
        Ready("未备案网站导入", "/Police/Imports"),
        Ready("服务商上报", "/Police/Reporting"),
        Ready("统计分析", "/Police/Statistics"),
        Ready("导出文件", "/Police/Exports"),
        Ready("个人中心", "/Profile"),
    ];

    /// <summary>The administrator's (管理员) left menu.</summary>
    public static readonly IReadOnlyList<MenuItem> AdminMenu =
    [
        Ready("管理首页", "/Admin"),
        Ready("公安机关管理", "/Admin/Units"),
        Ready("民警账号管理", "/Admin/PoliceUsers"),
        Ready("内容管理", "/Admin/Content"),
        Ready("节假日安排", "/Admin/Holidays"),
        Ready("审计日志", "/Admin/Audit"),
        Ready("个人中心", "/Profile"),
    ];

    /// <summary>"/Subjects/New" → "Subjects-New".</summary>
    public static string FeatureKey(string path) => path.Trim('/').Replace('/', '-');

    /// <summary>"/Subjects/New" → "/Unavailable/Subjects-New".</summary>
    public static string UnavailableHref(string path) => UnavailablePrefix + FeatureKey(path);

    /// <summary>Every leaf item of every menu.</summary>
    public static IEnumerable<MenuItem> AllItems() =>
        new[] { PublicMenu, PublicExtras, ApplicantMenu, PoliceMenu, AdminMenu }.SelectMany(Flatten);

    private static IEnumerable<MenuItem> Flatten(IEnumerable<MenuItem> items) =>
        items.SelectMany(i => i.IsGroup ? Flatten(i.Children!) : [i]);

    private static readonly Dictionary<string, string> TitlesByKey = BuildTitles();

    private static Dictionary<string, string> BuildTitles()
    {
        var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in AllItems())
        {
            titles.TryAdd(item.FeatureKey, item.Title);
        }
        return titles;
    }

    /// <summary>The leaf item with this exact path in any menu ("/Public/Faq" → 常见问题), or null.</summary>
    public static MenuItem? Find(string path) =>
        AllItems().FirstOrDefault(i => string.Equals(i.Path, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The link for a path: the path itself once its menu item is available, else its 建设中 page.</summary>
    public static string HrefOf(string path) => Find(path)?.Href ?? path;

    /// <summary>The Chinese name of a feature key ("Subjects-New" → "新增主体"), or null.</summary>
    public static string? TitleOf(string? featureKey) =>
        featureKey is not null && TitlesByKey.TryGetValue(featureKey, out var title) ? title : null;

    /// <summary>
    /// The ViewData key by which a page whose address names no menu item says which one it belongs to (a reporter's pages
    /// belong to 我的服务商 or 我的应用市场 by the reporter's role, which the address does not say).
    /// </summary>
    public const string MenuPathKey = "MenuPath";

    /// <summary>Detail pages that belong to a list item of the menu.</summary>
    private static readonly (string Prefix, string MenuPath)[] DetailPages =
    [
        ("/My/ApplicationDetail", "/My/Applications"),
        ("/My/SubjectDetail", "/My/Subjects"),
    ];

    /// <summary>
    /// The one item of <paramref name="menu"/> that the current request belongs to: an exact
    /// match, else the longest item path that is a prefix of the request path ("/Police/Queue/12"
    /// → 待审核申请, not 工作台). Requests to the 建设中 page match the item they stand for.
    /// "/" only matches exactly.
    /// </summary>
    public static MenuItem? FindActive(IEnumerable<MenuItem> menu, PathString requestPath)
    {
        var path = requestPath.HasValue ? requestPath.Value!.TrimEnd('/') : "";
        foreach (var (prefix, menuPath) in DetailPages)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) path = menuPath;
        }
        if (path.Length == 0)
        {
            path = "/";
        }

        MenuItem? best = null;
        foreach (var item in Flatten(menu))
        {
            if (Matches(item, path) && (best is null || item.Path.Length > best.Path.Length))
            {
                best = item;
            }
        }
        return best;
    }

    private static bool Matches(MenuItem item, string path)
    {
        if (path.StartsWith(UnavailablePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(path[UnavailablePrefix.Length..], item.FeatureKey, StringComparison.OrdinalIgnoreCase);
        }
        if (string.Equals(item.Path, path, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return item.Path != "/" && path.StartsWith(item.Path + "/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Where <paramref name="menu"/> places the page at <paramref name="requestPath"/>: the groups of its item (<see cref="FindActive"/>),
    /// outermost first, then the item ("/Reporting/Providers" → 我的, 我的服务商); none when no item matches.
    /// </summary>
    public static IReadOnlyList<MenuItem> PlaceOf(IEnumerable<MenuItem> menu, PathString requestPath) =>
        FindActive(menu, requestPath) is { } active ? TrailTo(menu, active) ?? [] : [];

    private static List<MenuItem>? TrailTo(IEnumerable<MenuItem> items, MenuItem target)
    {
        foreach (var item in items)
        {
            if (ReferenceEquals(item, target)) return [item];
            if (item.IsGroup && TrailTo(item.Children!, target) is { } below) return [item, .. below];
        }
        return null;
    }

    /// <summary>True when <paramref name="group"/> contains <paramref name="active"/>.</summary>
    public static bool Contains(MenuItem group, MenuItem? active) =>
        active is not null && group.IsGroup && Flatten(group.Children!).Contains(active);
}
