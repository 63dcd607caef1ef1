using Beian.Core.Rules;
using static Beian.Core.Websites.WebsiteRuleCodes;

namespace Beian.Core.Websites;

/// <summary>
/// 网站开通日期: required, not after the filing day, and a warning when the site is filed more
/// than 30 days after opening (公安部令第33号 第十二条; seeds 001 and 003).
/// </summary>
internal static class OpeningDateRules
{
    public const int FilingPeriodDays = 30;

    private const string Field = WebsiteFields.OpenedOn;

    public static IEnumerable<Finding> Check(WebsiteFacts facts)
    {
        if (facts.OpenedOn is not { } opened)
        {
            yield return Finding.Error(OpenedOnRequired, Field, "请填写网站开通日期");
            yield break;
        }
        if (opened > facts.Today)
        {
            yield return Finding.Error(OpenedOnFuture, Field, "网站开通日期不能晚于今天");
            yield break;
        }
        var days = facts.Today.DayNumber - opened.DayNumber;
        if (days > FilingPeriodDays)
        {
            yield return Finding.Warning(OpenedOnLate, Field,
                $"根据公安部令第33号第十二条，网站开通之日起30日内应办理备案手续；本网站已开通{days}天，超过备案期限");
        }
    }
}
