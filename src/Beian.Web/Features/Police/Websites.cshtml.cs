using Beian.Core.Filing;
using System.Globalization;
using System.Text.Encodings.Web;
using Beian.Core.Accounts;
using Beian.Core.Subjects;
using Beian.Core.Time;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Features.Websites;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>
/// 已备案网站 of the officer's jurisdiction: every website whose 公安备案号 is in force, found by
/// 网站名称, 域名 or 公安备案号 and 备案时间; 【导出Excel】 exports every matching row. An individual
/// holder's name is masked as on the public record.
/// </summary>
public class WebsitesModel(BeianDbContext db, UserManager<ApplicationUser> users, ReviewDeadlines deadlines) : PageModel
{
    public const int PageSize = 20;
    public const string Title = "已备案网站";

    public static readonly IReadOnlyList<string> Columns = ["公安备案号", "网站名称", "主域名", "开办主体", "审核单位", "备案时间", "状态"];

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

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FilteredAsync() is not { } query) return Forbid();
        if (!ModelState.IsValid) return Page();
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await RowsAsync(query, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (await FilteredAsync() is not { } query) return Forbid();
        if (!ModelState.IsValid) return Page();
        var rows = await RowsAsync(query, 0, int.MaxValue, cancellationToken);
        return await ExcelExport.DownloadAsync(Response, Title, deadlines.Today, [new ExcelSheet(Title, Columns, rows.Select(Cells))], cancellationToken);
    }

    public static string DisplayDomain(string? ascii) =>
        ascii == null ? string.Empty : DomainName.TryParse(ascii, out var domain) ? domain.Unicode : ascii;

    /// <summary>The display domain, allowed to wrap after its dots (a narrow column never splits a label).</summary>
    public static IHtmlContent WrappableDomain(string? ascii) =>
        new HtmlString(string.Join(".<wbr>", DisplayDomain(ascii).Split('.').Select(label => HtmlEncoder.Default.Encode(label))));

    private static IReadOnlyList<object?> Cells(FiledSiteRow row) =>
    [
        row.Website.NumberDisplay, row.Website.Name, DisplayDomain(row.Website.MainDomain), row.Holder, row.UnitName,
        row.Website.FiledAt is { } filed ? BeijingTime.FromUtc(filed) : null, row.Website.Status.Label(),
    ];

    /// <summary>The jurisdiction's filed websites under the filters; null when the account is no officer.</summary>
    private async Task<IQueryable<Website>?> FilteredAsync()
    {
        var officer = await users.GetUserAsync(User);
        if (officer?.PoliceUnitCode == null) return null;
        if (FiledFrom > FiledTo) ModelState.AddModelError(nameof(FiledTo), "结束日期不能早于开始日期");

        var query = FiledSites.InJurisdiction(db, PoliceJurisdiction.CodesWithin(officer.PoliceUnitCode));
        if (Name?.Trim() is { Length: > 0 } name) query = query.Where(w => w.Name.Contains(name));
        if (SearchableDomain(Domain) is { Length: > 0 } domain) query = query.Where(w => w.MainDomain != null && w.MainDomain.Contains(domain));
        if (Digits(Number) is { Length: > 0 } digits) query = query.Where(w => w.NumberDigits != null && w.NumberDigits.Contains(digits));
        if (FiledFrom is { } from)
        {
            var fromUtc = BeijingTime.StartOfDayUtc(from);
            query = query.Where(w => w.FiledAt >= fromUtc);
        }
        if (FiledTo is { } to)
        {
            var toUtc = BeijingTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(w => w.FiledAt < toUtc);
        }
        return query;
    }

    /// <summary>Newest filing first, with the holder's name.</summary>
    private async Task<List<FiledSiteRow>> RowsAsync(IQueryable<Website> query, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await query
            .Join(db.Subjects, w => w.SubjectId, s => s.Id, (w, s) => new { Website = w, s.Name, s.Nature })
            .OrderByDescending(r => r.Website.FiledAt).ThenBy(r => r.Website.NumberDigits)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        var codes = rows.Select(r => r.Website.JurisdictionUnitCode).Distinct().ToList();
        var units = await db.PoliceUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        return rows.Select(r => new FiledSiteRow(r.Website,
            r.Nature == SubjectNature.Individual ? Masking.MaskPersonName(r.Name) : r.Name,
            units.GetValueOrDefault(r.Website.JurisdictionUnitCode) ?? r.Website.JurisdictionUnitCode)).ToList();
    }

    /// <summary>What a person types as 域名 (例子.中国, http://www.example.com/) in the stored ASCII form.</summary>
    private static string? SearchableDomain(string? input)
    {
        var text = input?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return null;
        foreach (var scheme in new[] { "https://", "http://" })
            if (text.StartsWith(scheme, StringComparison.Ordinal)) text = text[scheme.Length..];
        text = text.TrimEnd('/');
        if (text.All(char.IsAscii)) return text;
        try
        {
            return new IdnMapping().GetAscii(text);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>The digits of a 公安备案号 as typed (浙公网安备 33010602000001号, or a part of it).</summary>
    private static string? Digits(string? input) => input == null ? null : new string(input.Where(char.IsAsciiDigit).ToArray());
}

public sealed record FiledSiteRow(Website Website, string Holder, string UnitName);
