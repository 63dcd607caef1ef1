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
/// waiting applications and every business waiting with it (each through its own capability) to that county's unit.
/// </summary>
public sealed class SubjectCorrection(
    BeianDbContext db,
    ApplicationService applications,
    SubjectService subjects,
    UploadService uploads,
    IEnumerable<ISubjectDependents> dependents)
{
    public static readonly BusinessType[] Correctable = [BusinessType.NewSubject, BusinessType.ChangeSubject];

    /// <summary>The owner's returned application that this page corrects, with its submitted form; or null.</summary>
    public Task<(FilingApplication Application, SubjectForm Form)?> ReturnedAsync(Guid applicationId, string ownerUserId,
        CancellationToken cancellationToken = default) =>
        applications.ReturnedFormAsync<SubjectForm>(applicationId, ownerUserId, Correctable, cancellationToken);

    public Task<DecisionResult> ResubmitAsync(Guid applicationId, string ownerUserId, SubjectForm form, IReadOnlyList<Finding> findings,
        CancellationToken cancellationToken = default) =>
        applications.ResubmitAsync(applicationId, ownerUserId, form, findings, form.DisplayName, async application =>
        {
            var subject = await db.Subjects.FirstAsync(s => s.Id == application.SubjectId && s.OwnerUserId == ownerUserId, cancellationToken);
            var unit = subject.JurisdictionUnitCode;
            if (application.BusinessType == BusinessType.NewSubject)
            {
                unit = Jurisdiction.UnitFor(form) ?? unit;
                if (unit != subject.JurisdictionUnitCode) await MoveWaitingAsync(subject.Id, unit, cancellationToken);
                subjects.Store(subject, form, unit);
            }
            await uploads.AttachAsync(SubjectService.FileIds(form), ownerUserId, SubjectService.AttachmentKey(subject.Id), unit, cancellationToken);
        }, cancellationToken);

    private async Task MoveWaitingAsync(Guid subjectId, string unit, CancellationToken cancellationToken)
    {
        await applications.MoveToJurisdictionAsync(subjectId, unit, cancellationToken);
        foreach (var dependent in dependents) await dependent.MoveToJurisdictionAsync(subjectId, unit, cancellationToken);
        await uploads.SetJurisdictionAsync(SubjectService.AttachmentKey(subjectId), unit, cancellationToken);
    }
}
