using Beian.Core.Time;

namespace Beian.Web.Features.Unfiled;

public sealed record UnfiledNotice(string Title, string Body, string Sms);

/// <summary>
/// What an owner is told when police imports reach their subject — at import when the subject is there, or when
/// the subject is submitted later — naming the sites (domains) concerned.
/// </summary>
public static class UnfiledNotices
{
    private const int NamesShown = 5;

    public static UnfiledNotice UnfiledSites(IReadOnlyList<string> domains, DateOnly? earliestDeadline)
    {
        var which = Names(domains);
        var by = earliestDeadline is { } d ? $"请于{d:yyyy年M月d日}前" : "请尽快";
        return new("未备案网站备案通知",
            $"公安机关发现{domains.Count}个与您的开办主体相关的网站尚未备案（{which}），{by}在“网站业务 > 未备案网站”中完成备案。逾期未备案的网站将由公安机关依法处理。",
            $"【公安联网备案】公安机关发现{domains.Count}个与您的开办主体相关的网站尚未备案（{which}），{by}登录平台在“未备案网站”中完成备案。");
    }

    public static UnfiledNotice UnfiledApps(IReadOnlyList<string> apps, DateOnly? earliestDeadline)
    {
        var which = Names(apps);
        var by = earliestDeadline is { } d ? $"请于{d:yyyy年M月d日}前" : "请尽快";
        return new("未备案APP备案通知",
            $"应用市场上报的{apps.Count}个与您的开办主体相关的APP尚未备案（{which}），{by}在“APP业务 > 未备案APP”中完成备案。逾期未备案的APP将由公安机关依法处理。",
            $"【公安联网备案】应用市场上报的{apps.Count}个与您的开办主体相关的APP尚未备案（{which}），{by}登录平台在“未备案APP”中完成备案。");
    }

    public static UnfiledNotice OfflineFilings(IReadOnlyList<string> domains)
    {
        var which = Names(domains);
        return new("网站认领通知",
            $"公安机关导入了{domains.Count}个您此前已在公安机关备案的网站（{which}），请在“网站业务 > 已办网站认领”中认领并完善备案信息后提交审核。未按时完成认领的网站有被关停的风险。",
            $"【公安联网备案】公安机关导入了{domains.Count}个您此前已备案的网站（{which}），请登录平台在“已办网站认领”中认领并完善备案信息。");
    }

    private static string Names(IReadOnlyList<string> domains) =>
        string.Join("、", domains.Take(NamesShown)) + (domains.Count > NamesShown ? "等" : "");
}
