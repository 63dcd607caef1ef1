using Beian.Core.ReferenceData;

namespace Beian.Core.Websites;

/// <summary>
/// The word lists behind the website rules, kept as data in the embedded
/// ReferenceData/website-keywords.json ("keyword lists are data, not code").
/// </summary>
public sealed record WebsiteKeywords
{
    public const string FileName = "website-keywords.json";

    private static readonly Lazy<WebsiteKeywords> LazyDefault = new(() => EmbeddedReferenceData.Read<WebsiteKeywords>(FileName));

    public static WebsiteKeywords Default => LazyDefault.Value;

    /// <summary>Whole names that are not names: 测试, test, 无, 暂无 ….</summary>
    public IReadOnlyList<string> PlaceholderNames { get; init; } = [];

    /// <summary>Words that make a name fake wherever they appear: 测试, test, 某某 ….</summary>
    public IReadOnlyList<string> FakeNameWords { get; init; } = [];

    /// <summary>Words a 个人 site may not be named with: 公司, 集团, 协会, 中心, 研究院, 官网 ….</summary>
    public IReadOnlyList<string> OrganisationWords { get; init; } = [];

    /// <summary>公共事务关键字 for government sites only: 人民政府, 公安, 监察, 法院 ….</summary>
    public IReadOnlyList<string> PublicAffairsWords { get; init; } = [];

    /// <summary>Name starts reserved for 国家级单位: 中国, 中华, 全国, 国家.</summary>
    public IReadOnlyList<string> NationalPrefixes { get; init; } = [];

    /// <summary>Words reserved for 国家级单位 anywhere in the name: 维权.</summary>
    public IReadOnlyList<string> NationalWords { get; init; } = [];

    /// <summary>Field words and the 前置许可 each needs (新闻 → 新闻, 学校 → 教育 …).</summary>
    public IReadOnlyList<PermitWords> PermitWords { get; init; } = [];

    /// <summary>Words that contain a field word but are not of the field (农药, 火药 …); removed before matching.</summary>
    public IReadOnlyList<string> PermitWordExclusions { get; init; } = [];

    /// <summary>Words that name a forum (论坛, 社区, BBS …): need 电子公告.</summary>
    public IReadOnlyList<string> ForumWords { get; init; } = [];

    /// <summary>A domain label containing one of these is a forum: "bbs".</summary>
    public IReadOnlyList<string> ForumDomainMarkers { get; init; } = [];

    /// <summary>Service types through which users publish or exchange information (交互式).</summary>
    public IReadOnlyList<ServiceType> InteractiveServiceTypes { get; init; } = [];
}

/// <summary>Words of one field and the 前置许可 a name with them needs.</summary>
public sealed record PermitWords(PrePermit Permit, IReadOnlyList<string> Words);
