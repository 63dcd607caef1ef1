using Beian.Core.Subjects;
using Beian.Core.Websites;

namespace Beian.Core.Filing;

/// <summary>
/// Who files a business and how it is named: what the naming rules of SPEC §10 (seed 000 第二步 1)
/// need, the same for a 网站名称, an APP名称 or a 小程序名称.
/// </summary>
public sealed record FilingNameFacts
{
    public SubjectNature SubjectNature { get; init; }

    /// <summary>主办单位性质; null for a 个人 subject.</summary>
    public OrganisationKind? OrganisationKind { get; init; }

    /// <summary>主办单位名称 (or the 个人's name).</summary>
    public string? SubjectName { get; init; }

    /// <summary>A 国家级单位, set by the caller; an organisation whose own name starts with 中国/中华/全国/国家 counts too.</summary>
    public bool SubjectIsNationalLevel { get; init; }

    public string? Name { get; init; }

    /// <summary>The domains of the business itself as typed (a website's 主域名 and 从域名): none as its name.</summary>
    public IReadOnlyList<string?> OwnDomains { get; init; } = [];

    /// <summary>The 前置许可 ticked (whether or not their documents are uploaded yet).</summary>
    public IReadOnlySet<PrePermit> DeclaredPermits { get; init; } = new HashSet<PrePermit>();

    public bool HasPermit(PrePermit permit) => DeclaredPermits.Contains(permit);
}

/// <summary>
/// How one business's findings are named: its rule-code prefix (SITE, APP …), its noun in messages
/// (网站, APP …) and the form field of its name.
/// </summary>
public sealed record BusinessWording(string CodePrefix, string Noun, string NameField)
{
    public static readonly BusinessWording Website = new("SITE", "网站", WebsiteFields.Name);

    public string Code(string rule) => $"{CodePrefix}-{rule}";
}
