using Beian.Core.PublicQuery;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// A public name index: its rows' table, its grams' table (Gram, FilingOrder), the rows' key column, the columns a result reads;
/// a <paramref name="ScopeColumn"/> when one grams table indexes several businesses (APPs, 小程序 …), leading its key and
/// matched to the query's @scope.
/// </summary>
public sealed record NameIndex(string RowsTable, string GramsTable, string KeyColumn, string Columns, string? ScopeColumn = null)
{
    /// <summary>The condition that keeps a grams table's rows to the queried business (empty when unscoped).</summary>
    public string InScope(string alias) => ScopeColumn == null ? string.Empty : $" AND {alias}.\"{ScopeColumn}\" = @scope";

    private string?[]? _statements;

    /// <summary>The name query's statement for a provider, with or without the recheck: written once, not per query.</summary>
    public string Statement(bool postgres, bool recheck)
    {
        var statements = _statements ??= new string?[4];
        var slot = (postgres ? 2 : 0) + (recheck ? 1 : 0);
        return statements[slot] ??= postgres ? NameIndexSql.Postgres(this, recheck) : NameIndexSql.Sqlite(this, recheck);
    }
}

/// <summary>
/// The name query of 公共查询, one SQL statement per provider, the same for every public name index
/// (websites, APPs …). The driving gram is the query's rarest: a common one by its count in
/// <see cref="CommonGram"/>, any other counted in the index up to <see cref="CommonGrams.Threshold"/> (a
/// one-gram query is not counted at all). Its newest names are read backwards in (Gram, FilingOrder)
/// order, and when the query is longer than one gram covers (3 characters or more, or a character the code
/// folds) each of the first @budget is rechecked for the whole substring on its name key, read from the rows'
/// index by filing order (strpos: no LIKE, so % and _ are plain characters). At most <see cref="Cap"/> + 1 hits
/// are kept; only the page's rows are read whole.
/// </summary>
public static class NameIndexSql
{
    /// <summary>Matches counted and pageable at most; more than this says 结果过多.</summary>
    public const int Cap = 500;

    /// <param name="recheck">Whether the query needs the substring recheck (<see cref="NeedsRecheck"/>): the statement differs.</param>
    public static string Postgres(NameIndex index, bool recheck) =>
        ByName(index, new("unnest(@grams) AS q(gram)", "q.gram", "cardinality(@grams)", "strpos"), recheck);

    /// <summary>The same plan in SQLite's words (json_each for the array, instr for strpos).</summary>
    public static string Sqlite(NameIndex index, bool recheck) =>
        ByName(index, new("json_each(@grams) AS q", "q.value", "json_array_length(@grams)", "instr"), recheck);

    /// <summary>The @budget of a name query: the recheck's, or for a query its gram answers exactly just the hits kept.</summary>
    public static int BudgetFor(bool recheck, int recheckBudget) => recheck ? recheckBudget : Cap + 1;

    /// <summary>
    /// Whether a name query needs the substring recheck: one character is its unigram and two its bigram, exactly
    /// (when the code of each is exact); a longer query only needs its bigrams to be held somewhere in the name.
    /// </summary>
    public static bool NeedsRecheck(string key) => NameGrams.Length(key) > 2 || !NameGrams.IsExact(key);

    /// <summary>Where the providers' SQL differs: the query's grams as rows, one gram, their number, the substring test.</summary>
    private sealed record Dialect(string GramRows, string Gram, string GramCount, string Contains);

    // A query its gram answers exactly reads no name; one that rechecks joins each candidate to its name, one probe of the
    // rows' index by filing order (PostgreSQL plans the join as a nested loop under the LIMIT, 0.7 ms for 501 hits where a
    // correlated subquery per candidate took 3.5 ms).
    private static string ByName(NameIndex index, Dialect sql, bool recheck) => $"""
        WITH driver AS (
            SELECT {sql.Gram} AS gram
            FROM {sql.GramRows}
            LEFT JOIN "PublicNameCommonGrams" AS s ON s."Gram" = {sql.Gram}
            ORDER BY CASE WHEN {sql.GramCount} = 1 THEN 0 ELSE coalesce(s."Count", (SELECT count(*) FROM (
                SELECT 1 FROM "{index.GramsTable}" AS c WHERE c."Gram" = {sql.Gram}{index.InScope("c")} LIMIT {CommonGrams.Threshold}) AS n)) END, {sql.Gram}
            LIMIT 1
        ),
        hits AS (
            SELECT c."FilingOrder"
            FROM (
                SELECT g."FilingOrder"
                FROM "{index.GramsTable}" AS g
                WHERE g."Gram" = (SELECT gram FROM driver){index.InScope("g")}
                ORDER BY g."FilingOrder" DESC
                LIMIT @budget
            ) AS c
            {(recheck ? $"""JOIN "{index.RowsTable}" AS r ON r."FilingOrder" = c."FilingOrder" WHERE {sql.Contains}(r."NameKey", @key) > 0""" : "")}
            ORDER BY c."FilingOrder" DESC
            LIMIT {Cap + 1}
        ),
        page AS (
            SELECT {Prefixed(index.Columns, "p")}, p."FilingOrder"
            FROM (SELECT "FilingOrder" FROM hits ORDER BY "FilingOrder" DESC LIMIT @take OFFSET @skip) AS h
            JOIN "{index.RowsTable}" AS p ON p."FilingOrder" = h."FilingOrder"
        )
        SELECT {Prefixed(index.Columns, "page")}, s."Total", s."BudgetSpent"
        FROM (SELECT (SELECT count(*) FROM hits) AS "Total", {BudgetSpent(index)}) AS s
        LEFT JOIN page ON TRUE
        ORDER BY page."FilingOrder" DESC
        """;

    /// <summary>
    /// Whether a recheck read its whole budget and found no more than the cap: then there may be
    /// matches it did not read (the driving gram's entries are counted only in that case).
    /// </summary>
    private static string BudgetSpent(NameIndex index) => $"""
        CASE WHEN @recheck AND (SELECT count(*) FROM hits) <= {Cap}
             THEN (SELECT count(*) FROM (SELECT 1 FROM "{index.GramsTable}" AS b WHERE b."Gram" = (SELECT gram FROM driver){index.InScope("b")} LIMIT @budget) AS n) >= @budget
             ELSE FALSE END AS "BudgetSpent"
        """;

    private static string Prefixed(string columns, string alias) =>
        string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries).Select(column => $"{alias}.{column}"));
}
