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
/// reviewing unit's area code, in the approval's own transaction.
/// </summary>
public sealed class WebsiteApplicationEffects(
    BeianDbContext db,
    FilingNumberAllocator numbers,
    WebsiteService websites,
    ApplicationSnapshots snapshots,
    TimeProvider clock)
    : IApplicationEffects, ISubjectDependents
{
    public IReadOnlyCollection<BusinessType> Handles { get; } =
        [BusinessType.NewWebsite, BusinessType.ClaimWebsite, BusinessType.ChangeWebsite, BusinessType.CancelWebsite];

    public async Task OnApprovedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var website = await WebsiteOfAsync(application, cancellationToken);
        switch (application.BusinessType)
        {
            case BusinessType.ChangeWebsite:
                websites.Store(website, snapshots.Open<WebsiteForm>(application.SnapshotCipher), website.JurisdictionUnitCode);
                website.Apply(WebsiteEvent.ChangeClosed);
                return;
            case BusinessType.CancelWebsite:
                website.Apply(WebsiteEvent.CancelApproved);
                website.CancelledAt = clock.GetUtcNow().UtcDateTime;
                return;
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

    private async Task<Website> WebsiteOfAsync(FilingApplication application, CancellationToken cancellationToken) =>
        await db.Websites.FirstAsync(w => w.Id == application.TargetId, cancellationToken);
}
