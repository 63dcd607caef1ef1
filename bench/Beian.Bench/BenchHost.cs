using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Beian.Bench;

/// <summary>
/// The platform as it runs in production (Production environment, PostgreSQL, warnings-only logs)
/// on Kestrel on a free loopback port, plus the benchmark-only baseline endpoints under
/// <see cref="Baseline.PathPrefix"/> and <see cref="BenchSignIn"/>, which only this host maps.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly Factory _factory;
    private readonly string _storage;

    public string BaseUrl { get; }

    /// <summary>
    /// Connections to PostgreSQL that the platform's public-query pool and the baseline may each
    /// hold: the same for both, and with both open together (and the few of the platform's EF Core
    /// pool) still under the server's default max_connections (100).
    /// </summary>
    public const int PoolSize = 40;

    public BenchHost(string connectionString)
    {
        connectionString = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = PoolSize }.ConnectionString;
        var storage = _storage = Directory.CreateTempSubdirectory("beian-bench-").FullName;
        _factory = new Factory(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Storage:Root"] = storage,
            // Production answers its public host only; the benchmark's client asks the loopback address.
            ["Platform:PublicBaseUrl"] = "http://127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            // The first start asks for a migrations table that does not exist yet: not worth an error line.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical",
            // The benchmark is one client asking as fast as it can: the per-client limits would
            // measure the limiter, not the query. The limiter's counter itself still runs.
            ["RateLimits:PublicQueryPerMinute"] = int.MaxValue.ToString(),
            ["RateLimits:PublicQueryCaptchaAfter"] = int.MaxValue.ToString(),
            ["Deadlines:CheckMinutes"] = "0",
            // The report benchmark reads its reports itself, timed; the node's own reading would take them first.
            ["Reporting:ProcessSeconds"] = "0",
            // Counted by the generator; a recount (a scan of the name index) would run beside the measurement.
            ["PublicQuery:CommonGramsHours"] = "0",
        }, connectionString);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Stops the platform and deletes its file storage (the report benchmark's stored reports).</summary>
    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_storage, recursive: true);
    }

    private sealed class Factory(IReadOnlyDictionary<string, string> settings, string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSolutionRelativeContentRoot("src/Beian.Web");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<IStartupFilter>(new Baseline.StartupFilter(connectionString));
                services.AddSingleton<IStartupFilter, BenchSignIn.StartupFilter>();
            });
        }
    }
}
