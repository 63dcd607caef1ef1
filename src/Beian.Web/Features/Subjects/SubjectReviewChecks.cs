using Beian.Core.Applications;
using Beian.Core.Rules;
using Beian.Web.Features.Applications;

namespace Beian.Web.Features.Subjects;

/// <summary>The subject pre-check on the submitted content.</summary>
public sealed class SubjectReviewChecks(SubjectChecks checks, ApplicationSnapshots snapshots) : IReviewChecks
{
    public IReadOnlyCollection<BusinessType> Handles { get; } = [BusinessType.NewSubject, BusinessType.ChangeSubject];

    public Task<IReadOnlyList<Finding>> RecheckAsync(FilingApplication application, CancellationToken cancellationToken) =>
        Task.FromResult(checks.Check(snapshots.Open<SubjectForm>(application.SnapshotCipher)));
}
