using System.Net;
using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Operations;

/// <summary>
/// During a failover only a read-only standby may answer (the primary stopped, the standby not yet
/// promoted): a write is refused with SQLSTATE 25006, and the person gets the Chinese 503 page, not a 500.
/// </summary>
public sealed class ReadOnlyDatabaseTests(PostgresOutagePlatform platform) : IClassFixture<PostgresOutagePlatform>
{
    [Fact]
    public async Task A_write_refused_by_a_read_only_database_answers_the_503_page_and_reads_keep_working()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var form = await client.GetAsync("/Accounts/Register");
        using (platform.Outage.BeginReadOnly())
        {
            var refused = await Applicants.RegisterAsync(client, Applicants.NewIdentity(), form);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, client.LastResponse!.StatusCode);
            Assert.Contains("服务暂时不可用", refused.Text());
            Assert.Contains("请稍后再试", refused.Text());
            Assert.DoesNotContain("Exception", refused.Text());

            await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        }
        var applicant = Applicants.NewIdentity();
        await Applicants.RegisterAsync(client, applicant);
        Assert.Equal("/Home/Applicant", (await Applicants.LoginAsync(client, applicant.UserName, applicant.Password)).PathOf());
    }
}
