using Beian.Core.Numbering;
using Beian.Core.PublicQuery;
using Beian.Core.Subjects;
using Beian.Core.Time;
using Beian.Core.Websites;

namespace Beian.Web.Features.PublicQuery;

/// <summary>One website as 公共查询 shows it (SPEC §11) — the same fields on the page and in the API, and no personal data.</summary>
/// <param name="MainDomain">ASCII (punycode for IDN); null for a site filed by IP.</param>
/// <param name="HolderName">开办者名称, an individual's name partly masked.</param>
public sealed record PublicWebsiteItem(
    string Name,
    string? MainDomain,
    IReadOnlyList<string> SubDomains,
    string SubjectNature,
    string WebsiteCategory,
    string HolderName,
    string Number,
    string NumberDigits,
    string PoliceUnit,
    DateTimeOffset FiledAt,
    string RecordUrl)
{
    public static PublicWebsiteItem From(PublicWebsiteRow row) => new(
        row.Name,
        row.MainDomain,
        row.SubDomains.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        Enum.TryParse<SubjectNature>(row.SubjectNature, out var nature) ? nature.DisplayName() : row.SubjectNature,
        row.Interactive ? "交互式" : "非交互式",
        row.HolderName,
        row.NumberDisplay,
        row.NumberDigits,
        row.UnitName,
        BeijingTime.ToBeijing(new DateTimeOffset(DateTime.SpecifyKind(row.FiledAt, DateTimeKind.Utc))),
        $"/Public/Record/{row.NumberDigits}");

    /// <summary>The display form of an ASCII domain (xn--fsqu00a.xn--fiqs8s → 例子.中国).</summary>
    public static string DisplayDomain(string ascii) => DomainName.TryParse(ascii, out var domain) ? domain.Unicode : ascii;
}

/// <summary>
/// A page of results; <see cref="TooMany"/> when there may be more than shown: more than
/// <see cref="PublicWebsiteQueries.Cap"/> names matched, or (<see cref="Incomplete"/>) the recheck
/// stopped at its budget before it had read every name holding the query's pieces.
/// </summary>
public sealed record PublicSearchResult(PublicSearchKind Kind, IReadOnlyList<PublicWebsiteItem> Items, int Page, int PageCount, int Total,
    bool TooMany, bool Incomplete = false);

/// <summary>Either a result or the Chinese message for input that is no name, domain or number.</summary>
public sealed record PublicSearchOutcome(PublicSearchResult? Result, string? Error)
{
    public static PublicSearchOutcome Invalid(string error) => new(null, error);
}

/// <summary>
/// 公共查询 for the page and the API alike: reads what the visitor typed as the chosen kind,
/// says in Chinese what is wrong with it, and asks <see cref="PublicWebsiteQueries"/>.
/// </summary>
public sealed class PublicSearch(PublicWebsiteQueries queries)
{
    public const int PageSize = NamePaging.PageSize;
    public const int MaxKeywordLength = 100;
    public const int MaxPage = NamePaging.MaxPage;

    public static readonly string TooManyMessage = NamePaging.TooManyMessage("网站");

    public static readonly string IncompleteMessage = NamePaging.IncompleteMessage("网站");

    public async Task<PublicSearchOutcome> RunAsync(PublicSearchKind kind, string? keyword, int page, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(keyword)) return PublicSearchOutcome.Invalid($"请输入{kind.Label()}");
        if (keyword.Length > MaxKeywordLength) return PublicSearchOutcome.Invalid($"查询内容不能超过{MaxKeywordLength}个字符");
        return kind switch
        {
            PublicSearchKind.Number => await ByNumberAsync(keyword, cancellationToken),
            PublicSearchKind.Domain => await ByDomainAsync(keyword, cancellationToken),
            _ => await ByNameAsync(keyword, page, cancellationToken),
        };
    }

    private async Task<PublicSearchOutcome> ByNumberAsync(string keyword, CancellationToken cancellationToken)
    {
        if (!PublicSecurityNumber.TryParse(keyword, out var number, out var error)) return PublicSearchOutcome.Invalid(error);
        var row = await queries.ByNumberAsync(number.Digits, cancellationToken);
        return Single(PublicSearchKind.Number, row == null ? [] : [row]);
    }

    private async Task<PublicSearchOutcome> ByDomainAsync(string keyword, CancellationToken cancellationToken)
    {
        if (!DomainLookup.TryParseQuery(keyword, out var hosts, out var error)) return PublicSearchOutcome.Invalid(error);
        return Single(PublicSearchKind.Domain, await queries.ByDomainAsync(hosts, cancellationToken));
    }

    private async Task<PublicSearchOutcome> ByNameAsync(string keyword, int page, CancellationToken cancellationToken)
    {
        var (found, error) = await NamePaging.RunAsync(keyword, "网站名称", page, queries.ByNameAsync, cancellationToken);
        return found is { } names
            ? new PublicSearchOutcome(new PublicSearchResult(PublicSearchKind.Name, names.Rows.Select(PublicWebsiteItem.From).ToList(), names.Page,
                names.PageCount, names.Total, names.TooMany, names.Incomplete), null)
            : PublicSearchOutcome.Invalid(error!);
    }

    private static PublicSearchOutcome Single(PublicSearchKind kind, IReadOnlyList<PublicWebsiteRow> rows) =>
        new(new PublicSearchResult(kind, rows.Select(PublicWebsiteItem.From).ToList(), 1, 1, rows.Count, false), null);
}

/// <summary>One page of a name query as the visitor sees it, whatever is named: a website, an APP ….</summary>
public sealed record NamePage<TRow>(IReadOnlyList<TRow> Rows, int Page, int PageCount, int Total, bool TooMany, bool Incomplete);

/// <summary>
/// A name query of 公共查询 paged as the visitor sees it: the name normalised and checked, the page clamped,
/// a page past the end (a stale or edited link) back to the first, at most <see cref="NameIndexSql.Cap"/> shown.
/// </summary>
public static class NamePaging
{
    public const int PageSize = 10;
    public const int MaxPage = NameIndexSql.Cap / PageSize;

    /// <summary>More than <see cref="NameIndexSql.Cap"/> matches: what the visitor is told.</summary>
    public static string TooManyMessage(string noun) => $"符合条件的{noun}较多，仅列出最新备案的{NameIndexSql.Cap}个，请输入更完整的{noun}名称";

    /// <summary>A name of common pieces was looked for among the newest records holding them only.</summary>
    public static string IncompleteMessage(string noun) =>
        $"名称中的字较常见，只在最新备案的部分{noun}中查找，结果可能不全；请输入更完整的{noun}名称后再查询";

    public delegate Task<NameHits<TRow>> Query<TRow>(string key, int skip, int take, CancellationToken cancellationToken);

    public static async Task<(NamePage<TRow>? Page, string? Error)> RunAsync<TRow>(string keyword, string what, int page, Query<TRow> query,
        CancellationToken cancellationToken)
    {
        var key = NameGrams.Normalize(keyword);
        if (key.Length == 0) return (null, $"请输入{what}");
        if (NameGrams.Length(key) > NameGrams.MaxQueryLength) return (null, $"{what}最多{NameGrams.MaxQueryLength}个字");
        page = Math.Clamp(page, 1, MaxPage);
        var hits = await query(key, (page - 1) * PageSize, PageSize, cancellationToken);
        if (hits.Rows.Count == 0 && page > 1)
        {
            page = 1;
            hits = await query(key, 0, PageSize, cancellationToken);
        }
        var shown = Math.Min(hits.Total, NameIndexSql.Cap);
        return (new NamePage<TRow>(hits.Rows, page, Math.Max(1, (shown + PageSize - 1) / PageSize), shown, hits.TooMany, hits.BudgetSpent), null);
    }
}
