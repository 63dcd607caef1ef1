using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.E2E.Infrastructure;

/// <summary>
/// The real platform (Beian.Web's Program) served by Kestrel on a free loopback port, in the
/// Development environment, on a fresh SQLite file and storage folder, with the captcha
/// answer fixed to <see cref="CaptchaAnswer"/>. One per test assembly (see AssemblyInfo.cs).
/// </summary>
public sealed class PlatformServer : IAsyncLifetime
{
    public const string CaptchaAnswer = "E2E";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "beian-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    private Factory? _factory;

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The temporary folder holding the SQLite file and uploaded files.</summary>
    public string DataRoot => _root;

    public string DatabasePath => Path.Combine(_root, "beian-e2e.db");

    public string StorageRoot => Path.Combine(_root, "storage");

    /// <summary>The app's services, e.g. to read the database or the outbox directly.</summary>
    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("Server not started.")).Services;

    public string Url(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(StorageRoot);
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={DatabasePath}",
            ["Captcha:FixedAnswer"] = CaptchaAnswer,
            ["Storage:Root"] = StorageRoot,
            ["Demo:SeedAccounts"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Every browser test's people come from 127.0.0.1: one client to the per-IP limits.
            ["RateLimits:LoginPerMinute"] = "1000",
            ["RateLimits:SmsPerMinute"] = "1000",
            ["RateLimits:CaptchaPerMinute"] = "1000",
            // The 备案展厅 list is read afresh on every request, so each test sees the sites it filed.
            ["Showcase:CacheSeconds"] = "0",
            // Reports are read within a second of their upload, so a test watches the progress bar finish.
            ["Reporting:ProcessSeconds"] = "1",
            ["RateLimits:PublicQueryPerMinute"] = "1000",
            ["RateLimits:PublicQueryCaptchaAfter"] = "1000",
        };
        _factory = new Factory(settings);
        // Port 0 on an explicit IPv4 loopback endpoint: Kestrel picks a free port, no race.
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();

        var addresses = _factory.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()?.Addresses;
        BaseUrl = addresses?.FirstOrDefault()?.TrimEnd('/')
                  ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            // UseSetting (not ConfigureAppConfiguration) so that Program.cs sees the values
            // in builder.Configuration before builder.Build().
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
