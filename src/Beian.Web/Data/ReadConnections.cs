using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Beian.Web.Data;

/// <summary>
/// Connections for the hot read paths that are one SQL statement each (公共查询), without a
/// DbContext: at thousands of queries a second, building a context and compiling a raw-SQL query
/// per request (EF Core regenerates a FromSql command with parameters under a lock each time) cost
/// more than the query. On PostgreSQL they come from a pool of their own, set up for statements
/// that are prepared once per connection (<see cref="ForPreparedReads"/>).
/// </summary>
public sealed class ReadConnections : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    private ReadConnections(DatabaseProvider provider, NpgsqlDataSource? postgres, string? sqlite) =>
        (Provider, _postgres, _sqlite) = (provider, postgres, sqlite);

    public static ReadConnections Postgres(string connectionString) =>
        new(DatabaseProvider.Postgres, NpgsqlDataSource.Create(ForPreparedReads(connectionString)), null);

    public static ReadConnections Sqlite(string connectionString) => new(DatabaseProvider.Sqlite, null, connectionString);

    public DatabaseProvider Provider { get; }

    public DbConnection Create() => _postgres != null ? _postgres.CreateConnection() : new SqliteConnection(_sqlite);

    /// <summary>
    /// The connection string of a pool that only runs these prepared statements. PostgreSQL keeps a
    /// custom plan per execution when its generic plan looks dearer, which it does for an array or a
    /// LIMIT parameter, so it planned every query anew (planning took longer than running them);
    /// their plans do not depend on the values, so the generic one is forced. And nothing on these
    /// connections sets session state, so the reset Npgsql sends when a pooled connection is reused
    /// (RESET ALL, CLOSE ALL, UNLISTEN …, parsed each time) is skipped.
    /// </summary>
    public static string ForPreparedReads(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        builder.Options = $"{builder.Options} -c plan_cache_mode=force_generic_plan".Trim();
        return builder.ConnectionString;
    }

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
