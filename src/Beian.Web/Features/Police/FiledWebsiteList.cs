using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Beian.Core.Accounts;
using Beian.Core.Filing;
using Beian.Core.Subjects;
using Beian.Core.Time;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Features.Websites;
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
/// 已备案网站 of an officer's jurisdiction under its filters, newest filing first (then by number), for the page and for
/// 【导出Excel】. An individual holder's name is masked as on the public record.
/// </summary>
public sealed class FiledWebsiteList(BeianDbContext db) : ListExport<FiledWebsiteFilter>
{
    public const string ListTitle = "已备案网站";

    public static readonly IReadOnlyList<string> Headers = ["公安备案号", "网站名称", "主域名", "开办主体", "审核单位", "备案时间", "状态"];

    public override string Kind => "Websites";
    public override string Title => ListTitle;
    public override IReadOnlyList<string> Columns => Headers;

    public IQueryable<Website> Query(Officer officer, FiledWebsiteFilter filter)
    {
        var query = FiledSites.InJurisdiction(db, PoliceJurisdiction.CodesWithin(officer.UnitCode));
        if (filter.Name?.Trim() is { Length: > 0 } name) query = query.Where(w => w.Name.Contains(name));
        if (SearchableDomain(filter.Domain) is { Length: > 0 } domain) query = query.Where(w => w.MainDomain != null && w.MainDomain.Contains(domain));
        if (Digits(filter.Number) is { Length: > 0 } digits) query = query.Where(w => w.NumberDigits != null && w.NumberDigits.Contains(digits));
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

    public override Task<long> CountAsync(Officer officer, FiledWebsiteFilter filter, CancellationToken cancellationToken) =>
        Query(officer, filter).LongCountAsync(cancellationToken);

    /// <summary>A page of the list with each holder's name and unit.</summary>
    public async Task<List<FiledSiteRow>> PageAsync(IQueryable<Website> query, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await query.Join(db.Subjects, w => w.SubjectId, s => s.Id, (w, s) => new { Website = w, s.Name, s.Nature })
            .OrderByDescending(r => r.Website.FiledAt).ThenBy(r => r.Website.NumberDigits)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        var codes = rows.Select(r => r.Website.JurisdictionUnitCode).Distinct().ToList();
        var units = await db.PoliceUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        return rows.Select(r => new FiledSiteRow(r.Website, Holder(r.Name, r.Nature),
            units.GetValueOrDefault(r.Website.JurisdictionUnitCode) ?? r.Website.JurisdictionUnitCode)).ToList();
    }

    /// <summary>Only the columns the sheet shows (never the encrypted content), in the page's order.</summary>
    public override async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(Officer officer, FiledWebsiteFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var units = await db.PoliceUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var rows = Query(officer, filter).Join(db.Subjects, w => w.SubjectId, s => s.Id, (w, s) => new
            {
                w.NumberDisplay, w.Name, w.MainDomain, Holder = s.Name, s.Nature, w.JurisdictionUnitCode, w.FiledAt, w.Status, w.NumberDigits,
            })
            .OrderByDescending(r => r.FiledAt).ThenBy(r => r.NumberDigits)
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
