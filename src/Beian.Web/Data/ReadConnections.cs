using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Beian.Web.Data;

/// <summary>
/// Connections for the hot read paths that are one SQL statement each (公共查询), without a
/// DbContext: at thousands of queries a second, building a context and compiling a raw-SQL query
/// per request (EF Core regenerates a FromSql command with parameters under a lock each time) cost
/// more than the query. On PostgreSQL they come from the same <see cref="NpgsqlDataSource"/>, and so
/// the same pool, as EF Core's.
/// </summary>
public sealed class ReadConnections(DatabaseProvider provider, NpgsqlDataSource? postgres, string? sqlite)
{
    public DatabaseProvider Provider => provider;

    public DbConnection Create() => provider == DatabaseProvider.Postgres
        ? postgres!.CreateConnection()
        : new SqliteConnection(sqlite);
}
