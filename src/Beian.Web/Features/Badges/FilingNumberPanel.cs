using Beian.Core.Numbering;

namespace Beian.Web.Features.Badges;

/// <summary>
/// The model of <c>Features/Shared/_FilingNumberPanel.cshtml</c>, shown in a filed website's details (已备案网站):
/// the 网站公安机关备案号, the 备案编号图标 and the 备案编号HTML代码 to paste into the site's footer.
/// </summary>
/// <param name="Number">The site's 公安备案号.</param>
/// <param name="DetailUrl">Absolute URL of this platform's public detail page of the number; the footer code links to it.</param>
public sealed record FilingNumberPanel(PublicSecurityNumber Number, string DetailUrl)
{
    /// <summary>The PNG the footer code embeds, relative to the site root.</summary>
    public const string FooterImagePath = "/badge.png?size=40";
    public const string PngDownloadPath = "/badge.png?size=80&download=1";
    public const string SvgDownloadPath = "/badge.svg?download=1";
    public const string PreviewImagePath = "/badge.svg";

    /// <summary>The 30-day rule of seed 003.</summary>
    public const string DeadlineNote = "请在网站开通之日起30日内将备案编号HTML代码放置在网站首页底部";

    /// <summary>The absolute badge image URL for the footer code; <paramref name="origin"/> is e.g. "https://beian.example" (a trailing slash is ignored).</summary>
    public static string FooterImageUrl(string origin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(origin);
        return origin.TrimEnd('/') + FooterImagePath;
    }

    /// <summary>The 备案编号HTML代码: <see cref="BadgeHtml.FooterSnippet"/> with the detail URL and the absolute image URL.</summary>
    public string FooterSnippet(string origin) => BadgeHtml.FooterSnippet(Number, DetailUrl, FooterImageUrl(origin));

    /// <summary>The origin (scheme://host[:port][pathbase]) of the current request.</summary>
    public static string OriginOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
