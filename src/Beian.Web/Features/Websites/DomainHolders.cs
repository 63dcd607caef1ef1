using Beian.Core.Filing;
using Beian.Core.Websites;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>Whether a live website (pending or filed) already holds a main domain's registrable domain.</summary>
public static class DomainHolders
{
    public static async Task<bool> AnyAsync(BeianDbContext db, string? mainDomain, Guid? exceptSubjectId, Guid? exceptWebsiteId,
        CancellationToken cancellationToken)
    {
        if (!DomainName.TryParse(mainDomain, out var domain)) return false;
        var registrable = domain.RegistrableDomain.Ascii;
        var live = FilingStateMachine.LiveStatuses.ToArray();
        return await db.Websites.AnyAsync(w => w.RegistrableDomain == registrable && live.Contains(w.Status)
            && w.SubjectId != exceptSubjectId && w.Id != exceptWebsiteId, cancellationToken);
    }
}
