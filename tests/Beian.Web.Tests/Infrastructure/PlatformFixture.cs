using Beian.Web.Data;
using Beian.Web.Features.Captcha;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Beian.Web.Infrastructure.Jobs;
using Beian.Testing;
using Npgsql;

namespace Beian.Web.Tests.Infrastructure;

/// <summary>
/// The platform running in-process on one database provider, shared by the tests of one class.
/// Each fixture gets its own empty database (a temporary SQLite file or a new PostgreSQL database)
/// and a captcha whose answer the tests know.
/// </summary>
public abstract class PlatformFixture : IAsyncLifetime
{
    public const string CaptchaAnswer = "TEST";

    private WebApplicationFactory<Program>? _factory;

    public abstract DatabaseProvider Provider { get; }

    public WebApplicationFactory<Program> Factory =>
        _factory ?? throw new InvalidOperationException("The platform is not started (was the suite skipped?)");

    public IServiceProvider Services => Factory.Services;

    /// <summary>Settings a subclass or test class wants on top of the defaults.</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public virtual string? SkipReason => null;

    /// <summary>Development is the demo mode (outbox page, fixed captcha setting); a subclass may run Production.</summary>
    protected virtual string Environment => "Development";

    public virtual async ValueTask InitializeAsync()
    {
        if (SkipReason != null) return;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["Demo:SeedAccounts"] = "false",
            ["Outbox:PollSeconds"] = "0.2",
            ["Deadlines:CheckMinutes"] = "0",
            // Rate counts written through at once, so a test sees what two hosts counted (the
            // batched sharing of production is tested on its own).
            ["RateLimits:SyncMilliseconds"] = "0",
            ["RateLimits:LoginPerMinute"] = "10000",
            ["RateLimits:SmsPerMinute"] = "10000",
            ["RateLimits:CaptchaPerMinute"] = "10000",
            ["RateLimits:PublicQueryPerMinute"] = "10000",
            ["RateLimits:PublicQueryCaptchaAfter"] = "10000",
            ["Storage:Root"] = Path.Combine(Path.GetTempPath(), "beian-tests", Guid.NewGuid().ToString("N")),
        };
        foreach (var (key, value) in await DatabaseSettingsAsync()) settings[key] = value;
        foreach (var (key, value) in ExtraSettings) settings[key] = value;

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(Environment);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<ICaptchaAnswerGenerator>();
                services.AddSingleton<ICaptchaAnswerGenerator>(new KnownCaptchaAnswer(CaptchaAnswer));
                ConfigureServices(services);
            });
        });
        _ = _factory.Server; // start now, so migrations run once, here
        // And its startup backfills done, as on a node that has been up a moment: one that ran late, under a loaded
        // machine, rebuilt what a test had just written (the kept statistics over its applications, in one long write).
        await _factory.Services.GetServices<IHostedService>().OfType<StartupBackfills>().Single().ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(2));
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected abstract Task<IDictionary<string, string?>> DatabaseSettingsAsync();

    public PlatformClient NewClient() => new(Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    /// <summary>Skips the calling test when this provider is not available on the machine.</summary>
    public void RequireAvailable() => Assert.SkipWhen(SkipReason != null, SkipReason ?? string.Empty);

    public T Scoped<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> ScopedAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory != null) await _factory.DisposeAsync();
    }

    private sealed class KnownCaptchaAnswer(string answer) : ICaptchaAnswerGenerator
    {
        public string NextAnswer() => answer;
    }
}

public class SqlitePlatform : PlatformFixture
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "beian-tests", $"{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<IDictionary<string, string?>> DatabaseSettingsAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        return Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={_file}",
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            if (File.Exists(path)) File.Delete(path);
    }
}

/// <summary>A fresh PostgreSQL database on the server named by BEIAN_TEST_POSTGRES, dropped afterwards.</summary>
public class PostgresPlatform : PlatformFixture
{
    private readonly string _database = $"beian_t_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string? SkipReason => TestEnvironment.PostgresConnectionString == null
        ? TestEnvironment.PostgresSkipReason
        : null;

    protected override async Task<IDictionary<string, string?>> DatabaseSettingsAsync()
    {
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        // Many test classes run at once, each with its own pool: idle connections go back soon so
        // that together they stay under the server's max_connections.
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString)
        {
            Database = _database,
            MaxPoolSize = 30,
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 5,
        };
        return new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = builder.ConnectionString };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (SkipReason != null) return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        try
        {
            await drop.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // Someone else (a person in psql as another role) is looking at the test database: it
            // stays behind for them, named beian_t_…; the tests themselves are done.
            Console.Error.WriteLine($"Test database {_database} left in place: {e.MessageText}");
        }
    }
}
