using System.Globalization;
using System.Text.Encodings.Web;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Police;

/// <summary>
/// 已备案网站 of the officer's jurisdiction: every website whose 公安备案号 is in force, found by
/// 网站名称, 域名 or 公安备案号 and 备案时间; 【导出Excel】 exports every matching row. An individual
/// holder's name is masked as on the public record.
/// </summary>
public class WebsitesModel(FiledWebsiteList list, Officers officers, PoliceExports exports, IConfiguration configuration) : FilteredListModel<FiledSiteRow>
{
    public const int PageSize = 20;
    public const string Title = FiledWebsiteList.ListTitle;

    public static IReadOnlyList<string> Columns => FiledWebsiteList.Headers;

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Domain { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? FiledFrom { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? FiledTo { get; set; }

    public string? ExportHref => Url.Page("/Police/Websites", "Export", new
    {
        name = Name, domain = Domain, number = Number,
        filedFrom = FiledFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        filedTo = FiledTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    });

    private FiledWebsiteFilter Filter => new(Name, Domain, Number, FiledFrom, FiledTo);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        await ListAsync(async () =>
        {
            var query = await list.QueryAsync(officer, Filter, cancellationToken);
            return (await query.CountUpToAsync(BoundedCount.BoundOf(configuration), cancellationToken),
                await list.PageAsync(query, Cursor, PageSize, cancellationToken));
        });
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        if (!FilterIsValid()) return Page();
        return await exports.ExportAsync(this, list, officer, Filter, cancellationToken);
    }

    public static string DisplayDomain(string? ascii) => FiledWebsiteList.DisplayDomain(ascii);

    /// <summary>The display domain, allowed to wrap after its dots (a narrow column never splits a label).</summary>
    public static IHtmlContent WrappableDomain(string? ascii) =>
        new HtmlString(string.Join(".<wbr>", DisplayDomain(ascii).Split('.').Select(label => HtmlEncoder.Default.Encode(label))));

    protected override void CheckFilter()
    {
        if (Filter.DatesReversed) ModelState.AddModelError(nameof(FiledTo), "备案时间（止）不能早于备案时间（起）");
    }
}
