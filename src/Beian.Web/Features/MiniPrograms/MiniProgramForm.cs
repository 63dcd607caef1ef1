using System.ComponentModel.DataAnnotations;
using Beian.Core.MiniPrograms;
using Beian.Core.Websites;
using Beian.Web.Features.Filing;

namespace Beian.Web.Features.MiniPrograms;

/// <summary>新办小程序申请 (SPEC §5): the shared frame of <see cref="BusinessForm{TBasic}"/> with ② 小程序基本信息.</summary>
public sealed class MiniProgramForm : BusinessForm<MiniProgramBasicInfo>;

public sealed class MiniProgramBasicInfo : IServiceInfo
{
    [Display(Name = "小程序名称")]
    public string? Name { get; set; }

    [Display(Name = "功能介绍")]
    public string? Introduction { get; set; }

    [Display(Name = "所属平台")]
    public MiniProgramPlatform? Platform { get; set; }

    /// <summary>平台名称 of a 小程序 on another platform (所属平台 = 其他).</summary>
    [Display(Name = "平台名称")]
    public string? PlatformName { get; set; }

    [Display(Name = "AppID")]
    public string? AppId { get; set; }

    [Display(Name = "版本信息")]
    public List<ServiceVersion> Versions { get; set; } = [];

    [Display(Name = "是否有工信部备案号")]
    public bool? HasIcpNumber { get; set; }

    [Display(Name = "工信部备案号")]
    public string? IcpNumber { get; set; }

    [Display(Name = "是否提供互联网交互服务")]
    public bool? ProvidesInteractiveServices { get; set; }

    public List<ServiceType> ServiceTypes { get; set; } = [];

    public bool? PublishesDangerousGoods { get; set; }

    public List<DangerousGoods> DangerousGoods { get; set; } = [];

    public Dictionary<DangerousGoods, Guid> DangerousGoodsFiles { get; set; } = [];

    public bool? HasPrePermits { get; set; }

    public List<PrePermit> PrePermits { get; set; } = [];

    public Dictionary<PrePermit, Guid> PrePermitFiles { get; set; } = [];

    public List<SiteLanguage> Languages { get; set; } = [];

    /// <summary>信息网络安全保护方案 (PDF), required for an interactive 小程序.</summary>
    public Guid? SecurityPlanFileId { get; set; }

    public IEnumerable<ServiceVersion> VersionLines => Versions;

    /// <summary>所属平台 as shown: the platform's name, or the one typed for 其他.</summary>
    public string PlatformText => Platform == MiniProgramPlatform.Other ? PlatformName?.Trim() ?? "其他" : Platform?.DisplayName() ?? string.Empty;

    /// <summary>Drops the blank rows a posted form carries, so that a finding's row number is the row shown.</summary>
    public void DropBlankRows() => Versions.RemoveAll(v => v.IsBlank);

    public IEnumerable<FileSlot> FileSlots() => ServiceDeclarations.FileSlots(this).Prepend(this.SecurityPlan());
}
