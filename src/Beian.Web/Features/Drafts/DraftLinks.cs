using Beian.Core.Applications;

namespace Beian.Web.Features.Drafts;

/// <summary>Where 【详情】 of a draft reopens its form. A business registers its form page here.</summary>
public static class DraftLinks
{
    private static readonly Dictionary<BusinessType, string> FormPages = new()
    {
        [BusinessType.NewSubject] = "/Subjects/New",
        [BusinessType.ChangeSubject] = "/Subjects/Change",
        [BusinessType.NewWebsite] = "/Websites/New",
    };

    public static string? FormFor(Draft draft) =>
        FormPages.TryGetValue(draft.BusinessType, out var page) ? $"{page}?draft={draft.Id}" : null;
}
