using Beian.Core.Rules;
using Beian.Core.Time;
using Beian.Core.Websites;
using Beian.Web.Data;

namespace Beian.Web.Features.Websites;

/// <summary>
/// The website pre-check as step ② of the wizard and POST /api/websites/precheck both run it: the
/// rules of Beian.Core on today's Beijing date, with whether another subject's live website holds the
/// main domain (looked up only for a site that has a domain of its own, as only then is it stored).
/// </summary>
public sealed class WebsitePrecheck(BeianDbContext db, TimeProvider clock)
{
    /// <param name="subjectId">The subject filing the site, whose own websites hold nothing against it; null for anyone.</param>
    /// <param name="websiteId">The website being changed, if any.</param>
    public async Task<IReadOnlyList<Finding>> CheckAsync(WebsiteFacts facts, Guid? subjectId, Guid? websiteId, CancellationToken cancellationToken)
    {
        var taken = facts.HasDomain && await DomainHolders.AnyAsync(db, facts.MainDomain, subjectId, websiteId, cancellationToken);
        return WebsiteRules.Check(facts with { Today = BeijingTime.DateOf(clock.GetUtcNow()), MainDomainFiledByOtherSubject = taken });
    }
}
