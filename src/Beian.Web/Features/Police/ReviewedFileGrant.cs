using Beian.Web.Data;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Features.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>
/// A unit that was given an application by 改派 reads the files of that application's subject and
/// business, though they stay filed under the subject's own county.
/// </summary>
public sealed class ReviewedFileGrant(BeianDbContext db) : IFileReadGrant
{
    public async Task<bool> GrantsAsync(StoredFile file, string officerUnitCode, CancellationToken cancellationToken)
    {
        if (file.AttachedTo is not { } key || !TryRecordOf(key, out var recordId)) return false;
        var scope = PoliceJurisdiction.CodesWithin(officerUnitCode);
        var applications = db.Applications.AsNoTracking().Where(a => a.SubjectId == recordId || a.TargetId == recordId);
        if (scope != null) applications = applications.Where(a => scope.Contains(a.JurisdictionUnitCode));
        return await applications.AnyAsync(cancellationToken);
    }

    /// <summary>"subject:…", "website:…", "app:…": the record a file is attached to (a subject or a business).</summary>
    private static bool TryRecordOf(string attachedTo, out Guid recordId)
    {
        recordId = Guid.Empty;
        var colon = attachedTo.IndexOf(':');
        return colon > 0 && Guid.TryParse(attachedTo[(colon + 1)..], out recordId);
    }
}
