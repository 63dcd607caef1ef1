using System.Data.Common;
using System.Text.Json;
using Beian.Core.PublicQuery;
using Beian.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// The three query forms of 公共查询, each one SQL statement over the public read tables, here and
/// nowhere else so that a raw-driver baseline can run the very same SQL. Parameters carry the
/// columns' own types (text, text[], integer, boolean). By number and by domain: equality look-ups on a
/// unique / primary-key index. By name: the newest names holding the query's rarest gram
/// (<see cref="PublicWebsiteGram"/>), rechecked for the substring, cut at <see cref="Cap"/> + 1
/// matches whatever the name, so a one-character query costs no more than 501 index entries.
/// </summary>
public sealed class PublicWebsiteQueries(ReadConnections connections, IConfiguration configuration)
    : PublicReadQueries(connections, configuration)
{
    /// <summary>Matches counted and pageable at most; more than this says 结果过多.</summary>
    public const int Cap = NameIndexSql.Cap;

    /// <summary>Hosts that a domain query returns at most.</summary>
    public const int DomainLimit = 50;

    private const string Columns = """
        "WebsiteId", "NumberDigits", "NumberDisplay", "Name", "MainDomain", "SubDomains", "SubjectNature", "HolderName", "Interactive", "UnitName", "FiledAt"
        """;

    public const string ByNumberSql = $"""
        SELECT {Columns}
        FROM "PublicWebsites"
        WHERE "NumberDigits" = @digits
        """;

    public static readonly string ByDomainPostgresSql = $"""
        SELECT d."Host" AS "MatchedHost", p."WebsiteId", p."NumberDigits", p."NumberDisplay", p."Name", p."MainDomain", p."SubDomains",
               p."SubjectNature", p."HolderName", p."Interactive", p."UnitName", p."FiledAt"
        FROM "PublicWebsiteDomains" AS d
        JOIN "PublicWebsites" AS p ON p."WebsiteId" = d."WebsiteId"
        WHERE d."Host" = ANY(@hosts)
        ORDER BY length(d."Host") DESC, p."FiledAt" DESC, p."WebsiteId" DESC
        LIMIT {DomainLimit}
        """;

    public static readonly string ByDomainSqliteSql = $"""
        SELECT d."Host" AS "MatchedHost", p."WebsiteId", p."NumberDigits", p."NumberDisplay", p."Name", p."MainDomain", p."SubDomains",
               p."SubjectNature", p."HolderName", p."Interactive", p."UnitName", p."FiledAt"
        FROM "PublicWebsiteDomains" AS d
        JOIN "PublicWebsites" AS p ON p."WebsiteId" = d."WebsiteId"
        WHERE d."Host" IN (SELECT value FROM json_each(@hosts))
        ORDER BY length(d."Host") DESC, p."FiledAt" DESC, p."WebsiteId" DESC
        LIMIT {DomainLimit}
        """;

    /// <summary>The @budget of a name query: the recheck's, or for a query its gram answers exactly just the hits kept.</summary>
    public static int BudgetFor(bool recheck, int recheckBudget = RecheckBudget) => NameIndexSql.BudgetFor(recheck, recheckBudget);

    /// <summary>Whether a name query needs the substring recheck (<see cref="NameIndexSql.NeedsRecheck"/>).</summary>
    public static bool NeedsRecheck(string key) => NameIndexSql.NeedsRecheck(key);

    /// <summary>By name, newest filed first: <see cref="NameIndexSql"/> over the websites' name index.</summary>
    public static string ByNamePostgresSql(bool recheck) => Index.Statement(postgres: true, recheck);

    /// <summary>The website name index: its rows, its grams, their key column and the columns a result reads.</summary>
    private static readonly NameIndex Index = new("PublicWebsites", "PublicWebsiteGrams", "WebsiteId", Columns);

    /// <summary>The site holding these 14 (or legacy 12) digits, if its number is in force.</summary>
    public async Task<PublicWebsiteRow?> ByNumberAsync(string digits, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(ByNumberSql, [Text("digits", digits)], reader => Row(reader, new PublicWebsiteRow()), cancellationToken);
        return rows.SingleOrDefault();
    }

    /// <summary>
    /// The sites found by the most specific of <paramref name="hosts"/> (the host typed, then its
    /// parents) that any site holds: m.shop.example.com finds the site of shop.example.com, not
    /// also the one of example.com.
    /// </summary>
    public async Task<IReadOnlyList<PublicWebsiteRow>> ByDomainAsync(IReadOnlyList<string> hosts, CancellationToken cancellationToken)
    {
        var hits = IsPostgres
            ? await QueryAsync(ByDomainPostgresSql, [TextArray("hosts", hosts)], DomainHit, cancellationToken)
            : await QueryAsync(ByDomainSqliteSql, [Text("hosts", JsonSerializer.Serialize(hosts))], DomainHit, cancellationToken);
        if (hits.Count == 0) return [];
        var best = hits[0].MatchedHost;
        return hits.Where(h => h.MatchedHost == best).DistinctBy(h => h.WebsiteId).ToList<PublicWebsiteRow>();
    }

    /// <summary>
    /// One page (<paramref name="skip"/>, <paramref name="take"/>) of the names containing
    /// <paramref name="key"/> (normalised), newest filed first, and how many there are up to <see cref="Cap"/> + 1.
    /// </summary>
    public async Task<NameHits<PublicWebsiteRow>> ByNameAsync(string key, int skip, int take, CancellationToken cancellationToken)
    {
        var (rows, total, spent) = await ByNameAsync(Index, ColumnCount, reader => Row(reader, new PublicWebsiteRow()), key, skip, take,
            cancellationToken);
        return new NameHits<PublicWebsiteRow>(rows, total, spent);
    }

    private static readonly int ColumnCount = Columns.Split(',').Length;

    /// <summary>The columns of <see cref="Columns"/>, in that order, from the reader's first column on.</summary>
    private static T Row<T>(DbDataReader reader, T row, int first = 0) where T : PublicWebsiteRow
    {
        row.WebsiteId = reader.GetGuid(first);
        row.NumberDigits = reader.GetString(first + 1);
        row.NumberDisplay = reader.GetString(first + 2);
        row.Name = reader.GetString(first + 3);
        row.MainDomain = reader.IsDBNull(first + 4) ? null : reader.GetString(first + 4);
        row.SubDomains = reader.GetString(first + 5);
        row.SubjectNature = reader.GetString(first + 6);
        row.HolderName = reader.GetString(first + 7);
        row.Interactive = reader.GetBoolean(first + 8);
        row.UnitName = reader.GetString(first + 9);
        row.FiledAt = DateTime.SpecifyKind(reader.GetDateTime(first + 10), DateTimeKind.Utc);
        return row;
    }

    private static DomainHitRow DomainHit(DbDataReader reader) => Row(reader, new DomainHitRow { MatchedHost = reader.GetString(0) }, first: 1);
}

/// <summary>One public website as the queries return it (the columns of <see cref="PublicWebsite"/> that 公共查询 shows).</summary>
public class PublicWebsiteRow
{
    public Guid WebsiteId { get; set; }
    public string NumberDigits { get; set; } = string.Empty;
    public string NumberDisplay { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? MainDomain { get; set; }
    public string SubDomains { get; set; } = string.Empty;
    public string SubjectNature { get; set; } = string.Empty;
    public string HolderName { get; set; } = string.Empty;
    public bool Interactive { get; set; }
    public string UnitName { get; set; } = string.Empty;
    public DateTime FiledAt { get; set; }
}

public sealed class DomainHitRow : PublicWebsiteRow
{
    public string MatchedHost { get; set; } = string.Empty;
}

/// <summary>
/// A page of a name query: up to <see cref="NameIndexSql.Cap"/> + 1 matches counted, and
/// whether the recheck stopped at its budget (so there may be more than it found).
/// </summary>
public sealed record NameHits<TRow>(IReadOnlyList<TRow> Rows, int Total, bool BudgetSpent)
{
    public bool TooMany => Total > NameIndexSql.Cap || BudgetSpent;
}
