using Beian.Web.Tests.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Infrastructure;

/// <summary>
/// The platform as it runs behind a load balancer, with its clock in the test's hand: every request
/// reaches it from a proxy on the node (loopback, trusted as in production) that names the client
/// in X-Forwarded-For, so the client address is the one the app's forwarded-headers setup resolves.
/// </summary>
public static class BehindProxy
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

public sealed class BehindProxySqlitePlatform : SqlitePlatform
{
    public ManualClock Clock { get; } = BehindProxy.NewClock();

    protected override void ConfigureServices(IServiceCollection services) => BehindProxy.ConfigureServices(services, Clock);
}

public sealed class BehindProxyPostgresPlatform : PostgresPlatform
{
    public ManualClock Clock { get; } = BehindProxy.NewClock();

    protected override void ConfigureServices(IServiceCollection services) => BehindProxy.ConfigureServices(services, Clock);
}
