using Beian.Core.Applications;
using Beian.Core.Rules;
using Beian.Core.Websites;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>
/// The website's part of the shared filing machinery: its record's domain columns, its step ② check
/// (domains filed by another subject), 网站认领 (a claimed offline filing keeps its number) and
/// 未备案网站 (completed when filed), the 公共查询 projection, the liveness probe before 注销网站, and
/// opening the wizard from a pushed record.
/// </summary>
public sealed class WebsiteService(
    BusinessFilingServices services,
    WebsiteBusiness business,
    WebsiteChecks checks,
    WebsitePrefill prefill,
    IWebsiteProbe probe,
    Unfiled.UnfiledOutcomes unfiled,
    PublicQuery.PublicWebsiteProjection publicSites)
    : BusinessFiling<Website, WebsiteForm>(services)
{
    public const string PendingDocumentMessage = SubmissionCommit.PendingDocumentMessage;

    public override IBusiness Business => business;

    protected override Website NewRecord(Guid subjectId, string ownerUserId, RecordStep step) => Website.NewPending(subjectId, ownerUserId, step);

    protected override void Project(Website website, WebsiteForm form) => website.Project(form);

    protected override Task<IReadOnlyList<Finding>> CheckBasicInfoAsync(WebsiteForm form, Subject subject, SubjectForm subjectForm, Guid? recordId,
        CancellationToken cancellationToken) => checks.BasicInfoAsync(form, subject, subjectForm, recordId, cancellationToken);

    protected override BusinessType NewTypeOf(WebsiteForm form) => form.ClaimedFilingId != null ? BusinessType.ClaimWebsite : BusinessType.NewWebsite;

    /// <summary>
    /// A claim may be found by domain or number by anyone; whether the claimant is the original
    /// holder is the reviewer's call, helped by this comparison of the keyed certificate hashes.
    /// </summary>
    protected override async Task<IEnumerable<Finding>> SubmissionFindingsAsync(WebsiteForm form, Subject subject, CancellationToken cancellationToken)
    {
        if (form.ClaimedFilingId is not { } id) return [];
        var filing = await unfiled.FilingAsync(id, cancellationToken);
        if (filing == null || filing.CertificateHash == subject.CertificateHash) return [];
        return [Finding.Warning("SITE-CLAIM-HOLDER", "BasicInfo.Name", $"认领的网站（{filing.NumberDisplay}）原开办者证件号码与当前主体不一致，请核实认领人是否为原开办者")];
    }

    /// <summary>网站认领: the offline filing's number stays the site's number.</summary>
    protected override async Task<(string Digits, string Display)> NumberForAsync(FilingApplication application, WebsiteForm form, Website website,
        CancellationToken cancellationToken)
    {
        return application.BusinessType == BusinessType.ClaimWebsite
            ? await unfiled.ClaimAsync(form.ClaimedFilingId!.Value, website.SubjectId, website.Id, cancellationToken)
            : await base.NumberForAsync(application, form, website, cancellationToken);
    }

    protected override async Task OnFiledAsync(Website website, WebsiteForm form, FilingApplication application, CancellationToken cancellationToken)
    {
        if (form.UnfiledSiteId is { } unfiledSite) await unfiled.CompleteAsync(unfiledSite, website.Id, cancellationToken);
        await unfiled.SiteFiledAsync(website.Id, DomainsOf(form), cancellationToken);
        await publicSites.AddAsync(website, form, cancellationToken);
    }

    protected override async Task OnChangedAsync(Website website, WebsiteForm form, CancellationToken cancellationToken)
    {
        await unfiled.SiteFiledAsync(website.Id, DomainsOf(form), cancellationToken);
        await publicSites.ChangedAsync(website, form, cancellationToken);
    }

    /// <summary>主域名 and 从域名 as filed.</summary>
    private static List<DomainName> DomainsOf(WebsiteForm form) =>
        (form.BasicInfo.HasDomain ? [form.BasicInfo.MainDomain, .. form.BasicInfo.SubDomains] : Array.Empty<string?>())
            .Select(text => DomainName.TryParse(text, out var domain) ? domain : null).OfType<DomainName>().ToList();

    protected override Task OnRemovedAsync(Website website, CancellationToken cancellationToken) =>
        publicSites.RemoveAsync(website.Id, cancellationToken);

    public override Task OnSubjectChangedAsync(Subject subject, CancellationToken cancellationToken) =>
        publicSites.HolderChangedAsync(subject, cancellationToken);

    protected override string ApprovalLine(Website website) =>
        $"公安备案号：{website.NumberDisplay}，请自网站开通之日起30日内将备案号及备案编号HTML代码放置在网站首页底部";

    public override async Task<bool?> PrefillAsync(IBusinessForm form, IQueryCollection query, string userId) =>
        Guid.TryParse(query["unfiled"], out var unfiled) ? await prefill.FromUnfiledAsync((WebsiteForm)form, userId, unfiled)
        : Guid.TryParse(query["claim"], out var claim) ? await prefill.FromClaimAsync((WebsiteForm)form, claim)
        : null;

    public override string? OriginOf(IBusinessForm form) => form is WebsiteForm { ClaimedFilingId: not null }
        ? "您正在认领已在原平台备案的网站：请核对并补充网站信息后提交，审核通过后网站保留原公安备案号。"
        : form is WebsiteForm { UnfiledSiteId: not null }
            ? "您正在为公安机关推送的未备案网站办理备案：域名、IP和接入服务商已按推送信息预填，请核对后补充其余信息，并在整改期限前提交。"
            : null;

    /// <summary>Only a closed site can be cancelled (seed 004 §4.2.3): the probe's finding goes to the reviewer.</summary>
    public override async Task<(string? Refusal, string Finding)> CheckCancellationAsync(BusinessRecord record, CancellationToken cancellationToken)
    {
        var check = ((Website)record).MainDomain is { } domain
            ? await probe.CheckAsync(domain, cancellationToken)
            : new ProbeResult(ProbeOutcome.NotChecked, "无独立域名");
        return check.Outcome == ProbeOutcome.Answering
            ? ($"{check.Description}。只有已关闭的网站才能注销，请先关闭网站后再申请注销。", check.Description)
            : (null, check.Description);
    }
}
