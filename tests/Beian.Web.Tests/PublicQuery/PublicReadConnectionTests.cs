using System.Net;
using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.PublicQuery;

/// <summary>
/// <c>ConnectionStrings:PublicRead</c> (a standby in a deployment) serves the public queries and
/// nothing else: with it pointing at a server that is down, the public query answers 503 while the
/// pages on the primary work as ever.
/// </summary>
public sealed class PublicReadConnectionTests(PublicReadDownPlatform platform) : IClassFixture<PublicReadDownPlatform>
{
    [Fact]
    public async Task Public_queries_read_through_the_public_read_connection_and_other_pages_through_the_primary()
    {
        platform.RequireAvailable();
        using var visitor = platform.NewClient();

        var query = await visitor.Http.GetAsync("/api/public/websites?number=11010502000001");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, query.StatusCode);

        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using (client)
        {
            await client.GetAsync("/Home/Applicant");
            Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        }
    }
}

public sealed class PublicReadDownPlatform : PostgresPlatform
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:PublicRead"] = "Host=127.0.0.1;Port=1;Database=beian;Username=beian;Password=beian;Timeout=2",
    };
}
