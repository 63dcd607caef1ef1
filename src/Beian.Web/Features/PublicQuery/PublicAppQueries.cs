using System.Data.Common;
using Beian.Core.Numbering;
using Beian.Core.PublicQuery;
using Beian.Core.Subjects;
using Beian.Core.Time;
using Beian.Web.Data;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// 公共查询 of APPs: by 公安备案号 (a unique index) and by APP名称 (the name index of <see cref="PublicAppGram"/>,
/// the same design and SQL as websites'), over the public read table <see cref="PublicApp"/>.
/// </summary>
public sealed class PublicAppQueries(ReadConnections connections, IConfiguration configuration) : PublicReadQueries(connections, configuration)
{
    private const string Columns = """
        "AppId", "NumberDigits", "NumberDisplay", "Name", "Platforms", "SubjectNature", "HolderName", "Interactive", "UnitName", "FiledAt"
        """;

    private static readonly int ColumnCount = Columns.Split(',').Length;

    public const string ByNumberSql = $"""
        SELECT {Columns}
        FROM "PublicApps"
        WHERE "NumberDigits" = @digits
        """;

    private static readonly NameIndex Index = new("PublicApps", "PublicAppGrams", "AppId", Columns);

    public async Task<PublicAppRow?> ByNumberAsync(string digits, CancellationToken cancellationToken) =>
        (await QueryAsync(ByNumberSql, [Text("digits", digits)], Row, cancellationToken)).SingleOrDefault();

    public async Task<NameHits<PublicAppRow>> ByNameAsync(string key, IReadOnlyList<string> grams, int skip, int take, CancellationToken cancellationToken)
    {
        var (rows, total, spent) = await ByNameAsync(Index, ColumnCount, Row, key, grams, skip, take, cancellationToken);
        return new NameHits<PublicAppRow>(rows, total, spent);
    }

    private static PublicAppRow Row(DbDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        reader.GetString(6), reader.GetBoolean(7), reader.GetString(8), DateTime.SpecifyKind(reader.GetDateTime(9), DateTimeKind.Utc));
}

/// <summary>One public APP as the queries return it.</summary>
public sealed record PublicAppRow(Guid AppId, string NumberDigits, string NumberDisplay, string Name, string Platforms, string SubjectNature,
    string HolderName, bool Interactive, string UnitName, DateTime FiledAt);

/// <summary>One APP as 公共查询 shows it — the same fields on the page and in the API, and no personal data.</summary>
/// <param name="HolderName">开办者名称, an individual's name partly masked.</param>
public sealed record PublicAppItem(
    string Name,
    string Platforms,
    string SubjectNature,
    string AppCategory,
    string HolderName,
    string Number,
    string NumberDigits,
    string PoliceUnit,
    DateTimeOffset FiledAt,
    string RecordUrl)
{
    public static PublicAppItem From(PublicAppRow row) => new(
        row.Name,
        row.Platforms,
        Enum.TryParse<SubjectNature>(row.SubjectNature, out var nature) ? nature.DisplayName() : row.SubjectNature,
        row.Interactive ? "交互式" : "非交互式",
        row.HolderName,
        row.NumberDisplay,
        row.NumberDigits,
        row.UnitName,
        BeijingTime.ToBeijing(new DateTimeOffset(row.FiledAt)),
        $"/Public/Record/{row.NumberDigits}");
}

/// <summary>A page of APPs found; <see cref="TooMany"/> when there may be more than shown.</summary>
public sealed record PublicAppSearchResult(PublicSearchKind Kind, IReadOnlyList<PublicAppItem> Items, int Page, int PageCount, int Total,
    bool TooMany, bool Incomplete = false);

/// <summary>公共查询 of APPs for the page and the API: by APP名称 or by 公安备案号, with the Chinese message for bad input.</summary>
public sealed class PublicAppSearch(PublicAppQueries queries)
{
    public const string DomainRefusal = "APP请按APP名称或公安备案号查询";

    public static readonly string TooManyMessage = NamePaging.TooManyMessage("APP");

    public static readonly string IncompleteMessage = NamePaging.IncompleteMessage("APP");

    public async Task<(PublicAppSearchResult? Result, string? Error)> RunAsync(PublicSearchKind kind, string? keyword, int page,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(keyword)) return (null, kind == PublicSearchKind.Number ? "请输入公安备案号" : "请输入APP名称");
        if (keyword.Length > PublicSearch.MaxKeywordLength) return (null, $"查询内容不能超过{PublicSearch.MaxKeywordLength}个字符");
        switch (kind)
        {
            case PublicSearchKind.Domain:
                return (null, DomainRefusal);
            case PublicSearchKind.Number:
                if (!PublicSecurityNumber.TryParse(keyword, out var number, out var error)) return (null, error);
                var row = await queries.ByNumberAsync(number.Digits, cancellationToken);
                var items = row == null ? new List<PublicAppItem>() : [PublicAppItem.From(row)];
                return (new PublicAppSearchResult(kind, items, 1, 1, items.Count, false), null);
        }
        var (found, problem) = await NamePaging.RunAsync(keyword, "APP名称", page, queries.ByNameAsync, cancellationToken);
        return found is { } names
            ? (new PublicAppSearchResult(PublicSearchKind.Name, names.Rows.Select(PublicAppItem.From).ToList(), names.Page, names.PageCount,
                names.Total, names.TooMany, names.Incomplete), null)
            : (null, problem);
    }
}
