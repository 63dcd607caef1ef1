using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Beian.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="BeianDbContext"/> on the provider named by <c>Database:Provider</c>
    /// (Sqlite by default, a file under App_Data/; or Postgres with <c>ConnectionStrings:Postgres</c>).
    /// On Postgres the public queries read through <c>ConnectionStrings:PublicRead</c> when it is set
    /// (a standby: its answers may lag the primary by the replication delay), else the primary.
    /// Every <see cref="IInterceptor"/> registered in DI joins it (the audit log's state-change hook).
    /// </summary>
    public static IServiceCollection AddBeianDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = ProviderFrom(configuration);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString("Postgres")
                    ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
                services.AddSingleton(_ => NpgsqlDataSource.Create(postgres));
                var publicRead = configuration.GetConnectionString("PublicRead") is { Length: > 0 } standby ? standby : postgres;
                services.AddSingleton(_ => ReadConnections.Postgres(publicRead));
                services.AddDbContext<BeianDbContext, PostgresBeianDbContext>((provider, options) =>
                    options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()).AddInterceptors(provider.GetServices<IInterceptor>()));
                break;
            default:
                var sqlite = SqliteConnectionString(configuration, environment);
                services.AddSingleton(ReadConnections.Sqlite(sqlite));
                services.AddDbContext<BeianDbContext, SqliteBeianDbContext>((provider, options) =>
                    options.UseSqlite(sqlite).AddInterceptors(provider.GetServices<IInterceptor>()));
                break;
        }
        return services;
    }

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name)) return DatabaseProvider.Sqlite;
        return name.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Unknown Database:Provider '{name}'. Use Sqlite or Postgres."),
        };
    }

    /// <summary>The SQLite file lives under the content root's App_Data/ unless configured elsewhere.</summary>
    private static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString("Sqlite") ?? "Data Source=App_Data/beian.db");
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        var directory = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
