using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Beian.Core.Accounts;
using Beian.Core.PoliceUnits;
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
    /// Newest filing first for the sites found through the name index: by their entry's place in filing order (given as the
    /// site's number came into force), so that a page is one range of the index read backwards.
    /// </summary>
    public static readonly KeysetOrder<NamedWebsite> NamedOrder = KeysetOrder<NamedWebsite>.By(m => m.Entry.FilingOrder, descending: true);

    /// <summary>
    /// The filed sites of the jurisdiction under the filters, each on an index: 网站名称 by the public name index,
    /// 域名 by the public hosts (主域名, 从域名 and the bare form of a www. domain, matched whole), 公安备案号 whole
    /// or by its first digits. A 网站名称 beyond a county is read from the name index's entries in filing order
    /// (<see cref="NamedOrder"/>): a page costs about a page times the share of the names that are the jurisdiction's,
    /// where sorting every match (hundreds of thousands for 科技 at the ministry) would cost them all. A county's few
    /// thousand sites are each looked up in the index instead, cheaper than a common gram's entries read for its share.
    /// </summary>
    public async Task<FiledWebsiteQuery> QueryAsync(Officer officer, FiledWebsiteFilter filter, CancellationToken cancellationToken)
    {
        var scope = PoliceJurisdiction.CodesWithin(officer.UnitCode);
        var sites = FiledSites.InJurisdiction(db, scope);
        var host = SearchableHost(filter.Domain);
        if (host is { Length: > 0 })
        {
            var hosts = db.Set<PublicWebsiteDomain>().Where(d => d.Host == host);
            sites = sites.Where(w => hosts.Any(d => d.WebsiteId == w.Id));
        }
        var digits = Digits(filter.Number);
        if (digits is { Length: > 0 }) sites = sites.Where(NumberStartingWith(digits));
        var fromUtc = filter.FiledFrom is { } from ? BeijingTime.StartOfDayUtc(from) : (DateTime?)null;
        var toUtc = filter.FiledTo is { } to ? BeijingTime.StartOfDayUtc(to.AddDays(1)) : (DateTime?)null;
        var name = filter.Name?.Trim();
        if (!string.IsNullOrEmpty(name) && !IsCounty(officer) && await WebsiteNameIndex.EntriesAsync(db, name, cancellationToken) is { } entries)
        {
            if (fromUtc is { } fromEntry)
            {
                var first = await WebsiteNameIndex.FirstPlaceFiledFromAsync(db, fromEntry, cancellationToken) ?? int.MaxValue;
                entries = entries.Where(g => g.FilingOrder >= first && g.FiledAt >= fromEntry);
            }
            if (toUtc is { } toEntry)
            {
                entries = entries.Where(g => g.FiledAt < toEntry);
                if (await WebsiteNameIndex.PlaceAfterFiledBeforeAsync(db, fromUtc, toEntry, cancellationToken) is { } end)
                    entries = entries.Where(g => g.FilingOrder < end);
            }
            var named = entries.Join(sites, g => g.WebsiteId, w => w.Id, (g, w) => new NamedWebsite { Entry = g, Site = w });
            // The index holds every filed site and one entry of each under a gram: with no condition on the sites, the
            // entries alone are counted (10,001 of 科技 in a few ms, where joining each to its site took seconds).
            var everySite = scope == null && string.IsNullOrEmpty(host) && string.IsNullOrEmpty(digits);
            return new FiledWebsiteQuery.Of<NamedWebsite>(named, NamedOrder, m => m.Site,
                (bound, token) => everySite ? entries.CountUpToAsync(bound, token) : named.CountUpToAsync(bound, token));
        }
        if (!string.IsNullOrEmpty(name) && await WebsiteNameIndex.ContainingAsync(db, name, cancellationToken) is { } containing)
            sites = sites.Where(containing);
        if (fromUtc is { } fromSite) sites = sites.Where(w => w.FiledAt >= fromSite);
        if (toUtc is { } toSite) sites = sites.Where(w => w.FiledAt < toSite);
        return new FiledWebsiteQuery.Of<Website>(sites, Order, w => w, sites.CountUpToAsync);
    }

    public override async Task<long> CountAsync(Officer officer, FiledWebsiteFilter filter, CancellationToken cancellationToken) =>
        await (await QueryAsync(officer, filter, cancellationToken)).Ordered().LongCountAsync(cancellationToken);

    /// <summary>A page of the list with each holder's name and unit.</summary>
    public async Task<KeysetPage<FiledSiteRow>> PageAsync(FiledWebsiteQuery query, string? cursor, int size, CancellationToken cancellationToken)
    {
        var page = await query.PageAsync(cursor, size, cancellationToken);
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
        await using var serial = await SerialReads.BeginAsync(db, cancellationToken);
        var units = await db.PoliceUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var rows = (await QueryAsync(officer, filter, cancellationToken)).Ordered().Join(db.Subjects, w => w.SubjectId, s => s.Id, (w, s) => new
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

    private static bool IsCounty(Officer officer) => PoliceUnitCatalog.Default.Find(officer.UnitCode)?.Level == PoliceUnitLevel.County;

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

/// <summary>A filed site found through the public name index: the entry that found it and the site.</summary>
public sealed class NamedWebsite
{
    public required NameIndexEntry Entry { get; init; }
    public required Website Site { get; init; }
}

/// <summary>
/// 已备案网站 under its filters as they are read: rows of some kind in a keyset order, each with its site. The list's
/// count, pages and export take it as it is, whether it reads the sites or the name index's entries.
/// </summary>
public abstract class FiledWebsiteQuery
{
    public abstract Task<BoundedCount> CountUpToAsync(int bound, CancellationToken cancellationToken);

    public abstract Task<KeysetPage<Website>> PageAsync(string? cursor, int size, CancellationToken cancellationToken);

    /// <summary>Every site in the list's order.</summary>
    public abstract IQueryable<Website> Ordered();

    /// <param name="count">How the rows are counted up to a bound (they, or what stands for them one to one).</param>
    public sealed class Of<T>(IQueryable<T> rows, KeysetOrder<T> order, Expression<Func<T, Website>> site,
        Func<int, CancellationToken, Task<BoundedCount>> count) : FiledWebsiteQuery
    {
        private readonly Func<T, Website> _site = site.Compile();

        public override Task<BoundedCount> CountUpToAsync(int bound, CancellationToken cancellationToken) => count(bound, cancellationToken);

        public override async Task<KeysetPage<Website>> PageAsync(string? cursor, int size, CancellationToken cancellationToken)
        {
            var page = await rows.PageAsync(order, cursor, size, cancellationToken);
            return new KeysetPage<Website>(page.Rows.Select(_site).ToList(), page.Previous, page.Next);
        }

        public override IQueryable<Website> Ordered() => order.Apply(rows).Select(site);
    }
}
