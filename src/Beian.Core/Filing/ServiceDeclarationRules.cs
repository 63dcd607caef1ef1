using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;

namespace Beian.Core.Filing;

/// <summary>
/// 服务类型, 互联网危险物品信息, 相关前置许可 and 语种 as declared on step ② of any business (seed 003):
/// the part websites, APPs and 小程序 share. Who files the business is not repeated here: the rules are
/// handed the subject's nature from the business's own facts.
/// </summary>
public sealed record ServiceDeclarationFacts
{
    /// <summary>是否提供互联网交互服务.</summary>
    public bool ProvidesInteractiveServices { get; init; }

    public IReadOnlyList<ServiceType> ServiceTypes { get; init; } = [];

    /// <summary>是否提供涉及管制物品信息发布服务.</summary>
    public bool PublishesDangerousGoods { get; init; }

    public IReadOnlyList<DangerousGoodsEntry> DangerousGoods { get; init; } = [];

    public bool HasPrePermits { get; init; }

    public IReadOnlyList<PrePermitEntry> PrePermits { get; init; } = [];

    public IReadOnlyList<SiteLanguage> Languages { get; init; } = [];

    /// <summary>The permits ticked (only when 相关前置许可 is 是), whether or not their document is uploaded yet.</summary>
    public IReadOnlySet<PrePermit> DeclaredPermits =>
        HasPrePermits ? PrePermits.Select(entry => entry.Kind).ToHashSet() : new HashSet<PrePermit>();
}

/// <summary>
/// 服务类型 (seed 003; seed 000 第二步 2): 是否提供互联网交互服务 = 是 needs at least one type; ticking
/// an interactive type (论坛bbs, 聊天室, 博客 …) with 否 is an Error, because the answer decides whether
/// the business needs 面审 or 实地检查; 单位门户网站 for a 个人 and 论坛bbs without 电子公告 are warnings.
/// 互联网危险物品信息 and 相关前置许可 (seed 002 ⑤: 均需要上传相应的资质证明文件以备核实): 是 needs at
/// least one kind, and every ticked kind its uploaded proof. 语种: at least one.
/// </summary>
public static class ServiceDeclarationRules
{
    /// <param name="subjectNature">The nature of the subject filing the business (单位门户网站 suits a 单位 only).</param>
    public static IEnumerable<Finding> Check(ServiceDeclarationFacts facts, SubjectNature subjectNature, BusinessWording wording) =>
        Check(facts, subjectNature, wording, WebsiteKeywords.Default);

    public static IEnumerable<Finding> Check(ServiceDeclarationFacts facts, SubjectNature subjectNature, BusinessWording wording, WebsiteKeywords keywords) =>
        ServiceTypes(facts, subjectNature, wording, keywords).Concat(DangerousGoods(facts, wording)).Concat(PrePermits(facts, wording)).Concat(Languages(facts, wording));

    private static IEnumerable<Finding> ServiceTypes(ServiceDeclarationFacts facts, SubjectNature subjectNature, BusinessWording wording, WebsiteKeywords keywords)
    {
        const string field = WebsiteFields.ServiceTypes;
        var types = facts.ServiceTypes.Distinct().ToList();
        if (facts.ProvidesInteractiveServices && types.Count == 0)
            yield return Finding.Error(wording.Code("SERVICE-TYPE-REQUIRED"), field, "提供互联网交互服务的，请至少勾选一项服务类型");
        var interactive = types.Where(keywords.InteractiveServiceTypes.Contains).ToList();
        if (!facts.ProvidesInteractiveServices && interactive.Count > 0)
        {
            var names = string.Join("、", interactive.Select(type => type.DisplayName()));
            yield return Finding.Error(wording.Code("SERVICE-INTERACTIVE"), field, $"已勾选交互式服务（{names}），“是否提供互联网交互服务”应选择“是”");
        }
        if (subjectNature == SubjectNature.Individual && types.Contains(ServiceType.OrganisationPortal))
            yield return Finding.Warning(wording.Code("SERVICE-PORTAL-INDIVIDUAL"), field, "单位可选择单位门户网站，个人可选择博客/个人空间");
        if (types.Contains(ServiceType.Forum) && !facts.DeclaredPermits.Contains(PrePermit.ElectronicBulletin))
            yield return Finding.Warning(wording.Code("SERVICE-FORUM-PERMIT"), field, "提供论坛bbs服务的，需到省通信管理局办理电子公告专项备案，并在相关前置许可中勾选“电子公告”");
    }

    private static IEnumerable<Finding> DangerousGoods(ServiceDeclarationFacts facts, BusinessWording wording)
    {
        const string field = WebsiteFields.DangerousGoods;
        if (!facts.PublishesDangerousGoods) yield break;
        if (facts.DangerousGoods.Count == 0)
            yield return Finding.Error(wording.Code("DANGER-KIND-REQUIRED"), field, "提供涉及管制物品信息发布服务的，请至少勾选一项危险物品类别");
        foreach (var entry in facts.DangerousGoods.DistinctBy(entry => entry.Kind).Where(entry => !entry.HasQualification))
            yield return Finding.Error(wording.Code("DANGER-QUALIFICATION"), field, $"请上传{entry.Kind.DisplayName()}的资质证明");
    }

    private static IEnumerable<Finding> PrePermits(ServiceDeclarationFacts facts, BusinessWording wording)
    {
        const string field = WebsiteFields.PrePermits;
        if (!facts.HasPrePermits) yield break;
        if (facts.PrePermits.Count == 0)
            yield return Finding.Error(wording.Code("PERMIT-KIND-REQUIRED"), field, "有相关前置许可的，请至少勾选一项前置许可类别");
        foreach (var entry in facts.PrePermits.DistinctBy(entry => entry.Kind).Where(entry => !entry.HasDocument))
            yield return Finding.Error(wording.Code("PERMIT-DOCUMENT"), field, $"请上传{entry.Kind.DisplayName()}前置许可的证明文件");
    }

    private static IEnumerable<Finding> Languages(ServiceDeclarationFacts facts, BusinessWording wording)
    {
        if (facts.Languages.Count == 0)
            yield return Finding.Error(wording.Code("LANGUAGE-REQUIRED"), WebsiteFields.Languages, $"请至少选择一种{wording.Noun}语种");
    }
}
