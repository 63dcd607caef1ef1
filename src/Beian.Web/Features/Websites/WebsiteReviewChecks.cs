using Beian.Core.Applications;
using Beian.Core.Rules;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>The website pre-check of steps ② and ③ on the submitted content, against the data of today.</summary>
public sealed class WebsiteReviewChecks(BeianDbContext db, WebsiteChecks checks, SubjectService subjects, ApplicationSnapshots snapshots) : IReviewChecks
{
    public IReadOnlyCollection<BusinessType> Handles { get; } = [BusinessType.NewWebsite, BusinessType.ClaimWebsite, BusinessType.ChangeWebsite];

    public async Task<IReadOnlyList<Finding>> RecheckAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var form = snapshots.Open<WebsiteForm>(application.SnapshotCipher);
        var subject = await db.Subjects.AsNoTracking().FirstAsync(s => s.Id == application.SubjectId, cancellationToken);
        var basic = await checks.BasicInfoAsync(form, subject, subjects.Read(subject), application.TargetId, cancellationToken);
        return basic.Concat(checks.People(form)).ToList();
    }
}
