using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Websites;

/// <summary>
/// Two tabs (or two nodes) submitting a business on one record at the same moment, each with its
/// own submission key: one application is opened, the other submission is told why not.
/// </summary>
public abstract class ConcurrentSubmissionTests(PlatformFixture platform)
{
    [Fact]
    public async Task Two_cancellations_of_one_website_at_once_open_one_application()
    {
        platform.RequireAvailable();
        var (_, subjectId) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var websiteId = await FiledWebsiteAsync(subjectId);

        var results = await AtOnceAsync(async services =>
        {
            var website = await services.GetRequiredService<BeianDbContext>().Websites.SingleAsync(w => w.Id == websiteId);
            var request = new Beian.Web.Features.Applications.CancellationRequest { PrincipalName = "李明", Reason = "网站不再运营" };
            return await services.GetRequiredService<WebsiteService>().SubmitCancellationAsync(website.OwnerUserId, website, request, Guid.NewGuid());
        });

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(WebsiteService.PendingDocumentMessage, Assert.Single(results, r => !r.Succeeded).Error);
        Assert.Equal(1, await OpenApplicationsAsync(a => a.TargetId == websiteId));
    }

    [Fact]
    public async Task Two_changes_of_one_subject_at_once_open_one_application()
    {
        platform.RequireAvailable();
        var (_, subjectId) = await WebsiteFlows.ApprovedSubjectAsync(platform);

        var results = await AtOnceAsync(async services =>
        {
            var subjects = services.GetRequiredService<SubjectService>();
            var subject = await services.GetRequiredService<BeianDbContext>().Subjects.SingleAsync(s => s.Id == subjectId);
            return await subjects.SubmitChangeAsync(subject.OwnerUserId, subjectId, subjects.Read(subject), [], Guid.NewGuid());
        });

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(SubjectService.PendingDocumentMessage, Assert.Single(results, r => !r.Succeeded).Error);
        Assert.Equal(1, await OpenApplicationsAsync(a => a.SubjectId == subjectId && a.BusinessType == BusinessType.ChangeSubject));
    }

    /// <summary>The same submission on two servers of one database, released together.</summary>
    private async Task<SubmissionResult[]> AtOnceAsync(Func<IServiceProvider, Task<SubmissionResult>> submit)
    {
        await using var secondServer = platform.Factory.WithWebHostBuilder(_ => { });
        return await AtOnce.RunAsync([platform.Services, secondServer.Services], (services, _) => submit(services));
    }

    private Task<int> OpenApplicationsAsync(System.Linq.Expressions.Expression<Func<FilingApplication, bool>> which) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Applications
            .Where(which).CountAsync(a => OpenStatuses.All.Contains(a.Status)));

    private Task<Guid> FiledWebsiteAsync(Guid subjectId) =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var subject = await db.Subjects.SingleAsync(x => x.Id == subjectId);
            var form = new WebsiteForm
            {
                SubjectId = subjectId,
                BasicInfo = new WebsiteBasicInfo { Name = "并发注销网站", MainDomain = $"c{Guid.NewGuid():N}"[..14] + ".com", HasDomain = true, IpsText = "203.0.113.30" },
            };
            var submitted = await s.GetRequiredService<WebsiteService>().SubmitNewAsync(subject.OwnerUserId, subject, form, [], Guid.NewGuid());
            Assert.True(submitted.Succeeded, submitted.Error);
            var approved = await s.GetRequiredService<ApplicationService>().ApproveAsync(submitted.Application!.Id, "reviewer");
            Assert.True(approved.Succeeded, approved.Error);
            return submitted.Application.TargetId!.Value;
        });
}

public sealed class ConcurrentSubmissionTests_Sqlite(SqlitePlatform platform) : ConcurrentSubmissionTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ConcurrentSubmissionTests_Postgres(PostgresPlatform platform) : ConcurrentSubmissionTests(platform), IClassFixture<PostgresPlatform>;
