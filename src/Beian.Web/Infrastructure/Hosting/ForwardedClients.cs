using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Beian.Web.Infrastructure.Hosting;

/// <summary>
/// Behind a load balancer or reverse proxy, the connection comes from the proxy: the client's own
/// address (per-client rate limits, the captcha count, the audit log's source IP) and scheme are in
/// X-Forwarded-For and X-Forwarded-Proto. They are believed only from the proxies the configuration
/// names, <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR), comma-separated, and from loopback; from anyone else a client could claim any address
/// and so escape its limits.
/// </summary>
public static class ForwardedClients
{
    public static IServiceCollection AddForwardedClients(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Parse(configuration, "ForwardedHeaders:KnownProxies", "an IP address", IPAddress.Parse);
        var networks = Parse(configuration, "ForwardedHeaders:KnownNetworks", "an IP address range in CIDR form (10.0.0.0/8)", IPNetwork.Parse);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Back through every hop that is itself a known proxy (a CDN in front of the load
            // balancer), stopping at the first that is not: what a client wrote in front of it is never read.
            options.ForwardLimit = null;
            // Loopback (the defaults) stays trusted: a proxy on the node itself.
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>
    /// The comma-separated values of setting <paramref name="name"/>, or a start-up error that names
    /// the setting, the value it cannot read and what it should be (<paramref name="expected"/>).
    /// </summary>
    public static IReadOnlyList<T> Parse<T>(IConfiguration configuration, string name, string expected, Func<string, T> parse) =>
        (configuration[name] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(value =>
            {
                try
                {
                    return parse(value);
                }
                catch (FormatException)
                {
                    throw new InvalidOperationException($"{name}: “{value}” is not {expected}.");
                }
            })
            .ToList();
}
