using System.Net;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Hosting;
using Beian.Web.Tests.Audit;
using Beian.Web.Tests.Infrastructure;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Operations;

/// <summary>
/// Behind a load balancer: the client a request is counted for (here the 公共查询 rate count) is the
/// one a known proxy forwarded, and a forwarded address from anyone else is ignored.
/// </summary>
public sealed class ForwardedClientsTests(ProxiedSqlitePlatform platform) : IClassFixture<ProxiedSqlitePlatform>
{
    [Fact]
    public async Task A_known_proxy_names_the_client_and_anyone_else_is_counted_as_itself()
    {
        platform.RequireAvailable();
        await AskAsync(from: "10.0.0.5", forwarded: "203.0.113.9");         // a named proxy
        await AskAsync(from: "172.20.1.7", forwarded: "203.0.113.10, 172.20.1.8"); // in a named network, after another hop of it
        await AskAsync(from: "10.0.0.5", forwarded: "203.0.113.12, 203.0.113.13"); // the client claimed .12, the proxy saw .13
        await AskAsync(from: "198.51.100.1", forwarded: "203.0.113.11");   // a client claiming an address

        var counted = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().RateLimitWindows.AsNoTracking()
            .Where(w => w.Key.StartsWith("public-query:")).Select(w => w.Key).ToListAsync());
        Assert.Contains("public-query:203.0.113.9", counted);
        Assert.Contains("public-query:198.51.100.1", counted);
        Assert.DoesNotContain("public-query:10.0.0.5", counted);
        Assert.DoesNotContain("public-query:203.0.113.11", counted);
        Assert.Contains("public-query:203.0.113.10", counted);
        Assert.DoesNotContain("public-query:172.20.1.8", counted);
        Assert.Contains("public-query:203.0.113.13", counted);
        Assert.DoesNotContain("public-query:203.0.113.12", counted);
    }

    [Fact]
    public void A_setting_that_is_no_address_stops_the_start_with_its_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies"] = "10.0.0.5, 10.0.0.0/8",
            ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0/8,192.168.0.0/16",
        }).Build();
        var error = Assert.Throws<InvalidOperationException>(() =>
            ForwardedClients.Parse(configuration, "ForwardedHeaders:KnownProxies", "an IP address", IPAddress.Parse));
        Assert.Equal("ForwardedHeaders:KnownProxies: “10.0.0.0/8” is not an IP address.", error.Message);
        Assert.Equal(2, ForwardedClients.Parse(configuration, "ForwardedHeaders:KnownNetworks", "a CIDR range", IPNetwork.Parse).Count);
    }

    private async Task AskAsync(string from, string forwarded)
    {
        using var client = platform.NewClient().From(from);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwarded);
        var response = await client.Http.GetAsync("/api/public/websites?number=11010502000001");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class ProxiedSqlitePlatform : SqlitePlatform
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies"] = "10.0.0.5",
        ["ForwardedHeaders:KnownNetworks"] = "172.16.0.0/12",
    };

    protected override void ConfigureServices(IServiceCollection services) => AuditPlatform.ConfigureServices(services);
}
