using Beian.Core.Rules;
using Beian.Core.Subjects;
using static Beian.Core.Websites.WebsiteRuleCodes;

namespace Beian.Core.Websites;

/// <summary>
/// 服务类型 (seed 003; seed 000 第二步 2): 是否提供互联网交互服务 = 是 needs at least one type;
/// ticking an interactive type (论坛bbs, 聊天室, 博客 …) with 否 is an Error, because the answer
/// decides whether the site needs 面审 or 实地检查; 单位门户网站 for a 个人 and 论坛bbs without
/// 电子公告 are warnings.
/// </summary>
internal static class ServiceTypeRules
{
    private const string Field = WebsiteFields.ServiceTypes;

    public static IEnumerable<Finding> Check(WebsiteFacts facts, WebsiteKeywords keywords)
    {
        var types = facts.ServiceTypes.Distinct().ToList();
        if (facts.ProvidesInteractiveServices && types.Count == 0)
        {
            yield return Finding.Error(ServiceTypeRequired, Field, "提供互联网交互服务的，请至少勾选一项服务类型");
        }
        var interactive = types.Where(keywords.InteractiveServiceTypes.Contains).ToList();
        if (!facts.ProvidesInteractiveServices && interactive.Count > 0)
        {
            var names = string.Join("、", interactive.Select(type => type.DisplayName()));
            yield return Finding.Error(ServiceInteractiveContradiction, Field,
                $"已勾选交互式服务（{names}），“是否提供互联网交互服务”应选择“是”");
        }
        if (facts.SubjectNature == SubjectNature.Individual && types.Contains(ServiceType.OrganisationPortal))
        {
            yield return Finding.Warning(ServicePortalForIndividual, Field, "单位可选择单位门户网站，个人可选择博客/个人空间");
        }
        if (types.Contains(ServiceType.Forum) && !facts.HasPermit(PrePermit.ElectronicBulletin))
        {
            yield return Finding.Warning(ServiceForumPermit, Field, "提供论坛bbs服务的，需到省通信管理局办理电子公告专项备案，并在相关前置许可中勾选“电子公告”");
        }
    }
}
