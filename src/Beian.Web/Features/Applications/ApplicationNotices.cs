using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Messages;
using Beian.Web.Features.PoliceUnits;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Applications;

/// <summary>
/// The SMS and site message of every decision and inspection notice (seed 002 八), each naming the application
/// and the business it is about; an approval gives what it issued (the 公安备案号). The approval SMS
/// names the reviewing unit and its contact phone (seed 001 十一). Nothing is saved here: the
/// messages commit with the decision (the SMS through the outbox).
/// </summary>
public sealed class ApplicationNotices(BeianDbContext db, Notifier notifier)
{
    /// <summary>One notice for everything approved together (a subject with its first business).</summary>
    public async Task ApprovedAsync(IReadOnlyList<FilingApplication> approved, IReadOnlyList<string> details, CancellationToken cancellationToken)
    {
        var main = approved[^1];
        var what = string.Join("、", approved.Select(Named));
        var extra = details.Count == 0 ? "。" : "，" + string.Join("", details.Select(d => d.TrimEnd('。') + "。"));
        var text = $"您的{what}已审核通过{extra}{await ContactAsync(main, cancellationToken)}";
        await NotifyAsync(main, $"{main.BusinessType.ApplicationName()}已通过", text, sms: true, cancellationToken);
    }

    /// <summary>One notice for everything returned together; the first one's reasons cover them all.</summary>
    public async Task ReturnedAsync(IReadOnlyList<FilingApplication> returned, CancellationToken cancellationToken)
    {
        var main = returned[0];
        var what = string.Join("、", returned.Select(Named));
        var text = $"您的{what}已被退回，退回原因：{main.DecisionNote}。" +
                   $"请登录平台在“我的申请”中修改后重新提交。{await ContactAsync(main, cancellationToken)}";
        await NotifyAsync(main, $"{main.BusinessType.ApplicationName()}已退回", text, sms: true, cancellationToken);
    }

    /// <summary>要求面审 / 要求实地检查: the time, the place and what to bring, by SMS and site message.</summary>
    public async Task InspectionRequestedAsync(FilingApplication application, string kindLabel, string arrangement, CancellationToken cancellationToken)
    {
        var text = $"您的{Named(application)}需要进行{kindLabel}。{arrangement}" +
                   $"{await ContactAsync(application, cancellationToken)}";
        await NotifyAsync(application, $"{kindLabel}通知", text, sms: true, cancellationToken);
    }

    /// <summary>改派: the applicant's 审核单位 and its phone change; a site message is enough.</summary>
    public async Task ReassignedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var text = $"您的{Named(application)}已转由{await UnitNameAsync(application, cancellationToken)}审核。" +
                   $"{await ContactAsync(application, cancellationToken)}";
        await NotifyAsync(application, "审核单位变更", text, sms: false, cancellationToken);
    }

    /// <summary>"新办网站申请（小米科技官方网站，申请编号…）": the application's type and the business (网站, APP, 主体 …) by its name.</summary>
    public static string Named(FilingApplication application) =>
        $"{application.BusinessType.ApplicationName()}（{application.Title}，申请编号{application.Number}）";

    private async Task<string> ContactAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var unit = await UnitOfAsync(application, cancellationToken);
        return unit == null ? string.Empty : $"如有疑问请联系{unit.Name}，电话{unit.ContactPhone}。";
    }

    private async Task<string> UnitNameAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await UnitOfAsync(application, cancellationToken))?.Name ?? application.JurisdictionUnitCode;

    private Task<PoliceUnit?> UnitOfAsync(FilingApplication application, CancellationToken cancellationToken) =>
        db.PoliceUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == application.JurisdictionUnitCode, cancellationToken);

    private async Task NotifyAsync(FilingApplication application, string title, string text, bool sms, CancellationToken cancellationToken)
    {
        if (sms) await notifier.NotifyWithSmsAsync(application.OwnerUserId, title, text, cancellationToken);
        else notifier.Notify(application.OwnerUserId, title, text);
    }
}
