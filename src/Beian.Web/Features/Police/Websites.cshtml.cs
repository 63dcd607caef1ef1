using System.Globalization;
using System.Text.Encodings.Web;
using Beian.Web.Features.Police.Exports;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>
/// 已备案网站 of the officer's jurisdiction: every website whose 公安备案号 is in force, found by
/// 网站名称, 域名 or 公安备案号 and 备案时间; 【导出Excel】 exports every matching row. An individual
/// holder's name is masked as on the public record.
/// </summary>
public class WebsitesModel(FiledWebsiteList list, Officers officers, PoliceExports exports) : PageModel
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

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<FiledSiteRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string? ExportHref => Url.Page("/Police/Websites", "Export", new
    {
        name = Name, domain = Domain, number = Number,
        filedFrom = FiledFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        filedTo = FiledTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    });

    private FiledWebsiteFilter Filter => new(Name, Domain, Number, FiledFrom, FiledTo);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await CurrentOfficerAsync(cancellationToken) is not { } officer) return Forbid();
        if (!ModelState.IsValid) return Page();
        var query = list.Query(officer, Filter);
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await list.PageAsync(query, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (await CurrentOfficerAsync(cancellationToken) is not { } officer) return Forbid();
        if (!ModelState.IsValid) return Page();
        return await exports.ExportAsync(this, list, officer, Filter, cancellationToken);
    }

    public static string DisplayDomain(string? ascii) => FiledWebsiteList.DisplayDomain(ascii);

    /// <summary>The display domain, allowed to wrap after its dots (a narrow column never splits a label).</summary>
    public static IHtmlContent WrappableDomain(string? ascii) =>
        new HtmlString(string.Join(".<wbr>", DisplayDomain(ascii).Split('.').Select(label => HtmlEncoder.Default.Encode(label))));

    private async Task<Officer?> CurrentOfficerAsync(CancellationToken cancellationToken)
    {
        var officer = await officers.CurrentAsync(User, cancellationToken);
        if (Filter.DatesReversed) ModelState.AddModelError(nameof(FiledTo), "结束日期不能早于开始日期");
        return officer;
    }
}
