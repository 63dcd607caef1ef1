using Beian.Core.Rules;
using static Beian.Core.Websites.WebsiteRuleCodes;

namespace Beian.Core.Websites;

/// <summary>
/// 互联网危险物品信息 and 相关前置许可 (seed 002 ⑤: 均需要上传相应的资质证明文件以备核实):
/// 是 needs at least one kind, and every ticked kind its uploaded proof.
/// </summary>
internal static class UploadedProofRules
{
    public static IEnumerable<Finding> CheckDangerousGoods(WebsiteFacts facts)
    {
        const string field = WebsiteFields.DangerousGoods;
        if (!facts.PublishesDangerousGoods) yield break;
        if (facts.DangerousGoods.Count == 0)
        {
            yield return Finding.Error(DangerousGoodsKindRequired, field, "提供涉及管制物品信息发布服务的，请至少勾选一项危险物品类别");
        }
        foreach (var entry in facts.DangerousGoods.DistinctBy(entry => entry.Kind).Where(entry => !entry.HasQualification))
        {
            yield return Finding.Error(DangerousGoodsQualification, field, $"请上传{entry.Kind.DisplayName()}的资质证明");
        }
    }

    public static IEnumerable<Finding> CheckPrePermits(WebsiteFacts facts)
    {
        const string field = WebsiteFields.PrePermits;
        if (!facts.HasPrePermits) yield break;
        if (facts.PrePermits.Count == 0)
        {
            yield return Finding.Error(PrePermitKindRequired, field, "有相关前置许可的，请至少勾选一项前置许可类别");
        }
        foreach (var entry in facts.PrePermits.DistinctBy(entry => entry.Kind).Where(entry => !entry.HasDocument))
        {
            yield return Finding.Error(PrePermitDocument, field, $"请上传{entry.Kind.DisplayName()}前置许可的证明文件");
        }
    }
}
