using Beian.Core.Regions;
using Beian.Core.Reporting;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Beian.Bench;

/// <summary>
/// A CDN 服务商 as the platform makes one: a 单位 subject of the dataset that has none applies through
/// <see cref="ReporterService.ApplyAsync"/> (服务商申请, as its owner), and a reviewer of its county claims and approves
/// the application through <see cref="ApplicationService"/>, whose effects approve the reporter. Each call takes
/// another subject, so each report is new to its reporter.
/// </summary>
public static class BenchReporters
{
    public static async Task<Reporter> ApprovedCdnAsync(IServiceProvider platform, CancellationToken cancellationToken = default)
    {
        using var scope = platform.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BeianDbContext>();
        var taken = db.Set<Reporter>().Select(r => r.SubjectId);
        var subject = await db.Subjects
            .Where(s => s.Nature == SubjectNature.Organisation && s.Status == SubjectStatus.Valid && !taken.Contains(s.Id))
            .OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("No 单位 subject without a 服务商 is left: run `generate` first.");
        var form = new ReporterForm
        {
            Role = ReporterRole.ServiceProvider, Services = [ProviderServices.Cdn], LicenceNumber = "B1-20160211",
            Address = AddressIn(subject.JurisdictionUnitCode), ContactName = "王运维", ContactMobile = "13905718888",
        };
        var applied = await services.GetRequiredService<ReporterService>()
            .ApplyAsync(subject.OwnerUserId, subject, form, ReporterService.Check(form, subject), Guid.NewGuid(), cancellationToken);
        var application = applied.Application ?? throw new InvalidOperationException($"服务商申请 refused: {applied.Error}");

        var applications = services.GetRequiredService<ApplicationService>();
        var reviewer = $"bench-reviewer-{subject.JurisdictionUnitCode}";
        foreach (var decide in new Func<Task<DecisionResult>>[]
                 {
                     () => applications.ClaimAsync(application.Id, reviewer, cancellationToken),
                     () => applications.ApproveAsync(application.Id, reviewer, cancellationToken: cancellationToken),
                 })
        {
            var result = await decide();
            if (!result.Succeeded) throw new InvalidOperationException($"Review of 服务商申请 {application.Id} refused: {result.Error}");
        }
        return await db.Set<Reporter>().AsNoTracking().FirstAsync(r => r.Id == application.TargetId, cancellationToken);
    }

    /// <summary>An address in the subject's county, as the form's region selects give it.</summary>
    private static Beian.Web.Features.Regions.AddressInput AddressIn(string countyCode)
    {
        var path = RegionCatalog.Default.PathOf(countyCode);
        return new Beian.Web.Features.Regions.AddressInput
        {
            ProvinceCode = path.FirstOrDefault()?.Code, CityCode = path.Count > 2 ? path[1].Code : path.LastOrDefault()?.Code,
            CountyCode = path.Count > 2 ? path[^1].Code : null, Detail = "科技园区创新路88号",
        };
    }
}
