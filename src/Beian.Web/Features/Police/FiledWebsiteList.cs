using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Beian.Core.Accounts;
using Beian.Core.Filing;
using Beian.Core.PublicQuery;
using Beian.Core.Subjects;
using Beian.Core.Time;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Features.Websites;
using Beian.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>The filters of 已备案网站: 网站名称, 域名 and 公安备案号 as typed, 备案时间 from / to (Beijing dates, inclusive).</summary>
public sealed record FiledWebsiteFilter(string? Name = null, string? Domain = null, string? Number = null, DateOnly? FiledFrom = null,
    DateOnly? FiledTo = null)
{
    [JsonIgnore]
    public bool DatesReversed => FiledFrom > FiledTo;
}

/// <summary>
/// 已备案网站 of an officer's jurisdiction under its filters, newest filing first (<see cref="Order"/>), for the page and for
/// 【导出Excel】. An individual holder's name is masked as on the public record.
/// </summary>
public sealed class FiledWebsiteList(BeianDbContext db) : ListExport<FiledWebsiteFilter>
{
    public const string ListTitle = "已备案网站";

    public static readonly IReadOnlyList<string> Headers = ["公安备案号", "网站名称", "主域名", "开办主体", "审核单位", "备案时间", "状态"];

    public override string Kind => "Websites";
    public override string Title => ListTitle;
    public override IReadOnlyList<string> Columns => Headers;

    /// <summary>Newest filing first; the 公安备案号, unique, breaks ties.</summary>
    public static readonly KeysetOrder<Website> Order =
        KeysetOrder<Website>.By(w => w.FiledAt, descending: true).ThenBy(w => w.NumberDigits, descending: true);

    /// <summary>
    /// The filed sites of the jurisdiction under the filters, each on an index: 网站名称 by the public name index,
    /// 域名 by the public hosts (主域名, 从域名 and the bare form of a www. domain, matched whole), 公安备案号 whole
    /// or by its first digits.
    /// </summary>
    public async Task<IQueryable<Website>> QueryAsync(Officer officer, FiledWebsiteFilter filter, CancellationToken cancellationToken)
    {
        var query = FiledSites.InJurisdiction(db, PoliceJurisdiction.CodesWithin(officer.UnitCode));
        if (filter.Name?.Trim() is { Length: > 0 } name && await WebsiteNameIndex.ContainingAsync(db, name, cancellationToken) is { } named)
            query = query.Where(named);
        if (SearchableHost(filter.Domain) is { Length: > 0 } host)
        {
            var hosts = db.Set<PublicWebsiteDomain>().Where(d => d.Host == host);
            query = query.Where(w => hosts.Any(d => d.WebsiteId == w.Id));
        }
        if (Digits(filter.Number) is { Length: > 0 } digits) query = query.Where(NumberStartingWith(digits));
        if (filter.FiledFrom is { } from)
        {
            var fromUtc = BeijingTime.StartOfDayUtc(from);
            query = query.Where(w => w.FiledAt >= fromUtc);
        }
        if (filter.FiledTo is { } to)
        {
            var toUtc = BeijingTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(w => w.FiledAt < toUtc);
        }
        return query;
    }

    public override async Task<long> CountAsync(Officer officer, FiledWebsiteFilter filter, CancellationToken cancellationToken) =>
        await (await QueryAsync(officer, filter, cancellationToken)).LongCountAsync(cancellationToken);

    /// <summary>A page of the list with each holder's name and unit.</summary>
    public async Task<KeysetPage<FiledSiteRow>> PageAsync(IQueryable<Website> query, string? cursor, int size, CancellationToken cancellationToken)
    {
        var page = await query.PageAsync(Order, cursor, size, cancellationToken);
        var subjectIds = page.Rows.Select(w => w.SubjectId).Distinct().ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => subjectIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => Holder(s.Name, s.Nature), cancellationToken);
        var codes = page.Rows.Select(w => w.JurisdictionUnitCode).Distinct().ToList();
        var units = await db.PoliceUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var rows = page.Rows.Select(w => new FiledSiteRow(w, subjects.GetValueOrDefault(w.SubjectId, string.Empty),
            units.GetValueOrDefault(w.JurisdictionUnitCode) ?? w.JurisdictionUnitCode)).ToList();
        return new KeysetPage<FiledSiteRow>(rows, page.Previous, page.Next);
    }

    /// <summary>Only the columns the sheet shows (never the encrypted content), in the page's order.</summary>
    public override async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(Officer officer, FiledWebsiteFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var units = await db.PoliceUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var rows = Order.Apply(await QueryAsync(officer, filter, cancellationToken)).Join(db.Subjects, w => w.SubjectId, s => s.Id, (w, s) => new
            {
                w.NumberDisplay, w.Name, w.MainDomain, Holder = s.Name, s.Nature, w.JurisdictionUnitCode, w.FiledAt, w.Status, w.NumberDigits,
            })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return
            [
                row.NumberDisplay, row.Name, DisplayDomain(row.MainDomain), Holder(row.Holder, row.Nature),
                units.GetValueOrDefault(row.JurisdictionUnitCode) ?? row.JurisdictionUnitCode,
                row.FiledAt is { } filed ? BeijingTime.FromUtc(filed) : null, row.Status.Label(),
            ];
        }
    }

    public static string DisplayDomain(string? ascii) =>
        ascii == null ? string.Empty : DomainName.TryParse(ascii, out var domain) ? domain.Unicode : ascii;

    private static string Holder(string name, SubjectNature nature) => nature == SubjectNature.Individual ? Masking.MaskPersonName(name) : name;

    /// <summary>
    /// What a person types as 域名 (例子.中国, http://www.example.com/path) as a stored ASCII host, read as 公共查询 reads
    /// it; what is no domain stays as typed, which no stored host equals.
    /// </summary>
    private static string? SearchableHost(string? input) =>
        string.IsNullOrWhiteSpace(input) ? null
        : DomainLookup.TryParseQuery(input, out var candidates, out _) ? candidates[0] : input.Trim();

    /// <summary>
    /// A number whose digits begin with these: a range of the unique index, [digits, the next prefix), which
    /// for digits alone is the same in every collation; the whole number (12 or 14 digits) is its one row.
    /// </summary>
    private static Expression<Func<Website, bool>> NumberStartingWith(string digits)
    {
        var next = NextPrefix(digits);
        if (next == null) return w => string.Compare(w.NumberDigits, digits) >= 0;
        return w => string.Compare(w.NumberDigits, digits) >= 0 && string.Compare(w.NumberDigits, next) < 0;
    }

    /// <summary>The smallest digit string after every one that begins with <paramref name="digits"/> (3309 → 331), null after 999….</summary>
    private static string? NextPrefix(string digits)
    {
        var last = digits.TrimEnd('9');
        return last.Length == 0 ? null : last[..^1] + (char)(last[^1] + 1);
    }

    /// <summary>The digits of a 公安备案号 as typed (浙公网安备 33010602000001号, or a part of it).</summary>
    private static string? Digits(string? input) => input == null ? null : new string(input.Where(char.IsAsciiDigit).ToArray());
}

public sealed record FiledSiteRow(Website Website, string Holder, string UnitName);
