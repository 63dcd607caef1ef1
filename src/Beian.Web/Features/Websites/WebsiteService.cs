using System.Text.Json;
using Beian.Core.Applications;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>The content of a 注销网站 application.</summary>
public sealed class WebsiteCancellation
{
    public string PrincipalName { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public Guid? AttachmentFileId { get; set; }
    /// <summary>What the probe found on the main domain when the cancellation was asked for.</summary>
    public string ProbeResult { get; set; } = string.Empty;
}

/// <summary>
/// 新办网站申请, 变更网站 and 注销网站 as applications. A subject still 待审核 goes to the police
/// with its first website: its own 新增主体 application waits in the same queue. One transaction
/// per submission, and a retried submission (same key) returns the first one.
/// </summary>
public sealed class WebsiteService(
    BeianDbContext db,
    ApplicationSnapshots snapshots,
    DraftService drafts,
    UploadService uploads,
    TimeProvider clock)
{
    public async Task<SubmissionResult> SubmitNewAsync(string ownerUserId, Subject subject, WebsiteForm form, IReadOnlyList<Finding> findings,
        Guid submissionKey, CancellationToken cancellationToken = default)
    {
        var earlier = await db.Applications.BySubmissionKeyAsync(ownerUserId, submissionKey, cancellationToken);
        if (earlier != null) return SubmissionResult.Ok(earlier);
        if (subject.OwnerUserId != ownerUserId || !SubjectStateMachine.AcceptsNewBusiness(subject.Status))
            return SubmissionResult.Refused($"主体处于“{subject.Status.Label()}”状态，不能办理新网站备案");

        var now = clock.GetUtcNow().UtcDateTime;
        var website = Website.NewPending(subject.Id, ownerUserId, now);
        Store(website, form, subject.JurisdictionUnitCode);
        var type = form.ClaimedFilingId != null ? BusinessType.ClaimWebsite : BusinessType.NewWebsite;
        var application = FilingApplication.Submit(ownerUserId, type, subject.Id, website.Id, website.Name,
            subject.JurisdictionUnitCode, submissionKey, now);
        application.SnapshotCipher = snapshots.Seal(form);
        application.FindingsJson = JsonSerializer.Serialize(findings.Concat(await ClaimFindingsAsync(form, subject, cancellationToken)));
        db.Websites.Add(website);
        db.Applications.Add(application);

        return await db.CommitSubmissionAsync(application, async () =>
        {
            await uploads.AttachAsync(FileIds(form), ownerUserId, AttachmentKey(website.Id), subject.JurisdictionUnitCode, cancellationToken);
            await drafts.DeleteAsync(ownerUserId, BusinessType.NewWebsite, subject.Id, cancellationToken);
        }, cancellationToken);
    }

    public const string PendingDocumentMessage = SubmissionCommit.PendingDocumentMessage;

    /// <summary>变更网站: the new content waits as an application; the site is 变更中 until reviewed.</summary>
    public async Task<SubmissionResult> SubmitChangeAsync(string ownerUserId, Website website, WebsiteForm form, IReadOnlyList<Finding> findings,
        Guid submissionKey, CancellationToken cancellationToken = default) =>
        await SubmitOnFiledSiteAsync(ownerUserId, website, BusinessType.ChangeWebsite, WebsiteEvent.ChangeSubmitted, submissionKey, application =>
        {
            application.SnapshotCipher = snapshots.Seal(form);
            application.PreviousSnapshotCipher = website.DataCipher;
            application.FindingsJson = JsonSerializer.Serialize(findings);
            return FileIds(form);
        }, cancellationToken);

    /// <summary>注销网站: 注销中 until reviewed; the probe's finding goes to the reviewer.</summary>
    public async Task<SubmissionResult> SubmitCancellationAsync(string ownerUserId, Website website, WebsiteCancellation request,
        Guid submissionKey, CancellationToken cancellationToken = default) =>
        await SubmitOnFiledSiteAsync(ownerUserId, website, BusinessType.CancelWebsite, WebsiteEvent.CancelSubmitted, submissionKey, application =>
        {
            application.SnapshotCipher = snapshots.Seal(request);
            return request.AttachmentFileId is { } file ? [file] : [];
        }, cancellationToken);

    private async Task<SubmissionResult> SubmitOnFiledSiteAsync(string ownerUserId, Website website, BusinessType type, WebsiteEvent happening,
        Guid submissionKey, Func<FilingApplication, IEnumerable<Guid>> fill, CancellationToken cancellationToken)
    {
        var earlier = await db.Applications.BySubmissionKeyAsync(ownerUserId, submissionKey, cancellationToken);
        if (earlier != null) return SubmissionResult.Ok(earlier);
        if (website.OwnerUserId != ownerUserId) return SubmissionResult.Refused("网站不存在");
        var open = await db.Applications.AnyAsync(a => a.TargetId == website.Id
            && OpenStatuses.All.Contains(a.Status), cancellationToken);
        if (open) return SubmissionResult.Refused(PendingDocumentMessage);
        if (!WebsiteStateMachine.CanApply(website.Status, happening))
            return SubmissionResult.Refused($"网站处于“{website.Status.Label()}”状态，不能办理该业务");

        website.Apply(happening);
        var application = FilingApplication.Submit(ownerUserId, type, website.SubjectId, website.Id, website.Name,
            website.JurisdictionUnitCode, submissionKey, clock.GetUtcNow().UtcDateTime);
        var files = fill(application).ToList();
        db.Applications.Add(application);
        return await db.CommitSubmissionAsync(application, () =>
            uploads.AttachAsync(files, ownerUserId, AttachmentKey(website.Id), website.JurisdictionUnitCode, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// A claim may be found by domain or number by anyone; whether the claimant is the original
    /// holder is the reviewer's call, helped by this comparison of the keyed certificate hashes.
    /// </summary>
    private async Task<IEnumerable<Finding>> ClaimFindingsAsync(WebsiteForm form, Subject subject, CancellationToken cancellationToken)
    {
        if (form.ClaimedFilingId is not { } id) return [];
        var filing = await db.Set<Unfiled.OfflineFiling>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (filing == null || filing.CertificateHash == subject.CertificateHash) return [];
        return [Finding.Warning("SITE-CLAIM-HOLDER", "BasicInfo.Name", $"认领的网站（{filing.NumberDisplay}）原开办者证件号码与当前主体不一致，请核实认领人是否为原开办者")];
    }

    public WebsiteForm Read(Website website) => snapshots.Open<WebsiteForm>(website.DataCipher);

    public void Store(Website website, WebsiteForm form, string jurisdictionUnitCode)
    {
        var info = form.BasicInfo;
        website.Name = info.Name?.Trim() ?? string.Empty;
        var hasDomain = info.HasDomain && DomainName.TryParse(info.MainDomain, out _);
        website.MainDomain = hasDomain ? DomainName.Parse(info.MainDomain!).Ascii : null;
        website.RegistrableDomain = hasDomain ? DomainName.Parse(info.MainDomain!).RegistrableDomain.Ascii : null;
        website.Interactive = info.ProvidesInteractiveServices == true;
        website.DataCipher = snapshots.Seal(form);
        website.JurisdictionUnitCode = jurisdictionUnitCode;
    }

    public static string AttachmentKey(Guid websiteId) => $"website:{websiteId}";

    public static IEnumerable<Guid> FileIds(WebsiteForm form)
    {
        var info = form.BasicInfo;
        var people = new[] { form.People.Principal, form.People.SecurityOfficer, form.People.EmergencyContact, form.People.OpinionGuide };
        return new[] { info.DomainCertificateFileId }
            .Concat(people.SelectMany(p => new[] { p.IdFrontFileId, p.IdBackFileId }))
            .Where(id => id != null).Select(id => id!.Value)
            .Concat(info.DangerousGoodsFiles.Values)
            .Concat(info.PrePermitFiles.Values)
            .Distinct();
    }
}
