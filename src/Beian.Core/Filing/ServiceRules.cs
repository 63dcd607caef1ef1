using System.Globalization;
using System.Text.RegularExpressions;
using Beian.Core.Rules;

namespace Beian.Core.Filing;

/// <summary>The form's property paths that APPs and 小程序 share (step ② of both binds <c>BasicInfo</c>).</summary>
public static class ServiceFields
{
    public const string Introduction = "BasicInfo.Introduction";
    public const string Versions = "BasicInfo.Versions";
    public const string HasIcpNumber = "BasicInfo.HasIcpNumber";
    public const string IcpNumber = "BasicInfo.IcpNumber";
    public const string SecurityPlan = "BasicInfo.SecurityPlanFileId";

    public static string Version(int index, string part) => $"{Versions}[{index}].{part}";
}

/// <summary>One line of 版本信息: an APP's carries its platform as <paramref name="Group"/> (a number may repeat across platforms), a 小程序's none.</summary>
public sealed record VersionLine(string? Group, string? Number, DateOnly? ReleasedOn);

/// <summary>
/// The rules APPs and 小程序 share beyond naming and the service declaration (SPEC §5): 功能介绍 of 10–500
/// characters, 版本信息 lines (版本号 shape, no repeat, a 发布日期 not after today), and the
/// 信息网络安全保护方案 that an interactive service must upload.
/// </summary>
public static partial class ServiceRules
{
    public const int MinIntroduction = 10;
    public const int MaxIntroduction = 500;
    public const int MaxVersionNumber = 30;

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z._+\-]{0,29}$")]
    private static partial Regex VersionShape();

    public static IEnumerable<Finding> Introduction(string? text, BusinessWording wording)
    {
        var length = new StringInfo(text?.Trim() ?? string.Empty).LengthInTextElements;
        if (length == 0) yield return Finding.Error(wording.Code("INTRO-REQUIRED"), ServiceFields.Introduction, $"请填写{wording.Noun}功能介绍");
        else if (length is < MinIntroduction or > MaxIntroduction)
            yield return Finding.Error(wording.Code("INTRO-LENGTH"), ServiceFields.Introduction,
                $"功能介绍应为{MinIntroduction}至{MaxIntroduction}个字，当前为{length}个字");
    }

    /// <summary>Each line's 版本号 and 发布日期; which lines a business needs at all is its own rule.</summary>
    public static IEnumerable<Finding> Versions(IReadOnlyList<VersionLine> lines, DateOnly today, BusinessWording wording)
    {
        var seen = new HashSet<(string?, string)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var number = line.Number?.Trim();
            var numberField = ServiceFields.Version(i, "Number");
            if (string.IsNullOrEmpty(number)) yield return Finding.Error(wording.Code("VERSION-NUMBER"), numberField, "请填写版本号");
            else if (!VersionShape().IsMatch(number)) yield return Finding.Error(wording.Code("VERSION-NUMBER"), numberField, "版本号格式不正确，如：1.0.0");
            else if (!seen.Add((line.Group, number)))
                yield return Finding.Error(wording.Code("VERSION-DUPLICATE"), numberField, line.Group == null ? "版本号重复" : "同一平台的版本号重复");
            var dateField = ServiceFields.Version(i, "ReleasedOn");
            if (line.ReleasedOn == null) yield return Finding.Error(wording.Code("VERSION-DATE"), dateField, "请填写发布日期");
            else if (line.ReleasedOn > today) yield return Finding.Error(wording.Code("VERSION-DATE"), dateField, "发布日期不能晚于今天");
        }
    }

    public static IEnumerable<Finding> SecurityPlan(bool providesInteractiveServices, bool hasSecurityPlan, BusinessWording wording)
    {
        if (providesInteractiveServices && !hasSecurityPlan)
            yield return Finding.Error(wording.Code("SECURITY-PLAN"), ServiceFields.SecurityPlan, $"提供互联网交互服务的{wording.Noun}，请上传信息网络安全保护方案");
    }
}
