using System.ComponentModel.DataAnnotations;
using Beian.Core.IdentityNumbers;
using Beian.Core.Uploads;
using Beian.Core.Websites;
using Beian.Web.Features.Filing;
using Beian.Web.Infrastructure.Input;

namespace Beian.Web.Features.Websites;

/// <summary>
/// Everything 新办网站申请 collects over its four steps (SPEC §4, seed 003): the shared frame of
/// <see cref="BusinessForm{TBasic}"/> with ② 网站基本信息, and where the filing came from.
/// </summary>
public sealed class WebsiteForm : BusinessForm<WebsiteBasicInfo>
{
    /// <summary>The 未备案网站 record this filing completes, when it was opened from one.</summary>
    public Guid? UnfiledSiteId { get; set; }

    /// <summary>The offline filing claimed (已办网站认领): on approval the site keeps its number.</summary>
    public Guid? ClaimedFilingId { get; set; }
}

public sealed class WebsiteBasicInfo : ServiceDeclarationFields, IBasicInfo
{
    /// <summary>从域名 and 网站IP, one per line: room for some hundred lines.</summary>
    public const int ListMaxLength = 10000;

    [InputLimit(50)]
    [Display(Name = "网站名称")]
    public string? Name { get; set; }

    [Display(Name = "是否有工信部备案号")]
    public bool? HasIcpNumber { get; set; }

    [InputLimit(30)]
    [Display(Name = "ICP备案号")]
    public string? IcpNumber { get; set; }

    [Display(Name = "网站开通日期")]
    public DateOnly? OpenedOn { get; set; }

    /// <summary>False for a site without a domain of its own, which files its IPs.</summary>
    [Display(Name = "有独立域名")]
    public bool HasDomain { get; set; } = true;

    [InputLimit(DomainName.MaxLength)]
    [Display(Name = "主域名")]
    public string? MainDomain { get; set; }

    [Display(Name = "域名证书")]
    public Guid? DomainCertificateFileId { get; set; }

    /// <summary>从域名, one per line as typed.</summary>
    [InputLimit(ListMaxLength)]
    [Display(Name = "从域名")]
    public string? SubDomainsText { get; set; }

    /// <summary>IP addresses or start–end ranges, one per line as typed.</summary>
    [InputLimit(ListMaxLength)]
    [Display(Name = "网站IP")]
    public string? IpsText { get; set; }

    public ProviderChoice AccessProvider { get; set; } = new();

    [Display(Name = "网站接入方式")]
    public string? AccessMethod { get; set; }

    public ProviderChoice Registrar { get; set; } = new();


    public IReadOnlyList<string> SubDomains => Lines(SubDomainsText);

    public IReadOnlyList<string> Ips => Lines(IpsText);

    public IEnumerable<FileSlot> FileSlots() =>
        new[] { new FileSlot(WebsiteSlots.DomainCertificate, UploadPurpose.DomainCertificate, DomainCertificateFileId, id => DomainCertificateFileId = id,
                "BasicInfo.DomainCertificateFileId", "域名证书") }
            .Concat(ServiceDeclarations.FileSlots(this));

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

    [InputLimit(100)]
    [Display(Name = "名称")]
    public string? Name { get; set; }
}
