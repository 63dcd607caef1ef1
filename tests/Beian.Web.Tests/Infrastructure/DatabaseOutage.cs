using System.Data.Common;
using Beian.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Beian.Web.Tests.Infrastructure;

/// <summary>
/// Takes the platform's database away while a test holds it down: every connection the platform
/// opens then fails as it would against a stopped server (PostgreSQL: a closed port; SQLite: a file
/// that cannot be opened), with the provider's own exception. Other test classes are not disturbed.
/// </summary>
public sealed class DatabaseOutage(DatabaseProvider provider) : DbConnectionInterceptor
{
    private volatile bool _down;

    public IDisposable Begin()
    {
        _down = true;
        return new End(this);
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (_down) FailAsStoppedServer().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_down) await FailAsStoppedServer();
        return result;
    }

    private async Task FailAsStoppedServer()
    {
        DbConnection unreachable = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection("Host=127.0.0.1;Port=1;Database=beian;Username=beian;Password=beian;Timeout=2;Pooling=false")
            : new SqliteConnection($"Data Source={Path.Combine(Path.GetTempPath(), "beian-no-such-dir", Guid.NewGuid().ToString("N"), "x.db")};Mode=ReadOnly");
        await using (unreachable) await unreachable.OpenAsync();
        throw new InvalidOperationException("The unreachable database answered.");
    }

    private sealed class End(DatabaseOutage outage) : IDisposable
    {
        public void Dispose() => outage._down = false;
    }
}

/// <summary>A platform whose database a test can take down, with a clock so the security-stamp check falls due.</summary>
public interface IOutagePlatform
{
    DatabaseOutage Outage { get; }
    ManualClock Clock { get; }
}

public sealed class SqliteOutagePlatform : SqlitePlatform, IOutagePlatform
{
    public DatabaseOutage Outage { get; } = new(DatabaseProvider.Sqlite);
    public ManualClock Clock { get; } = new(DateTime.UtcNow);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(Outage);
        services.AddSingleton<TimeProvider>(Clock);
    }
}

public sealed class PostgresOutagePlatform : PostgresPlatform, IOutagePlatform
{
    public DatabaseOutage Outage { get; } = new(DatabaseProvider.Postgres);
    public ManualClock Clock { get; } = new(DateTime.UtcNow);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(Outage);
        services.AddSingleton<TimeProvider>(Clock);
    }
}
