using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Messages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Applications;

/// <summary>
/// The SMS and site message of every decision (seed 002 八). The approval SMS names the reviewing
/// unit and its contact phone (seed 001 十一).
/// </summary>
public sealed class ApplicationNotices(BeianDbContext db, Notifier notifier, AccountLookup accounts)
{
    public async Task ApprovedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var unit = await db.PoliceUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == application.JurisdictionUnitCode, cancellationToken);
        var contact = unit == null ? string.Empty : $"如有疑问请联系{unit.Name}，电话{unit.ContactPhone}。";
        var text = $"您的{application.BusinessType.Label()}申请（{application.Number}）已审核通过。{contact}";
        await NotifyAsync(application, $"{application.BusinessType.Label()}申请已通过", text, cancellationToken);
    }

    public Task ReturnedAsync(FilingApplication application, string reasons, CancellationToken cancellationToken)
    {
        var text = $"您的{application.BusinessType.Label()}申请（{application.Number}）已被退回，退回原因：{reasons}。请登录平台修改后重新提交。";
        return NotifyAsync(application, $"{application.BusinessType.Label()}申请已退回", text, cancellationToken);
    }

    private async Task NotifyAsync(FilingApplication application, string title, string text, CancellationToken cancellationToken)
    {
        var owner = await db.Users.FirstOrDefaultAsync(u => u.Id == application.OwnerUserId, cancellationToken);
        var mobile = owner == null ? null : accounts.MobileOf(owner);
        notifier.Notify(application.OwnerUserId, title, text, mobile, text);
    }
}
