using Beian.Web.Tests.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Infrastructure;

/// <summary>
/// The platform with its clock in the test's hand (<see cref="ManualClock"/>), as it runs behind a
/// load balancer: a client may reach it through a proxy on the node (loopback, trusted as in
/// production) that names the client in X-Forwarded-For, so the client address is the one the
/// app's forwarded-headers setup resolves (<see cref="ForwardedFor"/>).
/// </summary>
public static class ProxiedClockedPlatforms
{
    private const string Proxy = "127.0.0.1";

    /// <summary>
    /// 10:00 in Beijing, within the next day: counts per Beijing day then hold still for hours of
    /// the test clock. Never in the past, which the key ring and the cookies would not like.
    /// </summary>
    public static ManualClock NewClock()
    {
        var now = DateTime.UtcNow;
        var morning = now.Date.AddHours(2);
        return new ManualClock(morning > now ? morning : morning.AddDays(1));
    }

    public static void ConfigureServices(IServiceCollection services, ManualClock clock)
    {
        AuditPlatform.ConfigureServices(services);
        services.AddSingleton<TimeProvider>(clock);
    }

    /// <summary>The client's next requests come through the proxy for <paramref name="clientIp"/>.</summary>
    public static PlatformClient ForwardedFor(this PlatformClient client, string clientIp)
    {
        client.From(Proxy);
        client.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", clientIp);
        return client;
    }
}

public sealed class ProxiedClockedSqlitePlatform : SqlitePlatform
{
    public ManualClock Clock { get; } = ProxiedClockedPlatforms.NewClock();

    protected override void ConfigureServices(IServiceCollection services) => ProxiedClockedPlatforms.ConfigureServices(services, Clock);
}

public sealed class ProxiedClockedPostgresPlatform : PostgresPlatform
{
    public ManualClock Clock { get; } = ProxiedClockedPlatforms.NewClock();

    protected override void ConfigureServices(IServiceCollection services) => ProxiedClockedPlatforms.ConfigureServices(services, Clock);
}
