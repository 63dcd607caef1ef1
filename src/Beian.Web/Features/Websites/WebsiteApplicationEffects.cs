using Beian.Core.Applications;
using Beian.Core.Numbering;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Numbering;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Websites;

/// <summary>
/// What decisions on 新办网站 do: approval files the site with a new 公安备案号 issued by the
/// reviewing unit's area code, in the approval's own transaction. Every decision that changes what
/// 公共查询 shows updates the public read tables in that same transaction.
/// </summary>
public sealed class WebsiteApplicationEffects(
    BeianDbContext db,
    FilingNumberAllocator numbers,
    WebsiteService websites,
    ApplicationSnapshots snapshots,
    Inspections.InspectionRecords inspections,
    PublicQuery.PublicWebsiteProjection publicSites,
    Uploads.UploadService uploads,
    TimeProvider clock)
    : IApplicationEffects, ISubjectDependents
{
    public IReadOnlyCollection<BusinessType> Handles { get; } =
        [BusinessType.NewWebsite, BusinessType.ClaimWebsite, BusinessType.ChangeWebsite, BusinessType.CancelWebsite];

    public const string InspectionRequiredMessage = "交互式网站须经面审或实地检查合格后才能审核通过，请先【要求面审】或【要求实地检查】并记录结果";

    /// <summary>An interactive site is filed only after a 面审 or 实地检查 found it 合格 (seed 000 第四步).</summary>
    public async Task<string?> RefuseApprovalAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        if (application.BusinessType != BusinessType.NewWebsite) return null;
        var website = await WebsiteOfAsync(application, cancellationToken);
        return website.Interactive && !await inspections.HasPassedAsync(application.Id, cancellationToken) ? InspectionRequiredMessage : null;
    }

    public async Task<string?> OnApprovedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var website = await WebsiteOfAsync(application, cancellationToken);
        switch (application.BusinessType)
        {
            case BusinessType.ChangeWebsite:
                var changed = snapshots.Open<WebsiteForm>(application.SnapshotCipher);
                websites.Store(website, changed, website.JurisdictionUnitCode);
                website.Apply(WebsiteEvent.ChangeClosed);
                await publicSites.ChangedAsync(website, changed, cancellationToken);
                return null;
            case BusinessType.CancelWebsite:
                website.Apply(WebsiteEvent.CancelApproved);
                website.CancelledAt = clock.GetUtcNow().UtcDateTime;
                await publicSites.RemoveAsync(website.Id, cancellationToken);
                return null;
        }
        var form = snapshots.Open<WebsiteForm>(application.SnapshotCipher);
        var (digits, display) = application.BusinessType == BusinessType.ClaimWebsite
            ? await ClaimedNumberAsync(form, website, cancellationToken)
            : await NewNumberAsync(application, cancellationToken);
        website.NumberDigits = digits;
        website.NumberDisplay = display;
        await CompleteUnfiledAsync(form, website, cancellationToken);
        website.FiledAt = clock.GetUtcNow().UtcDateTime;
        website.Apply(WebsiteEvent.NewApproved);
        await publicSites.AddAsync(website, form, cancellationToken);
        return $"“{website.Name}”的公安备案号为{display}，请自网站开通之日起30日内将备案号及备案编号HTML代码放置在网站首页底部";
    }

    public async Task OnResubmittedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var website = await WebsiteOfAsync(application, cancellationToken);
        switch (application.BusinessType)
        {
            case BusinessType.NewWebsite or BusinessType.ClaimWebsite:
                website.Apply(WebsiteEvent.NewResubmitted);
                break;
            case BusinessType.ChangeWebsite:
                website.Apply(WebsiteEvent.ChangeSubmitted);
                break;
            default:
                throw new IllegalTransitionException("注销申请被退回后请重新发起注销");
        }
    }

    public async Task OnReturnedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await WebsiteOfAsync(application, cancellationToken)).Apply(ClosingEvent(application.BusinessType, returned: true));

    public async Task OnRevokedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await WebsiteOfAsync(application, cancellationToken)).Apply(ClosingEvent(application.BusinessType, returned: false));

    private async Task<(string Digits, string Display)> NewNumberAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var number = await numbers.NextAsync(application.JurisdictionUnitCode, FilingCategory.Website, cancellationToken);
        return (number.Digits, number.Display);
    }

    /// <summary>网站认领: the offline filing's number stays the site's number.</summary>
    private async Task<(string Digits, string Display)> ClaimedNumberAsync(WebsiteForm form, Website website, CancellationToken cancellationToken)
    {
        var filing = await db.Set<Unfiled.OfflineFiling>().FirstAsync(f => f.Id == form.ClaimedFilingId, cancellationToken);
        if (filing.Status == Unfiled.OfflineFilingStatus.Claimed)
            throw new IllegalTransitionException($"{filing.NumberDisplay}已被认领，不能再次认领");
        filing.Status = Unfiled.OfflineFilingStatus.Claimed;
        filing.SubjectId = website.SubjectId;
        filing.ClaimedWebsiteId = website.Id;
        return (filing.NumberDigits, filing.NumberDisplay);
    }

    private async Task CompleteUnfiledAsync(WebsiteForm form, Website website, CancellationToken cancellationToken)
    {
        if (form.UnfiledSiteId is not { } id) return;
        var record = await db.Set<Unfiled.UnfiledSite>().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (record == null) return;
        record.Status = Unfiled.UnfiledSiteStatus.Completed;
        record.CompletedWebsiteId = website.Id;
    }

    private static WebsiteEvent ClosingEvent(BusinessType type, bool returned) => type switch
    {
        BusinessType.NewWebsite or BusinessType.ClaimWebsite => returned ? WebsiteEvent.NewReturned : WebsiteEvent.NewRevoked,
        BusinessType.ChangeWebsite => WebsiteEvent.ChangeClosed,
        _ => WebsiteEvent.CancelClosed,
    };

    /// <summary>An approved 注销主体 cancels every website of the subject with it.</summary>
    public async Task CancelAllOfAsync(Guid subjectId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var websites = await db.Websites.Where(w => w.SubjectId == subjectId).ToListAsync(cancellationToken);
        foreach (var website in websites.Where(w => WebsiteStateMachine.CanApply(w.Status, WebsiteEvent.SubjectCancelled)))
        {
            website.Apply(WebsiteEvent.SubjectCancelled);
            website.CancelledAt = nowUtc;
        }
    }

    /// <summary>接收主体: the subject's websites and their files belong to the receiver now.</summary>
    public async Task TransferAllOfAsync(Guid subjectId, string fromUserId, string toUserId, CancellationToken cancellationToken)
    {
        var websites = await db.Websites.Where(w => w.SubjectId == subjectId).ToListAsync(cancellationToken);
        websites.ForEach(w => w.OwnerUserId = toUserId);
        await uploads.TransferAsync(websites.Select(w => WebsiteService.AttachmentKey(w.Id)).ToList(), fromUserId, toUserId, cancellationToken);
    }

    private async Task<Website> WebsiteOfAsync(FilingApplication application, CancellationToken cancellationToken) =>
        await db.Websites.FirstAsync(w => w.Id == application.TargetId, cancellationToken);
}
