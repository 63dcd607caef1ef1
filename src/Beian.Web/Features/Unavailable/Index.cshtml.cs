using Beian.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Unavailable;

/// <summary>
/// The one "建设中" page. Menu items that are not available yet link to
/// <c>/Unavailable/&lt;path with '/' replaced by '-'&gt;</c>, e.g. <c>/Unavailable/Subjects-New</c>;
/// the feature's name comes from <see cref="Navigation"/>.
/// </summary>
public sealed class IndexModel : PageModel
{
    /// <summary>The feature's Chinese name, or null when the key is unknown.</summary>
    public string? FeatureTitle { get; private set; }

    public void OnGet(string? feature)
    {
        FeatureTitle = Navigation.TitleOf(feature);
    }
}
