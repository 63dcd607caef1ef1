using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Beian.Web.Features.Shared;

/// <summary>
/// A page that must render while the database is down (the error page) marks itself, so that the
/// global page filters and the layout add nothing that reads the database (unread count, 当前主体).
/// </summary>
public static class DatabaseFreePage
{
    private const string Key = "DatabaseFreePage";

    public static void Mark(ViewDataDictionary viewData) => viewData[Key] = true;

    public static bool IsMarked(ViewDataDictionary viewData) => viewData[Key] is true;
}
