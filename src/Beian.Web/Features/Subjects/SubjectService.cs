using System.Text.Json;
using Beian.Core.Applications;
using Beian.Core.Accounts;
using Beian.Core.PoliceUnits;
using Beian.Core.Regions;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 新增主体, 变更主体 and 注销主体 as applications. Each submission is one transaction (the
/// subject, the application with its encrypted snapshot, the uploads it uses, the spent draft),
/// and a retried or double-clicked submission — same submission key — returns the first one.
/// </summary>
public sealed class SubjectService(
    BeianDbContext db,
    ApplicationSnapshots snapshots,
    PersonalDataProtector protector,
    DraftService drafts,
    UploadService uploads,
    IEnumerable<ISubjectArrivals> arrivals,
    TimeProvider clock)
{
    public const string PendingDocumentMessage = SubmissionCommit.PendingDocumentMessage;

    public async Task<SubmissionResult> SubmitNewAsync(string ownerUserId, SubjectForm form, IReadOnlyList<Finding> findings,
        Guid submissionKey, CancellationToken cancellationToken = default)
    {
        if (await ExistingAsync(ownerUserId, submissionKey, cancellationToken) is { } earlier) return SubmissionResult.Ok(earlier);
        var unit = Jurisdiction.UnitFor(form);
        if (unit == null) return SubmissionResult.Refused("无法根据所填地址确定管辖公安机关，请检查地址");

        var now = Now;
        var subject = Subject.NewPending(ownerUserId, new Filing.RecordStep(ownerUserId, now, "新增主体申请"));
        Store(subject, form, unit);
        var application = NewApplication(ownerUserId, BusinessType.NewSubject, subject.Id, form.DisplayName, unit, submissionKey, now);
        application.SnapshotCipher = snapshots.Seal(form);
        application.FindingsJson = JsonSerializer.Serialize(findings);
        db.Subjects.Add(subject);
        db.Applications.Add(application);
        foreach (var arrival in arrivals) await arrival.OnSubjectSubmittedAsync(subject, cancellationToken);
        return await db.CommitSubmissionAsync(application, async () =>
        {
            await uploads.AttachAsync(FileIds(form), ownerUserId, AttachmentKey(subject.Id), unit, cancellationToken);
            await drafts.DeleteAsync(ownerUserId, BusinessType.NewSubject, null, cancellationToken);
        }, cancellationToken);
    }

    public async Task<SubmissionResult> SubmitChangeAsync(string ownerUserId, Guid subjectId, SubjectForm form, IReadOnlyList<Finding> findings,
        Guid submissionKey, CancellationToken cancellationToken = default)
    {
        if (await ExistingAsync(ownerUserId, submissionKey, cancellationToken) is { } earlier) return SubmissionResult.Ok(earlier);
        var subject = await OwnedAsync(subjectId, ownerUserId, cancellationToken);
        if (subject == null) return SubmissionResult.Refused("主体不存在");
        if (await HasOpenApplicationAsync(subject.Id, BusinessType.ChangeSubject, cancellationToken))
            return SubmissionResult.Refused(PendingDocumentMessage);
        if (!subject.CanApply(SubjectEvent.ChangeSubmitted))
            return SubmissionResult.Refused($"主体处于“{subject.Status.Label()}”状态，不能变更");

        subject.BeginChange(new Filing.RecordStep(ownerUserId, Now, "变更主体申请"));
        var application = NewApplication(ownerUserId, BusinessType.ChangeSubject, subject.Id, form.DisplayName, subject.JurisdictionUnitCode, submissionKey, Now);
        application.SnapshotCipher = snapshots.Seal(form);
        application.PreviousSnapshotCipher = subject.DataCipher;
        application.FindingsJson = JsonSerializer.Serialize(findings);
        db.Applications.Add(application);
        return await db.CommitSubmissionAsync(application, async () =>
        {
            await uploads.AttachAsync(FileIds(form), ownerUserId, AttachmentKey(subject.Id), subject.JurisdictionUnitCode, cancellationToken);
            await drafts.DeleteAsync(ownerUserId, BusinessType.ChangeSubject, subject.Id, cancellationToken);
        }, cancellationToken);
    }

    public async Task<SubmissionResult> SubmitCancellationAsync(string ownerUserId, Guid subjectId, CancellationRequest request,
        Guid submissionKey, CancellationToken cancellationToken = default)
    {
        if (await ExistingAsync(ownerUserId, submissionKey, cancellationToken) is { } earlier) return SubmissionResult.Ok(earlier);
        var subject = await OwnedAsync(subjectId, ownerUserId, cancellationToken);
        if (subject == null) return SubmissionResult.Refused("主体不存在");
        if (await HasOpenApplicationAsync(subject.Id, null, cancellationToken))
            return SubmissionResult.Refused(PendingDocumentMessage);
        if (!subject.CanApply(SubjectEvent.CancelSubmitted))
            return SubmissionResult.Refused($"主体处于“{subject.Status.Label()}”状态，不能注销");

        subject.BeginCancel(new Filing.RecordStep(ownerUserId, Now, "注销主体申请"));
        var application = NewApplication(ownerUserId, BusinessType.CancelSubject, subject.Id, subject.Name, subject.JurisdictionUnitCode, submissionKey, Now);
        application.SnapshotCipher = snapshots.Seal(request);
        db.Applications.Add(application);
        return await db.CommitSubmissionAsync(application, async () =>
        {
            if (request.AttachmentFileId is { } file)
                await uploads.AttachAsync([file], ownerUserId, AttachmentKey(subject.Id), subject.JurisdictionUnitCode, cancellationToken);
        }, cancellationToken);
    }

    public Task<Subject?> OwnedAsync(Guid subjectId, string ownerUserId, CancellationToken cancellationToken = default) =>
        db.Subjects.FirstOrDefaultAsync(s => s.Id == subjectId && s.OwnerUserId == ownerUserId, cancellationToken);

    public SubjectForm Read(Subject subject) => snapshots.Open<SubjectForm>(subject.DataCipher);

    /// <summary>Writes the form into the subject: the encrypted whole and the look-up columns.</summary>
    public void Store(Subject subject, SubjectForm form, string jurisdictionUnitCode)
    {
        subject.Nature = form.Nature!.Value;
        subject.Name = form.DisplayName;
        subject.DataCipher = snapshots.Seal(form);
        var certificate = form.IsOrganisation ? form.Organisation.CertificateNumber : form.Principal.CertificateNumber;
        subject.CertificateHash = protector.Hash(certificate ?? string.Empty);
        subject.PrincipalCertificateHash = protector.Hash(form.Principal.CertificateNumber ?? string.Empty);
        subject.PrincipalMobileHash = protector.Hash(MobileNumber.Normalize(form.Principal.Mobile));
        subject.JurisdictionUnitCode = jurisdictionUnitCode;
    }

    public static string AttachmentKey(Guid subjectId) => $"subject:{subjectId}";

    public static IEnumerable<Guid> FileIds(SubjectForm form) =>
        new[] { form.Organisation.LicenceFileId, form.Principal.IdFrontFileId, form.Principal.IdBackFileId, form.Principal.IdHandheldFileId }
            .Where(id => id != null && (form.IsOrganisation || id != form.Organisation.LicenceFileId))
            .Select(id => id!.Value);

    private Task<bool> HasOpenApplicationAsync(Guid subjectId, BusinessType? type, CancellationToken cancellationToken) =>
        db.Applications.AnyAsync(a => a.SubjectId == subjectId
            && (type == null ? a.BusinessType == BusinessType.ChangeSubject || a.BusinessType == BusinessType.CancelSubject : a.BusinessType == type)
            && OpenStatuses.All.Contains(a.Status), cancellationToken);

    private Task<FilingApplication?> ExistingAsync(string ownerUserId, Guid submissionKey, CancellationToken cancellationToken) =>
        db.Applications.BySubmissionKeyAsync(ownerUserId, submissionKey, cancellationToken);

    private static FilingApplication NewApplication(string ownerUserId, BusinessType type, Guid subjectId, string title, string unit, Guid key, DateTime now) =>
        FilingApplication.Submit(ownerUserId, type, subjectId, null, title, unit, key, now);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

public sealed record SubmissionResult(FilingApplication? Application, string? Error)
{
    public bool Succeeded => Application != null;
    public static SubmissionResult Ok(FilingApplication application) => new(application, null);
    public static SubmissionResult Refused(string error) => new(null, error);
}

/// <summary>管辖地 (004 特别声明 1): 单位 by the office address, 个人 by the residence.</summary>
public static class Jurisdiction
{
    public static string? UnitFor(SubjectForm form)
    {
        var code = form.JurisdictionAddress.RegionCode(RegionCatalog.Default);
        return code == null ? null : PoliceUnitCatalog.Default.CountyUnitFor(code)?.Code;
    }
}
