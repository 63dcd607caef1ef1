using Beian.Core.ReferenceData;

namespace Beian.Core.Subjects;

/// <summary>
/// The word lists behind the subject rules, kept as data in the embedded
/// ReferenceData/subject-keywords.json ("keyword lists are data, not code").
/// </summary>
public sealed record SubjectKeywords
{
    public const string FileName = "subject-keywords.json";

    private static readonly Lazy<SubjectKeywords> LazyDefault = new(() => EmbeddedReferenceData.Read<SubjectKeywords>(FileName));

    public static SubjectKeywords Default => LazyDefault.Value;

    /// <summary>Whole names that are not names: 个人, 无, 不详, 测试, 管理员 …</summary>
    public IReadOnlyList<string> PlaceholderNames { get; init; } = [];

    /// <summary>Words that make any name fake wherever they appear: 某某, 先生, 小姐 …</summary>
    public IReadOnlyList<string> FakeNameWords { get; init; } = [];

    /// <summary>A surname followed by one of these is a form of address, not a name: 王总, 李老师.</summary>
    public IReadOnlyList<string> HonorificSuffixes { get; init; } = [];

    /// <summary>Words that mark an organisation: 公司, 工作室, 中心, 协会 …</summary>
    public IReadOnlyList<string> OrganisationWords { get; init; } = [];

    /// <summary>Single characters that end or mark organisation names (局, 院, 所, 店 …).</summary>
    public IReadOnlyList<string> OrganisationCharacters { get; init; } = [];

    /// <summary>Name endings of enterprises: 有限公司, 公司, 集团, 厂, 店 …</summary>
    public IReadOnlyList<string> EnterpriseSuffixes { get; init; } = [];

    /// <summary>Words that show a person was typed as an organisation name: 个人, 先生, 女士 …</summary>
    public IReadOnlyList<string> PersonalWordsInOrganisationName { get; init; } = [];

    /// <summary>Top-level domains that reveal a domain typed as a name.</summary>
    public IReadOnlyList<string> DomainSuffixes { get; init; } = [];

    public IReadOnlyList<string> CommonSurnames { get; init; } = [];

    public IReadOnlyList<string> WellKnownTestMobiles { get; init; } = [];

    /// <summary>Urban precision: a number followed by 号, 栋, 室, 单元 …</summary>
    public IReadOnlyList<string> AddressPreciseMarkers { get; init; } = [];

    /// <summary>Rural precision: 村, 组, 社 …</summary>
    public IReadOnlyList<string> AddressRuralMarkers { get; init; } = [];

    /// <summary>乡, 镇 …: a rural marker counts in an address that names one (or ends with the marker).</summary>
    public IReadOnlyList<string> AddressRuralContext { get; init; } = [];

    /// <summary>Words containing a rural marker that are not rural (社区, 组团 …).</summary>
    public IReadOnlyList<string> AddressRuralExclusions { get; init; } = [];
}
