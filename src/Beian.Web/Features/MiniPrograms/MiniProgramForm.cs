using System.ComponentModel.DataAnnotations;
using Beian.Core.MiniPrograms;
using Beian.Core.Websites;
using Beian.Web.Features.Filing;
using Beian.Web.Infrastructure.Input;

namespace Beian.Web.Features.MiniPrograms;

/// <summary>新办小程序申请 (SPEC §5): the shared frame of <see cref="BusinessForm{TBasic}"/> with ② 小程序基本信息.</summary>
public sealed class MiniProgramForm : BusinessForm<MiniProgramBasicInfo>;

public sealed class MiniProgramBasicInfo : ServiceBasicInfo
{
    [Display(Name = "所属平台")]
    public MiniProgramPlatform? Platform { get; set; }

    /// <summary>平台名称 of a 小程序 on another platform (所属平台 = 其他).</summary>
    [InputLimit(MiniProgramRules.MaxPlatformName)]
    [Display(Name = "平台名称")]
    public string? PlatformName { get; set; }

    [InputLimit(MiniProgramIds.MaxLength)]
    [Display(Name = "AppID")]
    public string? AppId { get; set; }

    [Display(Name = "版本信息")]
    public List<ServiceVersion> Versions { get; set; } = [];

    public override IEnumerable<ServiceVersion> VersionLines => Versions;

    /// <summary>所属平台 as shown: the platform's name, or the one typed for 其他.</summary>
    public string PlatformText => Platform == MiniProgramPlatform.Other ? PlatformName?.Trim() ?? "其他" : Platform?.DisplayName() ?? string.Empty;

    /// <summary>Drops the blank rows a posted form carries, so that a finding's row number is the row shown.</summary>
    public void DropBlankRows() => Versions.RemoveAll(v => v.IsBlank);

    public override IEnumerable<FileSlot> FileSlots() => ServiceDeclarations.FileSlots(this).Prepend(this.SecurityPlan());
}
