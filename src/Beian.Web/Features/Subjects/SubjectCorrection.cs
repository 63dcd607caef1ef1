using System.Text.Json;
using Beian.Core.Applications;
using Beian.Core.Rules;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// A returned 新增主体 or 变更主体 corrected and resubmitted: the same application goes back to the
/// queue with the corrected content. A corrected address in another county moves the subject, its
/// waiting businesses and their files to that county's unit.
/// </summary>
public sealed class SubjectCorrection(
    BeianDbContext db,
    ApplicationService applications,
    SubjectService subjects,
    ApplicationSnapshots snapshots,
    UploadService uploads)
{
    public static readonly BusinessType[] Correctable = [BusinessType.NewSubject, BusinessType.ChangeSubject];

    /// <summary>The owner's returned application that this page corrects, or null.</summary>
    public Task<FilingApplication?> ReturnedAsync(Guid applicationId, string ownerUserId, CancellationToken cancellationToken = default) =>
        applications.ReturnedForOwnerAsync(applicationId, ownerUserId, Correctable, cancellationToken);

    public SubjectForm Submitted(FilingApplication application) => snapshots.Open<SubjectForm>(application.SnapshotCipher);

    public Task<DecisionResult> ResubmitAsync(Guid applicationId, string ownerUserId, SubjectForm form, IReadOnlyList<Finding> findings,
        CancellationToken cancellationToken = default) =>
        applications.ResubmitAsync(applicationId, ownerUserId, async application =>
        {
            var subject = await db.Subjects.FirstAsync(s => s.Id == application.SubjectId && s.OwnerUserId == ownerUserId, cancellationToken);
            application.SnapshotCipher = snapshots.Seal(form);
            application.FindingsJson = JsonSerializer.Serialize(findings);
            application.Title = form.DisplayName;
            var unit = subject.JurisdictionUnitCode;
            if (application.BusinessType == BusinessType.NewSubject)
            {
                unit = Jurisdiction.UnitFor(form) ?? unit;
                if (unit != subject.JurisdictionUnitCode) await MoveWaitingBusinessesAsync(subject.Id, unit, cancellationToken);
                subjects.Store(subject, form, unit);
            }
            await uploads.AttachAsync(SubjectService.FileIds(form), ownerUserId, SubjectService.AttachmentKey(subject.Id), unit, cancellationToken);
        }, cancellationToken);

    private async Task MoveWaitingBusinessesAsync(Guid subjectId, string unit, CancellationToken cancellationToken)
    {
        var waiting = await db.Applications.Where(a => a.SubjectId == subjectId
            && (OpenStatuses.All.Contains(a.Status) || a.Status == ApplicationStatus.Returned)).ToListAsync(cancellationToken);
        waiting.ForEach(a => a.MoveToJurisdiction(unit));
        var websites = await db.Websites.Where(w => w.SubjectId == subjectId).ToListAsync(cancellationToken);
        foreach (var website in websites)
        {
            website.JurisdictionUnitCode = unit;
            await uploads.SetJurisdictionAsync(Websites.WebsiteService.AttachmentKey(website.Id), unit, cancellationToken);
        }
        await uploads.SetJurisdictionAsync(SubjectService.AttachmentKey(subjectId), unit, cancellationToken);
    }
}
