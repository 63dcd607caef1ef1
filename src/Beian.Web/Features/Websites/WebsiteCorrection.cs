using System.Text.Json;
using Beian.Core.Applications;
using Beian.Core.Rules;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>
/// A returned 新办网站, 网站认领 or 变更网站 corrected and resubmitted: the same application goes back
/// to the queue with the corrected content (a new site's record is updated at once; a change waits
/// for approval as before).
/// </summary>
public sealed class WebsiteCorrection(
    BeianDbContext db,
    ApplicationService applications,
    WebsiteService websites,
    ApplicationSnapshots snapshots,
    UploadService uploads)
{
    public static readonly BusinessType[] Correctable = [BusinessType.NewWebsite, BusinessType.ClaimWebsite, BusinessType.ChangeWebsite];

    public Task<FilingApplication?> ReturnedAsync(Guid applicationId, string ownerUserId, CancellationToken cancellationToken = default) =>
        applications.ReturnedForOwnerAsync(applicationId, ownerUserId, Correctable, cancellationToken);

    public WebsiteForm Submitted(FilingApplication application) => snapshots.Open<WebsiteForm>(application.SnapshotCipher);

    public Task<DecisionResult> ResubmitAsync(Guid applicationId, string ownerUserId, WebsiteForm form, IReadOnlyList<Finding> findings,
        CancellationToken cancellationToken = default) =>
        applications.ResubmitAsync(applicationId, ownerUserId, async application =>
        {
            var website = await db.Websites.FirstAsync(w => w.Id == application.TargetId && w.OwnerUserId == ownerUserId, cancellationToken);
            application.SnapshotCipher = snapshots.Seal(form);
            application.FindingsJson = JsonSerializer.Serialize(findings);
            application.Title = form.BasicInfo.Name?.Trim() ?? application.Title;
            if (application.BusinessType != BusinessType.ChangeWebsite) websites.Store(website, form, website.JurisdictionUnitCode);
            await uploads.AttachAsync(WebsiteService.FileIds(form), ownerUserId, WebsiteService.AttachmentKey(website.Id),
                website.JurisdictionUnitCode, cancellationToken);
        }, cancellationToken);
}
