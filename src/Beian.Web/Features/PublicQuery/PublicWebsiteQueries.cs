using System.Data.Common;
using System.Text.Json;
using Beian.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// The three query forms of 公共查询, each one SQL statement over the public read tables, here and
/// nowhere else so that a raw-driver baseline can run the very same SQL. Parameters carry the
/// columns' own types (text, text[], integer). By number and by domain: equality look-ups on a
/// unique / primary-key index. By name: the grams of the query (GIN <c>@&gt;</c> on PostgreSQL, the
/// side table on SQLite), then the substring recheck, newest filed first, cut at <see cref="Cap"/>
/// matches whatever the name, so a one-character query costs no more than 501 rows.
/// </summary>
public sealed class PublicWebsiteQueries(BeianDbContext db)
{
    /// <summary>Matches counted and pageable at most; more than this says 结果过多.</summary>
    public const int Cap = 500;

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

    /// <summary>
    /// GIN containment on the grams, exact substring recheck with strpos (no LIKE, so % and _ are
    /// plain characters); the planner walks the (FiledAt, WebsiteId) index backwards for a common
    /// gram and the GIN index for a rare one, and the inner LIMIT bounds both.
    /// </summary>
    public static readonly string ByNamePostgresSql = $"""
        WITH hits AS (
            SELECT {Columns}
            FROM "PublicWebsites"
            WHERE "NameGrams" @> @grams AND strpos("NameKey", @key) > 0
            ORDER BY "FiledAt" DESC, "WebsiteId" DESC
            LIMIT {Cap + 1}
        )
        SELECT {Columns}, count(*) OVER () AS "Total"
        FROM hits
        ORDER BY "FiledAt" DESC, "WebsiteId" DESC
        OFFSET @skip LIMIT @take
        """;

    /// <summary>
    /// The driving gram is the query's rarest (each counted up to 1000 in the primary key); the newest
    /// names holding it are read in (Gram, FiledAt, WebsiteId) index order, each must hold every gram
    /// (a primary-key probe per gram) and the whole substring (instr).
    /// </summary>
    public static readonly string ByNameSqliteSql = $"""
        WITH driver AS (
            SELECT r.value AS "Gram" FROM json_each(@grams) AS r
            ORDER BY (SELECT count(*) FROM (SELECT 1 FROM "PublicWebsiteGrams" AS c WHERE c."Gram" = r.value LIMIT 1000))
            LIMIT 1
        ),
        hits AS (
            SELECT p."WebsiteId", p."NumberDigits", p."NumberDisplay", p."Name", p."MainDomain", p."SubDomains",
                   p."SubjectNature", p."HolderName", p."Interactive", p."UnitName", p."FiledAt"
            FROM "PublicWebsiteGrams" AS g
            JOIN "PublicWebsites" AS p ON p."WebsiteId" = g."WebsiteId"
            WHERE g."Gram" = (SELECT "Gram" FROM driver)
              AND NOT EXISTS (
                  SELECT 1 FROM json_each(@grams) AS r
                  WHERE NOT EXISTS (SELECT 1 FROM "PublicWebsiteGrams" AS o WHERE o."Gram" = r.value AND o."WebsiteId" = g."WebsiteId"))
              AND instr(p."NameKey", @key) > 0
            ORDER BY g."FiledAt" DESC, g."WebsiteId" DESC
            LIMIT {Cap + 1}
        )
        SELECT {Columns}, count(*) OVER () AS "Total"
        FROM hits
        ORDER BY "FiledAt" DESC, "WebsiteId" DESC
        LIMIT @take OFFSET @skip
        """;

    private bool IsPostgres => db.Database.IsNpgsql();

    /// <summary>The site holding these 14 (or legacy 12) digits, if its number is in force.</summary>
    public async Task<PublicWebsiteRow?> ByNumberAsync(string digits, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<PublicWebsiteRow>(ByNumberSql, Text("digits", digits)).ToListAsync(cancellationToken);
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
            ? await db.Database.SqlQueryRaw<DomainHitRow>(ByDomainPostgresSql, TextArray("hosts", hosts)).ToListAsync(cancellationToken)
            : await db.Database.SqlQueryRaw<DomainHitRow>(ByDomainSqliteSql, Text("hosts", JsonSerializer.Serialize(hosts))).ToListAsync(cancellationToken);
        if (hits.Count == 0) return [];
        var best = hits[0].MatchedHost;
        return hits.Where(h => h.MatchedHost == best).DistinctBy(h => h.WebsiteId).ToList<PublicWebsiteRow>();
    }

    /// <summary>
    /// One page (<paramref name="skip"/>, <paramref name="take"/>) of the names containing
    /// <paramref name="key"/> (normalised), newest filed first, and how many there are up to <see cref="Cap"/> + 1.
    /// <paramref name="grams"/> are the query's grams (<see cref="Beian.Core.PublicQuery.NameGrams.ForQuery"/>).
    /// </summary>
    public async Task<(IReadOnlyList<PublicWebsiteRow> Rows, int Total)> ByNameAsync(string key, IReadOnlyList<string> grams, int skip, int take,
        CancellationToken cancellationToken)
    {
        var hits = IsPostgres
            ? await db.Database.SqlQueryRaw<NameHitRow>(ByNamePostgresSql,
                TextArray("grams", grams), Text("key", key), Integer("skip", skip), Integer("take", take)).ToListAsync(cancellationToken)
            : await db.Database.SqlQueryRaw<NameHitRow>(ByNameSqliteSql,
                Text("grams", JsonSerializer.Serialize(grams)), Text("key", key),
                Integer("skip", skip), Integer("take", take)).ToListAsync(cancellationToken);
        return (hits, hits.Count == 0 ? 0 : (int)hits[0].Total);
    }

    private DbParameter Text(string name, string value) => IsPostgres
        ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value }
        : new SqliteParameter(name, SqliteType.Text) { Value = value };

    private static NpgsqlParameter TextArray(string name, IReadOnlyList<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private DbParameter Integer(string name, int value) => IsPostgres
        ? new NpgsqlParameter(name, NpgsqlDbType.Integer) { Value = value }
        : new SqliteParameter(name, SqliteType.Integer) { Value = value };
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

public sealed class NameHitRow : PublicWebsiteRow
{
    public long Total { get; set; }
}
