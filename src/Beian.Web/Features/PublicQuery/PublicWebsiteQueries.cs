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
    /// How many of the driving gram's newest names a query of three characters or more rechecks at
    /// most: past it the result says 结果过多 (a rarer piece of the name finds the rest), so that no
    /// query of common pieces (个人网商: every bigram common, the whole rare) reads for seconds.
    /// </summary>
    public const int RecheckBudget = 20_000;

    private readonly int _recheckBudget = configuration.GetValue("PublicQuery:RecheckBudget", RecheckBudget);

    /// <summary>The @budget of a name query: the recheck's, or for a query its gram answers exactly just the hits kept.</summary>
    public static int BudgetFor(bool recheck, int recheckBudget = RecheckBudget) => recheck ? recheckBudget : Cap + 1;

    /// <summary>
    /// By name, newest filed first. The driving gram is the query's rarest: a common one by its
    /// count in <see cref="CommonGram"/>, any other counted in the primary key up to
    /// <see cref="CommonGrams.Threshold"/> (a one-gram query is not counted at all). Its newest
    /// names are read backwards in (Gram, FiledAt, WebsiteId) order, and when the query is longer
    /// than one gram covers (3 characters or more) each of the first @budget is rechecked for the
    /// whole substring on the name its index entry carries (strpos: no LIKE, so % and _ are plain
    /// characters). At most <see cref="Cap"/> + 1 hits are kept; only the page's rows are read whole.
    /// </summary>
    public static readonly string ByNamePostgresSql = ByNameSql(new("unnest(@grams) AS q(gram)", "q.gram", "cardinality(@grams)", "strpos"));

    /// <summary>The same plan as <see cref="ByNamePostgresSql"/> in SQLite's words (json_each for the array, instr for strpos).</summary>
    public static readonly string ByNameSqliteSql = ByNameSql(new("json_each(@grams) AS q", "q.value", "json_array_length(@grams)", "instr"));

    /// <summary>Where the providers' SQL differs: the query's grams as rows, one gram, their number, the substring test.</summary>
    private sealed record Dialect(string GramRows, string Gram, string GramCount, string Contains);

    private static string ByNameSql(Dialect sql) => $"""
        WITH driver AS (
            SELECT {sql.Gram} AS gram
            FROM {sql.GramRows}
            LEFT JOIN "PublicNameCommonGrams" AS s ON s."Gram" = {sql.Gram}
            ORDER BY CASE WHEN {sql.GramCount} = 1 THEN 0 ELSE coalesce(s."Count", (SELECT count(*) FROM (
                SELECT 1 FROM "PublicWebsiteGrams" AS c WHERE c."Gram" = {sql.Gram} LIMIT {CommonGrams.Threshold}) AS n)) END, {sql.Gram}
            LIMIT 1
        ),
        hits AS (
            SELECT c."FiledAt", c."WebsiteId"
            FROM (
                SELECT g."FiledAt", g."WebsiteId", g."NameKey"
                FROM "PublicWebsiteGrams" AS g
                WHERE g."Gram" = (SELECT gram FROM driver)
                ORDER BY g."FiledAt" DESC, g."WebsiteId" DESC
                LIMIT @budget
            ) AS c
            WHERE NOT @recheck OR {sql.Contains}(c."NameKey", @key) > 0
            ORDER BY c."FiledAt" DESC, c."WebsiteId" DESC
            LIMIT {Cap + 1}
        ),
        page AS (
            SELECT {Prefixed("p")}
            FROM (SELECT "FiledAt", "WebsiteId" FROM hits ORDER BY "FiledAt" DESC, "WebsiteId" DESC LIMIT @take OFFSET @skip) AS h
            JOIN "PublicWebsites" AS p ON p."WebsiteId" = h."WebsiteId"
        )
        SELECT page.*, s."Total", s."BudgetSpent"
        FROM (SELECT (SELECT count(*) FROM hits) AS "Total", {BudgetSpent}) AS s
        LEFT JOIN page ON TRUE
        ORDER BY page."FiledAt" DESC, page."WebsiteId" DESC
        """;

    /// <summary>
    /// Whether a recheck read its whole budget and found no more than the cap: then there may be
    /// matches it did not read (the driving gram's entries are counted only in that case).
    /// </summary>
    private static string BudgetSpent => $"""
        CASE WHEN @recheck AND (SELECT count(*) FROM hits) <= {Cap}
             THEN (SELECT count(*) FROM (SELECT 1 FROM "PublicWebsiteGrams" AS b WHERE b."Gram" = (SELECT gram FROM driver) LIMIT @budget) AS n) >= @budget
             ELSE FALSE END AS "BudgetSpent"
        """;

    private static string Prefixed(string alias) =>
        string.Join(", ", Columns.Split(',', StringSplitOptions.TrimEntries).Select(column => $"{alias}.{column}"));

    /// <summary>
    /// Whether a name query needs the substring recheck: one character is its unigram and two its
    /// bigram, exactly; a longer query only needs its bigrams to be held somewhere in the name.
    /// </summary>
    public static bool NeedsRecheck(string key) => NameGrams.Length(key) > 2;

    private bool IsPostgres => connections.Provider == DatabaseProvider.Postgres;

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
    /// <paramref name="grams"/> are the query's grams (<see cref="Beian.Core.PublicQuery.NameGrams.ForQuery"/>).
    /// </summary>
    public async Task<NameHits> ByNameAsync(string key, IReadOnlyList<string> grams, int skip, int take, CancellationToken cancellationToken)
    {
        var recheck = NeedsRecheck(key);
        DbParameter[] common = [Text("key", key), Boolean("recheck", recheck), Integer("budget", BudgetFor(recheck, _recheckBudget)),
            Integer("skip", skip), Integer("take", take)];
        var hits = IsPostgres
            ? await QueryAsync(ByNamePostgresSql, [TextArray("grams", grams), .. common], NameHit, cancellationToken)
            : await QueryAsync(ByNameSqliteSql, [Text("grams", JsonSerializer.Serialize(grams)), .. common], NameHit, cancellationToken);
        // One row at least, whose counts hold even when the page is empty (a row without a website).
        var (total, spent) = hits.Count == 0 ? (0, false) : ((int)hits[0].Total, hits[0].BudgetSpent);
        return new NameHits(hits.Where(h => h.WebsiteId != Guid.Empty).ToList(), total, spent);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, DbParameter[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = connections.Create();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        // Planning cost PostgreSQL more than running these (4× for the domain query). Npgsql keeps a
        // prepared statement on its pooled physical connection, so each connection plans each once.
        if (IsPostgres) await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

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

    private static NameHitRow NameHit(DbDataReader reader)
    {
        var row = reader.IsDBNull(0) ? new NameHitRow() : Row(reader, new NameHitRow());
        row.Total = reader.GetInt64(11);
        row.BudgetSpent = reader.GetBoolean(12);
        return row;
    }

    private DbParameter Text(string name, string value) => IsPostgres
        ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value }
        : new SqliteParameter(name, SqliteType.Text) { Value = value };

    private static NpgsqlParameter TextArray(string name, IReadOnlyList<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private DbParameter Boolean(string name, bool value) => IsPostgres
        ? new NpgsqlParameter(name, NpgsqlDbType.Boolean) { Value = value }
        : new SqliteParameter(name, SqliteType.Integer) { Value = value };

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
    public bool BudgetSpent { get; set; }
}

/// <summary>
/// A page of a name query: up to <see cref="PublicWebsiteQueries.Cap"/> + 1 matches counted, and
/// whether the recheck stopped at its budget (so there may be more than it found).
/// </summary>
public sealed record NameHits(IReadOnlyList<PublicWebsiteRow> Rows, int Total, bool BudgetSpent)
{
    public bool TooMany => Total > PublicWebsiteQueries.Cap || BudgetSpent;
}
