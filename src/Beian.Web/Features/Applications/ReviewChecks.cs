using Beian.Core.Applications;
using Beian.Core.Rules;
using System.Text.Json;

namespace Beian.Web.Features.Applications;

/// <summary>A business's pre-check (SPEC §10) run again on a submitted application when the reviewer opens it.</summary>
public interface IReviewChecks
{
    IReadOnlyCollection<BusinessType> Handles { get; }

    Task<IReadOnlyList<Finding>> RecheckAsync(FilingApplication application, CancellationToken cancellationToken);
}

/// <summary>
/// The findings the reviewer sees: the pre-check run again now (a domain may have been filed by
/// another subject since), or, for a business without a re-check, those recorded at submission.
/// </summary>
public sealed class ReviewFindings(IEnumerable<IReviewChecks> checks)
{
    public async Task<IReadOnlyList<Finding>> ForAsync(FilingApplication application, CancellationToken cancellationToken = default)
    {
        var recheck = checks.FirstOrDefault(c => c.Handles.Contains(application.BusinessType));
        return recheck != null ? await recheck.RecheckAsync(application, cancellationToken) : Submitted(application);
    }

    public static IReadOnlyList<Finding> Submitted(FilingApplication application) =>
        application.FindingsJson == null ? [] : JsonSerializer.Deserialize<List<Finding>>(application.FindingsJson) ?? [];
}
