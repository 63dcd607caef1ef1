using System.ComponentModel.DataAnnotations;
using Beian.Core.IdentityNumbers;
using Beian.Core.Websites;

namespace Beian.Web.Features.Websites;

/// <summary>
/// Everything 新办网站申请 collects over its four steps (SPEC §4, seed 003): ① the subject (by id,
/// shown read-only), ② 网站基本信息, ③ 网站负责人 and the other people, ④ the consent. The same
/// object is the wizard's draft, the application snapshot and the website's stored data.
/// </summary>
public sealed class WebsiteForm
{
    public Guid SubjectId { get; set; }

    /// <summary>The 未备案网站 record this filing completes, when it was opened from one.</summary>
    public Guid? UnfiledSiteId { get; set; }

    /// <summary>The offline filing claimed (已办网站认领): on approval the site keeps its number.</summary>
    public Guid? ClaimedFilingId { get; set; }

    public WebsiteBasicInfo BasicInfo { get; set; } = new();

    public WebsitePeople People { get; set; } = new();

    [Display(Name = "我已阅知上述告知事项，保证提交内容真实有效，承诺履行上述网络安全义务。")]
    public bool Consent { get; set; }
}

public sealed class WebsiteBasicInfo
{
    [Display(Name = "网站名称")]
    public string? Name { get; set; }

    [Display(Name = "是否有工信部备案号")]
    public bool? HasIcpNumber { get; set; }

    [Display(Name = "ICP备案号")]
    public string? IcpNumber { get; set; }

    [Display(Name = "网站开通日期")]
    public DateOnly? OpenedOn { get; set; }

    /// <summary>False for a site without a domain of its own, which files its IPs.</summary>
    [Display(Name = "有独立域名")]
    public bool HasDomain { get; set; } = true;

    [Display(Name = "主域名")]
    public string? MainDomain { get; set; }

    [Display(Name = "域名证书")]
    public Guid? DomainCertificateFileId { get; set; }

    /// <summary>从域名, one per line as typed.</summary>
    [Display(Name = "从域名")]
    public string? SubDomainsText { get; set; }

    /// <summary>IP addresses or start–end ranges, one per line as typed.</summary>
    [Display(Name = "网站IP")]
    public string? IpsText { get; set; }

    public ProviderChoice AccessProvider { get; set; } = new();

    [Display(Name = "网站接入方式")]
    public string? AccessMethod { get; set; }

    public ProviderChoice Registrar { get; set; } = new();

    [Display(Name = "是否提供互联网交互服务")]
    public bool? ProvidesInteractiveServices { get; set; }

    [Display(Name = "服务类型")]
    public List<ServiceType> ServiceTypes { get; set; } = [];

    [Display(Name = "是否提供涉及管制物品信息发布服务")]
    public bool? PublishesDangerousGoods { get; set; }

    public List<DangerousGoods> DangerousGoods { get; set; } = [];

    /// <summary>The 资质证明 file of each ticked kind.</summary>
    public Dictionary<DangerousGoods, Guid> DangerousGoodsFiles { get; set; } = [];

    [Display(Name = "是否有相关前置许可")]
    public bool? HasPrePermits { get; set; }

    public List<PrePermit> PrePermits { get; set; } = [];

    /// <summary>The 许可证明文件 of each ticked permit.</summary>
    public Dictionary<PrePermit, Guid> PrePermitFiles { get; set; } = [];

    [Display(Name = "网站语种")]
    public List<SiteLanguage> Languages { get; set; } = [];

    public IReadOnlyList<string> SubDomains => Lines(SubDomainsText);

    public IReadOnlyList<string> Ips => Lines(IpsText);

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split(['\n', '\r', ',', '，', ';', '；', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>网络接入服务商 / 域名注册服务商: 所属地区管辖, 所属区域, 名称 (picked from the list or typed).</summary>
public sealed class ProviderChoice
{
    [Display(Name = "所属地区管辖")]
    public string? Scope { get; set; }

    [Display(Name = "所属区域")]
    public string? RegionCode { get; set; }

    /// <summary>The provider picked with 【查询…服务商】; null when the name is typed by hand.</summary>
    public string? ProviderId { get; set; }

    [Display(Name = "名称")]
    public string? Name { get; set; }
}

/// <summary>③: 网站负责人, 网站安全负责人, 网站应急联络人 (7×24) and the optional 舆情引导员.</summary>
public sealed class WebsitePeople
{
    public SitePerson Principal { get; set; } = new();
    public SitePerson SecurityOfficer { get; set; } = new();
    public SitePerson EmergencyContact { get; set; } = new();

    [Display(Name = "填写舆情引导员")]
    public bool HasOpinionGuide { get; set; }

    public SitePerson OpinionGuide { get; set; } = new();
}

public sealed class SitePerson
{
    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [Display(Name = "证件类型")]
    public CertificateType? CertificateType { get; set; }

    [Display(Name = "证件号码")]
    public string? CertificateNumber { get; set; }

    [Display(Name = "证件有效期")]
    public DateOnly? CertificateValidUntil { get; set; }

    [Display(Name = "长期有效")]
    public bool CertificateLongTerm { get; set; }

    public Guid? IdFrontFileId { get; set; }

    public Guid? IdBackFileId { get; set; }

    [Display(Name = "手机号码")]
    public string? Mobile { get; set; }

    [Display(Name = "电子邮件地址")]
    public string? Email { get; set; }

    /// <summary>Two entries describe the same person when their certificate numbers match.</summary>
    public bool IsSamePersonAs(SitePerson other) =>
        !string.IsNullOrWhiteSpace(CertificateNumber)
        && string.Equals(CertificateNumber.Trim(), other.CertificateNumber?.Trim(), StringComparison.OrdinalIgnoreCase);
}
