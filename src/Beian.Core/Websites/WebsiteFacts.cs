using Beian.Core.Filing;
using Beian.Core.Subjects;

namespace Beian.Core.Websites;

/// <summary>
/// Everything the website pre-check needs, as typed on step ② 网站基本信息 of 新办网站申请 /
/// 变更网站, plus the facts of the subject it is filed under and what the caller looked up.
/// </summary>
public sealed record WebsiteFacts
{
    // 开办主体

    public SubjectNature SubjectNature { get; init; }

    /// <summary>主办单位性质; null for a 个人 subject.</summary>
    public OrganisationKind? OrganisationKind { get; init; }

    /// <summary>主办单位名称 (or the 个人's name).</summary>
    public string? SubjectName { get; init; }

    /// <summary>
    /// A 国家级单位 (set by the caller, e.g. from the reviewer's record); a subject whose own name
    /// starts with 中国/中华/全国/国家 counts as national too.
    /// </summary>
    public bool SubjectIsNationalLevel { get; init; }

    // 网站信息

    /// <summary>网站名称.</summary>
    public string? Name { get; init; }

    /// <summary>是否有工信部备案号: null while "请选择".</summary>
    public bool? HasIcpNumber { get; init; }

    public string? IcpNumber { get; init; }

    /// <summary>网站开通日期.</summary>
    public DateOnly? OpenedOn { get; init; }

    /// <summary>The filing date (Beijing calendar day of the check).</summary>
    public DateOnly Today { get; init; }

    /// <summary>False for a site without a domain of its own that files its IPs (or URL) only.</summary>
    public bool HasDomain { get; init; } = true;

    /// <summary>主域名.</summary>
    public string? MainDomain { get; init; }

    /// <summary>从域名, in the form's order.</summary>
    public IReadOnlyList<string> SubDomains { get; init; } = [];

    /// <summary>IP entries: single addresses or start–end ranges.</summary>
    public IReadOnlyList<string> Ips { get; init; } = [];

    /// <summary>Computed by the caller: the registrable main domain is filed under another subject.</summary>
    public bool MainDomainFiledByOtherSubject { get; init; }

    /// <summary>服务类型, 互联网危险物品信息, 相关前置许可 and 网站语种: the declaration every business shares.</summary>
    public ServiceDeclarationFacts Services { get; init; } = new();

    /// <summary>The permit is ticked (only when 相关前置许可 is 是), whether or not its document is uploaded yet.</summary>
    public bool HasPermit(PrePermit permit) => Services.DeclaredPermits.Contains(permit);

    /// <summary>What the naming rules every business shares look at.</summary>
    public FilingNameFacts NameFacts => new()
    {
        SubjectNature = SubjectNature, OrganisationKind = OrganisationKind, SubjectName = SubjectName,
        SubjectIsNationalLevel = SubjectIsNationalLevel, Name = Name, DeclaredPermits = Services.DeclaredPermits,
        OwnDomains = [MainDomain, .. SubDomains],
    };
}

/// <summary>One ticked 危险物品 kind and whether its 资质证明 has been uploaded.</summary>
public sealed record DangerousGoodsEntry(DangerousGoods Kind, bool HasQualification);

/// <summary>One ticked 前置许可 and whether its 许可证明文件 has been uploaded.</summary>
public sealed record PrePermitEntry(PrePermit Kind, bool HasDocument);
