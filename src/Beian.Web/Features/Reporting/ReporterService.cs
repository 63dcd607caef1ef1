using System.Text.Json;
using Beian.Core.Applications;
using Beian.Core.Regions;
using Beian.Core.Reporting;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Audit;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Reporting;

/// <summary>
/// 服务商业务 and 应用市场业务 for their holders: applying (an application of 业务类型 服务商申请 / 应用市场申请,
/// reviewed by the subject's jurisdiction), correcting it, the holder's list, and the API keys of an approved one.
/// </summary>
public sealed class ReporterService(BeianDbContext db, ApplicationSnapshots snapshots, AuditLog audit, TimeProvider clock)
{
    public const int MaxActiveKeys = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static BusinessType TypeOf(ReporterRole role) => role == ReporterRole.ServiceProvider ? BusinessType.ServiceProvider : BusinessType.AppStore;

    public static readonly IReadOnlyCollection<BusinessType> Types = [BusinessType.ServiceProvider, BusinessType.AppStore];

    public ReporterForm Read(Reporter reporter) => snapshots.Open<ReporterForm>(reporter.DataCipher);

    public Task<Reporter?> OwnedAsync(Guid id, string ownerUserId, CancellationToken cancellationToken = default) =>
        db.Set<Reporter>().FirstOrDefaultAsync(r => r.Id == id && r.OwnerUserId == ownerUserId, cancellationToken);

    /// <summary>我的服务商 / 我的应用市场: the owner's, newest first.</summary>
    public async Task<IReadOnlyList<Reporter>> OfOwnerAsync(string ownerUserId, ReporterRole role, CancellationToken cancellationToken = default) =>
        await db.Set<Reporter>().AsNoTracking().Where(r => r.OwnerUserId == ownerUserId && r.Role == role)
            .OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The pre-check of the form for this subject.</summary>
    public static IReadOnlyList<Finding> Check(ReporterForm form, Subject subject) =>
        ReporterRules.Check(form.Facts(subject.Nature == SubjectNature.Organisation), RegionCatalog.Default);

    /// <summary>【提交】: a reporter 待审核 with its application in one transaction; a retried submission with the same key returns the first.</summary>
    public async Task<SubmissionResult> ApplyAsync(string ownerUserId, Subject subject, ReporterForm form, IReadOnlyList<Finding> findings,
        Guid submissionKey, CancellationToken cancellationToken = default)
    {
        var earlier = await db.Applications.BySubmissionKeyAsync(ownerUserId, submissionKey, cancellationToken);
        if (earlier != null) return SubmissionResult.Ok(earlier);
        if (subject.OwnerUserId != ownerUserId || subject.Status is not (SubjectStatus.Valid or SubjectStatus.Changing)) return SubmissionResult.Refused("主体不存在或尚未审核通过");
        var live = ReporterStatuses.Live.ToArray();
        if (await db.Set<Reporter>().AnyAsync(r => r.SubjectId == subject.Id && r.Role == form.Role && live.Contains(r.Status), cancellationToken))
            return SubmissionResult.Refused($"该主体已申请{form.Role.Label()}，请在“我的{form.Role.Label()}”中查看");

        form.SubjectId = subject.Id;
        form.Normalize();
        var step = new RecordStep(ownerUserId, Now, TypeOf(form.Role).Label());
        var reporter = Reporter.Apply(subject.Id, ownerUserId, subject.Name, subject.JurisdictionUnitCode, form.Role, step);
        var sealedForm = snapshots.Seal(form);
        reporter.Fill(form, sealedForm);
        db.Add(reporter);
        var application = FilingApplication.Submit(ownerUserId, TypeOf(form.Role), subject.Id, reporter.Id, form.Title(subject.Name),
            subject.JurisdictionUnitCode, submissionKey, step.At);
        application.SnapshotCipher = sealedForm;
        application.FindingsJson = JsonSerializer.Serialize(findings);
        db.Applications.Add(application);
        return await db.CommitSubmissionAsync(application, () => Task.CompletedTask, cancellationToken);
    }

    /// <summary>A corrected application (修改后重新提交), normalised by the page before it was sealed: the reporter's content as corrected.</summary>
    public async Task ApplyCorrectionAsync(FilingApplication application, string ownerUserId, ReporterForm form, CancellationToken cancellationToken)
    {
        var reporter = await db.Set<Reporter>().FirstAsync(r => r.Id == application.TargetId && r.OwnerUserId == ownerUserId, cancellationToken);
        reporter.Fill(form, snapshots.Seal(form));
    }

    public async Task<IReadOnlyList<ReporterApiKey>> KeysOfAsync(Guid reporterId, CancellationToken cancellationToken = default) =>
        await db.Set<ReporterApiKey>().AsNoTracking().Where(k => k.ReporterId == reporterId)
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>【创建API密钥】: the key, to be shown once; null with the reason when it may not be created.</summary>
    public async Task<(ApiKeyText? Key, string? Error)> CreateKeyAsync(Reporter reporter, string userId, string? name, CancellationToken cancellationToken = default)
    {
        if (!reporter.MayReport) return (null, $"{reporter.Role.Label()}审核通过后才能创建API密钥");
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) return (null, "请填写密钥名称，例如“上报系统”");
        if (name.Length > 50) return (null, "密钥名称不能超过50个字");
        if (await db.Set<ReporterApiKey>().CountAsync(k => k.ReporterId == reporter.Id && k.RevokedAt == null, cancellationToken) >= MaxActiveKeys)
            return (null, $"最多同时使用{MaxActiveKeys}个API密钥，请先停用不再使用的密钥");
        var key = ApiKeyText.New();
        var row = new ReporterApiKey
        {
            Id = Guid.CreateVersion7(), ReporterId = reporter.Id, Name = name, Prefix = key.Prefix, Hash = key.Hash(), CreatedByUserId = userId, CreatedAt = Now,
        };
        db.Add(row);
        audit.Record(AuditActions.CreateApiKey, AuditObjectTypes.Reporter, reporter.Id.ToString(), detail: $"{name} {key}");
        await db.SaveChangesAsync(cancellationToken);
        return (key, null);
    }

    /// <summary>【停用】: the key is refused from now on; stopping a stopped key changes nothing.</summary>
    public async Task<bool> RevokeKeyAsync(Reporter reporter, Guid keyId, CancellationToken cancellationToken = default)
    {
        var key = await db.Set<ReporterApiKey>().FirstOrDefaultAsync(k => k.Id == keyId && k.ReporterId == reporter.Id, cancellationToken);
        if (key == null) return false;
        if (key.RevokedAt != null) return true;
        key.RevokedAt = Now;
        audit.Record(AuditActions.RevokeApiKey, AuditObjectTypes.Reporter, reporter.Id.ToString(), detail: $"{key.Name} {ApiKeyText.Display(key.Prefix)}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The approved reporter an API key belongs to, or null for an unknown, revoked or forged key, or a reporter no longer approved.</summary>
    public async Task<(Reporter Reporter, ReporterApiKey Key)?> AuthenticateAsync(string? keyText, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyText.TryParse(keyText, out var key)) return null;
        var row = await db.Set<ReporterApiKey>().FirstOrDefaultAsync(k => k.Prefix == key.Prefix, cancellationToken);
        if (row == null || row.RevokedAt != null || !key.Matches(row.Hash)) return null;
        var reporter = await db.Set<Reporter>().FirstOrDefaultAsync(r => r.Id == row.ReporterId, cancellationToken);
        if (reporter is not { MayReport: true }) return null;
        row.LastUsedAt = Now;
        return (reporter, row);
    }
}
