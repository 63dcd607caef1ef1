using Beian.Core.Filing;
using Beian.Core.Rules;

namespace Beian.Core.MiniPrograms;

/// <summary>
/// The 小程序 part of the automatic pre-check (SPEC §10) for step ② 小程序基本信息: the naming rules of
/// websites, 功能介绍, 所属平台 (with 平台名称 for another platform), the AppID in its platform's shape and
/// filed by no other subject, 版本信息, the 工信部备案号 with its X suffix, the service declaration, and the
/// 信息网络安全保护方案 of an interactive 小程序. Errors block submission, warnings go to the reviewer.
/// </summary>
public static class MiniProgramRules
{
    public static readonly BusinessWording Wording = new("MP", "小程序", MiniProgramFields.Name);

    public const int MaxPlatformName = 30;

    public static IReadOnlyList<Finding> Check(MiniProgramFacts facts) =>
    [
        .. NameRules.Check(facts.Naming, Wording),
        .. ServiceRules.Introduction(facts.Introduction, Wording),
        .. Platform(facts),
        .. AppId(facts),
        .. Versions(facts),
        .. ServiceIcpNumber.MiniProgram.Check(facts.HasIcpNumber, facts.IcpNumber, MiniProgramFields.HasIcpNumber, MiniProgramFields.IcpNumber, Wording),
        .. ServiceDeclarationRules.Check(facts.Services, facts.Naming.SubjectNature, Wording),
        .. ServiceRules.SecurityPlan(facts.Services.ProvidesInteractiveServices, facts.HasSecurityPlan, Wording),
    ];

    private static IEnumerable<Finding> Platform(MiniProgramFacts facts)
    {
        if (facts.Platform is null) yield return Error("PLATFORM-REQUIRED", MiniProgramFields.Platform, "请选择所属平台");
        if (facts.Platform != MiniProgramPlatform.Other) yield break;
        var name = facts.PlatformName?.Trim();
        if (string.IsNullOrEmpty(name)) yield return Error("PLATFORM-NAME", MiniProgramFields.PlatformName, "请填写平台名称");
        else if (name.Length > MaxPlatformName) yield return Error("PLATFORM-NAME", MiniProgramFields.PlatformName, $"平台名称不能超过{MaxPlatformName}个字");
    }

    private static IEnumerable<Finding> AppId(MiniProgramFacts facts)
    {
        var label = facts.Platform?.IdentifierLabel() ?? "AppID";
        if (string.IsNullOrWhiteSpace(facts.AppId))
        {
            yield return Error("APPID-REQUIRED", MiniProgramFields.AppId, $"请填写{label}");
            yield break;
        }
        if (facts.Platform is not { } platform) yield break;
        if (MiniProgramIds.Problem(platform, facts.AppId) is { } problem)
            yield return Error("APPID-INVALID", MiniProgramFields.AppId, problem);
        else if (facts.AppIdFiledElsewhere)
            yield return Error("APPID-FILED-ELSEWHERE", MiniProgramFields.AppId,
                $"{label}“{MiniProgramIds.Normalize(platform, facts.AppId)}”已由其他开办主体备案，同一小程序只能由一个主体备案；如确属本主体，请联系原备案主体办理移交");
    }

    private static IEnumerable<Finding> Versions(MiniProgramFacts facts)
    {
        if (facts.Versions.Count == 0)
        {
            yield return Error("VERSION-REQUIRED", MiniProgramFields.Versions, "请填写小程序的版本信息");
            yield break;
        }
        var lines = facts.Versions.Select(v => new VersionLine(null, v.Number, v.ReleasedOn)).ToList();
        foreach (var finding in ServiceRules.Versions(lines, facts.Today, Wording)) yield return finding;
    }

    private static Finding Error(string rule, string field, string message) => Finding.Error(Wording.Code(rule), field, message);
}
