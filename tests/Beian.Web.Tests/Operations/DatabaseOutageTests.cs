using System.Net;
using System.Net.Http.Json;
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

    // The pre-check looks the domain up in the database.
    private static readonly object PrecheckOfADomain = new { subjectNature = "Individual", hasDomain = true, mainDomain = "outage-test.cn" };

    [Fact]
    public async Task An_api_answers_a_503_problem_while_the_database_is_down_even_with_a_session_due_for_its_check()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using (client)
        {
            platform.Clock.Advance(TimeSpan.FromSeconds(61));
            using (platform.Outage.Begin())
            {
                var problem = await Hardening.ApiProblemTests.AssertProblemAsync(
                    await client.Http.PostAsJsonAsync("/api/websites/precheck", PrecheckOfADomain), HttpStatusCode.ServiceUnavailable);
                Assert.Equal("服务暂时不可用", problem.GetProperty("title").GetString());
            }
        }
    }

    [Fact]
    public async Task A_fault_that_is_no_outage_answers_a_500_problem_from_an_api_and_the_500_page_from_a_page()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        using (platform.Outage.BeginFault())
        {
            var problem = await Hardening.ApiProblemTests.AssertProblemAsync(
                await client.Http.PostAsJsonAsync("/api/websites/precheck", PrecheckOfADomain), HttpStatusCode.InternalServerError);
            Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
            var page = await client.GetAsync("/Accounts/Register");
            Assert.Equal(HttpStatusCode.InternalServerError, client.LastResponse!.StatusCode);
            Assert.Contains("系统繁忙", page.Text());
            Assert.DoesNotContain("Exception", page.Text());
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
