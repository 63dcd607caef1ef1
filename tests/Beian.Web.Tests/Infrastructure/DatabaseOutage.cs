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
    private enum Failure { None, Outage, Fault, ReadOnly }

    private volatile Failure _failure;

    /// <summary>The database is down until the returned handle is disposed.</summary>
    public IDisposable Begin() => Fail(Failure.Outage);

    /// <summary>
    /// Opening a connection fails with an exception that is no outage (a fault of the code), so the
    /// request answers 500.
    /// </summary>
    public IDisposable BeginFault() => Fail(Failure.Fault);

    /// <summary>
    /// The database answers reads but refuses every write with SQLSTATE 25006, as a standby does
    /// while the primary is stopped and no standby is promoted yet (PostgreSQL only).
    /// </summary>
    public IDisposable BeginReadOnly() => Fail(Failure.ReadOnly);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (_failure == Failure.ReadOnly) MakeReadOnly(connection).ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (_failure == Failure.ReadOnly) await MakeReadOnly(connection).ExecuteNonQueryAsync(cancellationToken);
    }

    // The pool resets the session (DISCARD ALL) when the connection is next taken, so it is undone after the test.
    private static DbCommand MakeReadOnly(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
        return command;
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        FailIfAskedAsync().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await FailIfAskedAsync();
        return result;
    }

    private IDisposable Fail(Failure failure)
    {
        _failure = failure;
        return new End(this);
    }

    private Task FailIfAskedAsync() => _failure switch
    {
        Failure.Outage => FailAsStoppedServer(),
        Failure.Fault => throw new InvalidOperationException("A test fault that is not a database outage."),
        _ => Task.CompletedTask,
    };

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
        public void Dispose() => outage._failure = Failure.None;
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
