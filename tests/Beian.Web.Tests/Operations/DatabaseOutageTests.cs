using System.Net;
using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Operations;

/// <summary>
/// While the database is down everyone, signed in or not, gets the Chinese 503 page (never an empty
/// 500 or a stack trace); the health endpoints answer in their own format; the session survives.
/// </summary>
public abstract class DatabaseOutageTests<TPlatform>(TPlatform platform)
    where TPlatform : PlatformFixture, IOutagePlatform
{
    [Fact]
    public async Task An_anonymous_visitor_gets_the_503_page()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        using (platform.Outage.Begin())
            AssertUnavailablePage(await client.GetAsync("/Accounts/Register"), client);
    }

    [Fact]
    public async Task A_logged_in_applicant_gets_the_503_page_and_stays_logged_in()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using (client)
        {
            using (platform.Outage.Begin())
                AssertUnavailablePage(await client.GetAsync("/Home/Applicant"), client);
            Assert.Equal("/Home/Applicant", (await client.GetAsync("/Home/Applicant")).PathOf());
        }
    }

    [Fact]
    public async Task A_logged_in_applicant_whose_security_stamp_check_falls_due_gets_the_503_page()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using (client)
        {
            platform.Clock.Advance(TimeSpan.FromSeconds(61));
            using (platform.Outage.Begin())
            {
                AssertUnavailablePage(await client.GetAsync("/Home/Applicant"), client);
                AssertUnavailablePage(await client.GetAsync("/Accounts/Register"), client);
            }
            Assert.Equal("/Home/Applicant", (await client.GetAsync("/Home/Applicant")).PathOf());
        }
    }

    [Fact]
    public async Task The_health_endpoints_answer_in_their_own_format_for_a_logged_in_client()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using (client)
        {
            platform.Clock.Advance(TimeSpan.FromSeconds(61));
            using (platform.Outage.Begin())
            {
                var alive = await client.Http.GetAsync("/healthz");
                Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
                Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
                var ready = await client.Http.GetAsync("/readyz");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
                Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            }
        }
    }

    private static void AssertUnavailablePage(AngleSharp.Html.Dom.IHtmlDocument page, PlatformClient client)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, client.LastResponse!.StatusCode);
        Assert.Contains("服务暂时不可用", page.Text());
        Assert.Contains("参考编号", page.Text());
        Assert.DoesNotContain("Exception", page.Text());
    }
}

public sealed class DatabaseOutageTests_Sqlite(SqliteOutagePlatform platform)
    : DatabaseOutageTests<SqliteOutagePlatform>(platform), IClassFixture<SqliteOutagePlatform>;

public sealed class DatabaseOutageTests_Postgres(PostgresOutagePlatform platform)
    : DatabaseOutageTests<PostgresOutagePlatform>(platform), IClassFixture<PostgresOutagePlatform>;
