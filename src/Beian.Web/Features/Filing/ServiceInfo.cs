using System.ComponentModel.DataAnnotations;
using Beian.Core.Filing;
using Beian.Core.Uploads;
using Beian.Web.Features.Applications;
using Beian.Web.Infrastructure.Input;

namespace Beian.Web.Features.Filing;

/// <summary>
/// Step ② as APPs and 小程序 share it beyond the service declaration: 名称, 功能介绍, 版本信息, the 工信部备案号
/// and the 信息网络安全保护方案 of an interactive service, bound under the same names (<see cref="ServiceFields"/>)
/// so that one set of partials, rules and review fields serves both.
/// </summary>
public interface IServiceInfo : IBasicInfo, IServiceDeclaration
{
    new string? Name { get; set; }
    string? Introduction { get; set; }
    bool? HasIcpNumber { get; set; }
    string? IcpNumber { get; set; }
    Guid? SecurityPlanFileId { get; set; }

    /// <summary>The filled lines of 版本信息.</summary>
    IEnumerable<ServiceVersion> VersionLines { get; }
}

/// <summary>The fields of <see cref="IServiceInfo"/>, declared once for APPs and 小程序; each adds its identifiers and versions.</summary>
public abstract class ServiceBasicInfo : ServiceDeclarationFields, IServiceInfo
{
    [InputLimit(50)]
    [Display(Name = "名称")]
    public string? Name { get; set; }

    [InputLimit(ServiceRules.MaxIntroduction)]
    [Display(Name = "功能介绍")]
    public string? Introduction { get; set; }

    [Display(Name = "是否有工信部备案号")]
    public bool? HasIcpNumber { get; set; }

    [InputLimit(40)]
    [Display(Name = "工信部备案号")]
    public string? IcpNumber { get; set; }

    /// <summary>信息网络安全保护方案 (PDF), required for an interactive service.</summary>
    public Guid? SecurityPlanFileId { get; set; }

    public abstract IEnumerable<ServiceVersion> VersionLines { get; }

    public abstract IEnumerable<FileSlot> FileSlots();
}

/// <summary>One line of 版本信息 (an APP's also names its platform, <see cref="Apps.AppVersion"/>).</summary>
public class ServiceVersion
{
    [InputLimit(ServiceRules.MaxVersionNumber)]
    [Display(Name = "版本号")]
    public string? Number { get; set; }

    [Display(Name = "发布日期")]
    public DateOnly? ReleasedOn { get; set; }

    /// <summary>新增功能 of this version: what 安全评估 asks about a new version [guide].</summary>
    [InputLimit(200)]
    [Display(Name = "更新说明")]
    public string? Notes { get; set; }

    public virtual bool IsBlank => string.IsNullOrWhiteSpace(Number) && ReleasedOn == null && string.IsNullOrWhiteSpace(Notes);

    /// <summary>The version as a choice names it ("1.4.2"; an APP's "Android 1.4.2").</summary>
    public virtual string Label => Number?.Trim() ?? string.Empty;

    /// <summary>"1.4.2（2026-11-20发布）：新增茶馆预约" as lists and the reviewer read it.</summary>
    public virtual string Text =>
        $"{Number}（{ReleasedOn:yyyy-MM-dd}发布）{(string.IsNullOrWhiteSpace(Notes) ? "" : "：" + Notes)}";
}

public static class ServiceInfos
{
    /// <summary>Blank rows offered below the filled ones of a list (版本信息, 分发渠道): no JavaScript needed to add one.</summary>
    public const int BlankRows = 2;

    public const string SecurityPlanSlot = "SecurityPlan";

    public static FileSlot SecurityPlan(this IServiceInfo info) => new(SecurityPlanSlot, UploadPurpose.SecurityPlan, info.SecurityPlanFileId,
        id => info.SecurityPlanFileId = id, ServiceFields.SecurityPlan, "信息网络安全保护方案");

    /// <summary>The lines as the shared version rules read them; <paramref name="groupOf"/> names a line's platform where numbers repeat across platforms.</summary>
    public static IReadOnlyList<VersionLine> Lines<TVersion>(IEnumerable<TVersion> versions, Func<TVersion, string?>? groupOf = null)
        where TVersion : ServiceVersion =>
        versions.Select(v => new VersionLine(groupOf?.Invoke(v), v.Number, v.ReleasedOn)).ToList();

    public static ReviewField IntroductionReviewField(IServiceInfo info, string section) =>
        new(ServiceFields.Introduction, section, "功能介绍", info.Introduction ?? string.Empty);

    /// <summary>版本信息 and the 工信部备案号 as the reviewer reads them, after the business's own identifiers.</summary>
    public static IEnumerable<ReviewField> VersionAndIcpReviewFields(IServiceInfo info, string section, ServiceIcpNumber icp)
    {
        yield return new(ServiceFields.Versions, section, "版本信息", string.Join("；", info.VersionLines.Select(v => v.Text)));
        yield return new(ServiceFields.IcpNumber, section, icp.Label, info.HasIcpNumber == true ? info.IcpNumber ?? string.Empty : "无");
    }

    /// <summary>The service declaration and the security plan, last in step ② of both.</summary>
    public static IEnumerable<ReviewField> DeclarationReviewFields(IServiceInfo info, string section)
    {
        foreach (var field in ServiceDeclarationReviewFields.Of(info, section)) yield return field;
        if (info.SecurityPlanFileId is { } plan) yield return new(ServiceFields.SecurityPlan, section, "信息网络安全保护方案", "已上传", FileId: plan);
    }
}

/// <summary>名称 and 功能介绍 at the top of step ②, with the business's own help under each.</summary>
public sealed record ServiceNameFields(string Noun, string? Name, string? Introduction, string NameHelp, string IntroductionHelp);

/// <summary>
/// The 版本信息 table: the filled lines and <see cref="ServiceInfos.BlankRows"/> blank ones, with a 平台 column
/// when the business files several platforms (<paramref name="Platforms"/> not empty, a line's own by <paramref name="PlatformOf"/>).
/// </summary>
public sealed record ServiceVersionTable(IReadOnlyList<ServiceVersion> Rows, IReadOnlyList<(string Value, string Label)> Platforms,
    Func<ServiceVersion, string?> PlatformOf, string Help);

/// <summary>是否有{工信部备案号} and the number.</summary>
public sealed record ServiceIcpFields(ServiceIcpNumber Kind, bool? Has, string? Number);
