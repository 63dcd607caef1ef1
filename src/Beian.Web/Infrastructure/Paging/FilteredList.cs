using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Beian.Web.Infrastructure.Paging;

/// <summary>
/// A list page with its filters above and keyset pages below (待审核申请, 已备案网站, 审计日志 …). A filter with errors (a date
/// that is no date, a reversed period) reads nothing: rows listed under it would be taken as filtered when the filter
/// that failed was left out. The page shows the filter as typed with its messages, and <see cref="FilteredListTagHelper"/>
/// says in the list's place that it must be corrected.
/// </summary>
public abstract class FilteredListModel<TRow> : PageModel
{
    /// <summary>The page shown (<see cref="KeysetPaging"/>): none for the first.</summary>
    [BindProperty(SupportsGet = true, Name = KeysetPaging.QueryKey)]
    public string? Cursor { get; set; }

    public IReadOnlyList<TRow> Rows { get; private set; } = [];
    public BoundedCount Total { get; private set; } = new(0, 0);
    public (string? Previous, string? Next) Pager { get; private set; }

    /// <summary>Adds the filter's errors that binding cannot see (a reversed period) to ModelState.</summary>
    protected virtual void CheckFilter()
    {
    }

    /// <summary>Whether the filter, bound and checked, has no error: only then may its rows be read (listed or exported).</summary>
    protected bool FilterIsValid()
    {
        CheckFilter();
        return ModelState.IsValid;
    }

    /// <summary>Shows what <paramref name="read"/> reads (the count and the page the cursor addresses), unless the filter has errors.</summary>
    protected async Task ListAsync(Func<Task<(BoundedCount Total, KeysetPage<TRow> Page)>> read)
    {
        if (!FilterIsValid()) return;
        var (total, page) = await read();
        (Total, Rows, Pager) = (total, page.Rows, (page.Previous, page.Next));
    }
}

/// <summary>
/// <c>&lt;filtered-list&gt;…&lt;/filtered-list&gt;</c> around what a filtered list shows under its filters (its count, rows,
/// pager, or that none matched): with filter errors, only the line <see cref="Message"/> stands there instead. A report
/// that shows nothing without a valid filter (统计分析) puts <c>&lt;filtered-list /&gt;</c> where it would stand.
/// </summary>
[HtmlTargetElement("filtered-list")]
public sealed class FilteredListTagHelper : TagHelper
{
    public const string Message = "查询条件有误，请按上方提示修改后再查询。";
    public const string ElementId = "filter-invalid";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (ViewContext.ModelState.IsValid) return;
        output.Content.SetHtmlContent($"<p class=\"empty-state\" id=\"{ElementId}\" role=\"status\">{Message}</p>");
    }
}
