using System.Net;

namespace Beian.Core.Numbering;

/// <summary>The HTML the applicant pastes into their site's footer.</summary>
public static class BadgeHtml
{
    /// <summary>
    /// <c>&lt;a target="_blank" rel="noopener" href="{detailUrl}"&gt;&lt;img src="{imageUrl}" alt="公安备案图标" …/&gt; 京公网安备…号&lt;/a&gt;</c>,
    /// every value HTML-encoded. <paramref name="detailUrl"/> should be this platform's public detail page of the number.
    /// </summary>
    public static string FooterSnippet(PublicSecurityNumber number, string detailUrl, string imageUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detailUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(imageUrl);
        var href = WebUtility.HtmlEncode(detailUrl);
        var src = WebUtility.HtmlEncode(imageUrl);
        var text = WebUtility.HtmlEncode(number.Display);
        return $"<a target=\"_blank\" rel=\"noopener\" href=\"{href}\">"
            + $"<img src=\"{src}\" alt=\"公安备案图标\" style=\"vertical-align:middle;width:20px;height:20px\"/> {text}</a>";
    }
}
