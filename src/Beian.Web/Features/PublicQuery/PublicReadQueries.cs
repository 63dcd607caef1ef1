using System.Data.Common;
using System.Text.Json;
using Beian.Core.PublicQuery;
using Beian.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// What the queries of 公共查询 share: ADO.NET commands on the read connections (prepared on PostgreSQL),
/// parameters of the columns' own types, and the name query of a <see cref="NameIndex"/>.
/// </summary>
public abstract class PublicReadQueries(ReadConnections connections, IConfiguration configuration)
{
    /// <summary>
    /// How many of the driving gram's newest names a query of three characters or more rechecks at
    /// most: past it the result says 结果过多 (a rarer piece of the name finds the rest), so that no
    /// query of common pieces (个人网商: every bigram common, the whole rare) reads for seconds.
    /// </summary>
    public const int RecheckBudget = 20_000;

    private readonly int _recheckBudget = configuration.GetValue("PublicQuery:RecheckBudget", RecheckBudget);

    protected bool IsPostgres => connections.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// One page of the names containing <paramref name="key"/> (normalised) in <paramref name="index"/>, newest
    /// filed first, and how many there are up to <see cref="NameIndexSql.Cap"/> + 1. <paramref name="read"/> reads
    /// the index's <paramref name="columnCount"/> columns of a row; <paramref name="scope"/> is the business of a scoped index.
    /// </summary>
    protected async Task<(List<TRow> Rows, int Total, bool BudgetSpent)> ByNameAsync<TRow>(NameIndex index, int columnCount,
        Func<DbDataReader, TRow> read, string key, int skip, int take, CancellationToken cancellationToken,
        string? scope = null)
    {
        var recheck = NameIndexSql.NeedsRecheck(key);
        DbParameter[] common = [Text("key", key), Boolean("recheck", recheck), Integer("budget", NameIndexSql.BudgetFor(recheck, _recheckBudget)),
            Integer("skip", skip), Integer("take", take), .. index.ScopeColumn == null ? Array.Empty<DbParameter>() : [Text("scope", scope!)]];
        var codes = NameGrams.CodesForQuery(key).ToArray();
        var hits = IsPostgres
            ? await QueryAsync(index.Statement(postgres: true, recheck), [IntegerArray("grams", codes), .. common], Hit, cancellationToken)
            : await QueryAsync(index.Statement(postgres: false, recheck), [Text("grams", JsonSerializer.Serialize(codes)), .. common], Hit, cancellationToken);
        // One row at least, whose counts hold even when the page is empty (a row without a record).
        var (total, spent) = hits.Count == 0 ? (0, false) : (hits[0].Total, hits[0].Spent);
        return (hits.Where(h => h.Row != null).Select(h => h.Row!).ToList(), total, spent);

        (TRow? Row, int Total, bool Spent) Hit(DbDataReader reader) =>
            (reader.IsDBNull(0) ? default : read(reader), (int)reader.GetInt64(columnCount), reader.GetBoolean(columnCount + 1));
    }

    protected async Task<List<T>> QueryAsync<T>(string sql, DbParameter[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
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

    protected DbParameter Text(string name, string value) => IsPostgres
        ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value }
        : new SqliteParameter(name, SqliteType.Text) { Value = value };

    public static NpgsqlParameter IntegerArray(string name, IReadOnlyList<int> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = values.ToArray() };

    protected static NpgsqlParameter TextArray(string name, IReadOnlyList<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private DbParameter Boolean(string name, bool value) => IsPostgres
        ? new NpgsqlParameter(name, NpgsqlDbType.Boolean) { Value = value }
        : new SqliteParameter(name, SqliteType.Integer) { Value = value };

    private DbParameter Integer(string name, int value) => IsPostgres
        ? new NpgsqlParameter(name, NpgsqlDbType.Integer) { Value = value }
        : new SqliteParameter(name, SqliteType.Integer) { Value = value };
}
