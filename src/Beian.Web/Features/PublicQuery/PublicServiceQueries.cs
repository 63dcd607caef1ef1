using System.Data.Common;
using Beian.Core.Numbering;
using Beian.Core.PublicQuery;
using Beian.Core.Subjects;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Filing;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// 公共查询 of APPs, 小程序 …: by 公安备案号 (a unique index) and by name (the name index of <see cref="PublicServiceGram"/>,
/// scoped to the business, the same design and SQL as websites'), over the public read table <see cref="PublicService"/>.
/// </summary>
public sealed class PublicServiceQueries(ReadConnections connections, IConfiguration configuration) : PublicReadQueries(connections, configuration)
{
    private const string Columns = """
        "RecordId", "NumberDigits", "NumberDisplay", "Name", "Platforms", "SubjectNature", "HolderName", "Interactive", "UnitName", "FiledAt"
        """;

    private static readonly int ColumnCount = Columns.Split(',').Length;

    public const string ByNumberSql = $"""
        SELECT {Columns}
        FROM "PublicServices"
        WHERE "NumberDigits" = @digits AND "RecordType" = @scope
        """;

    private static readonly NameIndex Index = new("PublicServices", "PublicServiceGrams", "RecordId", Columns, ScopeColumn: "RecordType");

    public async Task<PublicServiceRow?> ByNumberAsync(string recordType, string digits, CancellationToken cancellationToken) =>
        (await QueryAsync(ByNumberSql, [Text("digits", digits), Text("scope", recordType)], Row, cancellationToken)).SingleOrDefault();

    public async Task<NameHits<PublicServiceRow>> ByNameAsync(string recordType, string key, int skip, int take,
        CancellationToken cancellationToken)
    {
        var (rows, total, spent) = await ByNameAsync(Index, ColumnCount, Row, key, skip, take, cancellationToken, scope: recordType);
        return new NameHits<PublicServiceRow>(rows, total, spent);
    }

    private static PublicServiceRow Row(DbDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        reader.GetString(6), reader.GetBoolean(7), reader.GetString(8), DateTime.SpecifyKind(reader.GetDateTime(9), DateTimeKind.Utc));
}

/// <summary>One public APP, 小程序 … as the queries return it.</summary>
public sealed record PublicServiceRow(Guid RecordId, string NumberDigits, string NumberDisplay, string Name, string Platforms, string SubjectNature,
    string HolderName, bool Interactive, string UnitName, DateTime FiledAt);

/// <summary>One APP, 小程序 … as 公共查询 shows it — the same fields on the page and in the API, and no personal data.</summary>
/// <param name="Platforms">平台: Android、iOS …; a 小程序's 所属平台.</param>
/// <param name="Category">APP类别, 小程序类别: 交互式 or 非交互式.</param>
/// <param name="HolderName">开办者名称, an individual's name partly masked.</param>
public sealed record PublicServiceItem(
    string Name,
    string Platforms,
    string SubjectNature,
    string Category,
    string HolderName,
    string Number,
    string NumberDigits,
    string PoliceUnit,
    DateTimeOffset FiledAt,
    string RecordUrl)
{
    public static PublicServiceItem From(PublicServiceRow row) => new(
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

/// <summary>A page of APPs, 小程序 … found; <see cref="TooMany"/> when there may be more than shown.</summary>
public sealed record PublicServiceSearchResult(PublicSearchKind Kind, IReadOnlyList<PublicServiceItem> Items, int Page, int PageCount, int Total,
    bool TooMany, bool Incomplete = false);

/// <summary>公共查询 of one business that is not a website, for the page and the API: by name or by 公安备案号, with the Chinese message for bad input.</summary>
public sealed class PublicServiceSearch(PublicServiceQueries queries)
{
    public static string DomainRefusal(IBusiness business) => $"{business.Noun}请按{business.Noun}名称或公安备案号查询";

    public static string TooManyMessage(IBusiness business) => NamePaging.TooManyMessage(business.Noun);

    public static string IncompleteMessage(IBusiness business) => NamePaging.IncompleteMessage(business.Noun);

    public async Task<(PublicServiceSearchResult? Result, string? Error)> RunAsync(IBusiness business, PublicSearchKind kind, string? keyword, int page,
        CancellationToken cancellationToken)
    {
        var nameLabel = $"{business.Noun}名称";
        if (string.IsNullOrWhiteSpace(keyword)) return (null, kind == PublicSearchKind.Number ? "请输入公安备案号" : $"请输入{nameLabel}");
        if (keyword.Length > PublicSearch.MaxKeywordLength) return (null, $"查询内容不能超过{PublicSearch.MaxKeywordLength}个字符");
        switch (kind)
        {
            case PublicSearchKind.Domain:
                return (null, DomainRefusal(business));
            case PublicSearchKind.Number:
                if (!PublicSecurityNumber.TryParse(keyword, out var number, out var error)) return (null, error);
                var row = await queries.ByNumberAsync(business.RecordType, number.Digits, cancellationToken);
                var items = row == null ? new List<PublicServiceItem>() : [PublicServiceItem.From(row)];
                return (new PublicServiceSearchResult(kind, items, 1, 1, items.Count, false), null);
        }
        var (found, problem) = await NamePaging.RunAsync(keyword, nameLabel, page,
            (key, skip, take, token) => queries.ByNameAsync(business.RecordType, key, skip, take, token), cancellationToken);
        return found is { } names
            ? (new PublicServiceSearchResult(PublicSearchKind.Name, names.Rows.Select(PublicServiceItem.From).ToList(), names.Page, names.PageCount,
                names.Total, names.TooMany, names.Incomplete), null)
            : (null, problem);
    }
}
