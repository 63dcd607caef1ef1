using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Websites;

/// <summary>公安备案号 stay unique when many approvals run at the same moment (SPEC §7).</summary>
public abstract class ConcurrentNumberingTests(PlatformFixture platform)
{
    private const int Sites = 24;

    [Fact]
    public async Task Parallel_approvals_on_two_servers_issue_distinct_consecutive_numbers()
    {
        platform.RequireAvailable();
        var (client, subjectId) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var applicationIds = new List<Guid>();
        for (var i = 0; i < Sites; i++)
            applicationIds.Add(await SubmitDirectlyAsync(subjectId, $"par{i}-{Guid.NewGuid():N}"[..16] + ".com"));

        // Two servers on the same database, as behind the reverse proxy: every other approval on the second.
        await using var secondServer = platform.Factory.WithWebHostBuilder(_ => { });
        var servers = applicationIds.Select((_, i) => i % 2 == 0 ? platform.Services : secondServer.Services).ToList();
        var results = await AtOnce.RunAsync(servers, (services, i) =>
            services.GetRequiredService<ApplicationService>().ApproveAsync(applicationIds[i], "reviewer"));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));

        var numbers = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Websites.AsNoTracking()
            .Where(w => w.SubjectId == subjectId && w.NumberDigits != null).Select(w => w.NumberDigits!).ToListAsync());
        Assert.Equal(Sites, numbers.Count);
        Assert.Equal(Sites, numbers.Distinct().Count());
        var serials = numbers.Select(n => int.Parse(n[^6..])).Order().ToList();
        Assert.Equal(Enumerable.Range(serials[0], Sites), serials);
    }

    [Fact]
    public async Task Two_reviewers_approving_one_application_at_once_issue_one_number_and_the_second_is_told()
    {
        platform.RequireAvailable();
        var (_, subjectId) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        await using var secondServer = platform.Factory.WithWebHostBuilder(_ => { });
        var servers = new[] { platform.Services, secondServer.Services };

        // Released together, the two meet at a different step each time: the check, the effects, the save.
        for (var race = 0; race < 6; race++)
        {
            var applicationId = await SubmitDirectlyAsync(subjectId, $"twice{race}-{Guid.NewGuid():N}"[..16] + ".com");
            var results = await AtOnce.RunAsync(servers, (services, i) =>
                services.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, $"reviewer-{i}"));

            Assert.Single(results, r => r.Succeeded);
            var refused = Assert.Single(results, r => !r.Succeeded);
            Assert.Contains(refused.Error, new[] { ApplicationService.ConcurrentChangeMessage, "申请处于“已通过”状态，不能审核通过" });
        }
        var numbers = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Websites.AsNoTracking()
            .Where(w => w.SubjectId == subjectId && w.NumberDigits != null).Select(w => w.NumberDigits!).ToListAsync());
        Assert.Equal(6, numbers.Count);
        Assert.Equal(6, numbers.Distinct().Count());
    }

    private Task<Guid> SubmitDirectlyAsync(Guid subjectId, string domain) =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var subject = await db.Subjects.SingleAsync(x => x.Id == subjectId);
            var form = new WebsiteForm
            {
                SubjectId = subjectId,
                BasicInfo = new WebsiteBasicInfo { Name = "并发测试网站", MainDomain = domain, HasDomain = true, IpsText = "203.0.113.30" },
            };
            var result = await s.GetRequiredService<WebsiteService>().SubmitNewAsync(subject.OwnerUserId, subject, form, [], Guid.NewGuid());
            Assert.True(result.Succeeded, result.Error);
            return result.Application!.Id;
        });
}

public sealed class ConcurrentNumberingTests_Sqlite(SqlitePlatform platform) : ConcurrentNumberingTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ConcurrentNumberingTests_Postgres(PostgresPlatform platform) : ConcurrentNumberingTests(platform), IClassFixture<PostgresPlatform>;
