namespace Beian.Web.Features.Shared;

/// <summary>
/// A page's 位置 line (<c>_Breadcrumb</c>) as the side menu places it: the groups and the item of <see cref="Menu"/> that the
/// side menu marks for the page (by its address, or by the path the page gives in <see cref="Navigation.MenuPathKey"/>),
/// then <see cref="Steps"/>, the pages below that item down to this one (详情 › 上报处理情况). Menu and line cannot disagree.
/// </summary>
public sealed record Breadcrumb(IReadOnlyList<MenuItem> Menu, params IReadOnlyList<Crumb> Steps);

/// <summary>One step of a <see cref="Breadcrumb"/> below its menu item: a link, except the page itself.</summary>
public sealed record Crumb(string Title, string? Href = null);
