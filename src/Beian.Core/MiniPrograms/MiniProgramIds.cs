using System.Text.RegularExpressions;
using Beian.Core.Apps;

namespace Beian.Core.MiniPrograms;

/// <summary>
/// The syntax of a 小程序's identifier on each platform, as the platforms' consoles show it and public code
/// and documentation use it; 百度 and other platforms publish none, so theirs is free text without spaces.
/// </summary>
public static partial class MiniProgramIds
{
    public const int MaxLength = 100;

    /// <summary>微信: <c>wx</c> and 16 hex digits, the AppID(小程序ID) of 微信公众平台 开发管理—开发设置, e.g. wx1234567890abcdef.</summary>
    [GeneratedRegex(@"^wx[0-9a-f]{16}$")]
    private static partial Regex WeChatShape();

    /// <summary>支付宝: the 16-digit APPID of 支付宝开放平台, its first four digits the year it was created (2016…, 2021…), e.g. 2021003175692262.</summary>
    [GeneratedRegex(@"^20\d{14}$")]
    private static partial Regex AlipayShape();

    /// <summary>
    /// 抖音/头条: <c>tt</c> and 16 hex digits, or 18 in newer AppIDs; both are in use in project.config.json
    /// files and API calls, e.g. tt5e982825c1b2d9a3 and tt79ef0f52e78e857401.
    /// </summary>
    [GeneratedRegex(@"^tt[0-9a-f]{16}([0-9a-f]{2})?$")]
    private static partial Regex DouyinShape();

    /// <summary>QQ: 10 digits not beginning 0, the APPID of q.qq.com, as in api.q.qq.com/sns/jscode2session?appid=1109940479.</summary>
    [GeneratedRegex(@"^[1-9]\d{9}$")]
    private static partial Regex QqShape();

    /// <summary>快手: <c>ks</c> and 18 digits, as the 快手小程序 AppIDs in public code, e.g. ks693554344267236216.</summary>
    [GeneratedRegex(@"^ks\d{18}$")]
    private static partial Regex KuaishouShape();

    [GeneratedRegex(@"[\s\p{C}]")]
    private static partial Regex SpaceOrControl();

    /// <summary>Trimmed; 微信 and 抖音 AppIDs lower-cased, since their hex digits are shown in lower case; "" for null.</summary>
    public static string Normalize(MiniProgramPlatform platform, string? input)
    {
        var text = input?.Trim() ?? string.Empty;
        return platform is MiniProgramPlatform.WeChat or MiniProgramPlatform.Douyin ? text.ToLowerInvariant() : text;
    }

    /// <summary>Null when <paramref name="id"/>, once normalised, is well-formed for the platform; otherwise what is wrong.</summary>
    public static string? Problem(MiniProgramPlatform platform, string? id)
    {
        var value = Normalize(platform, id);
        var label = platform.IdentifierLabel();
        if (value.Length == 0) return $"请填写{label}";
        if (value.Length > MaxLength) return $"{label}不能超过{MaxLength}个字符";
        if (!platform.HasKnownFormat()) return SpaceOrControl().IsMatch(value) ? $"{label}不能包含空格" : null;
        return IsWellFormed(platform, value) ? null : $"{label}格式不正确，应为{Shape(platform)}，如：{platform.IdentifierExample()}";
    }

    private static bool IsWellFormed(MiniProgramPlatform platform, string value) => platform switch
    {
        MiniProgramPlatform.WeChat => WeChatShape().IsMatch(value),
        MiniProgramPlatform.Alipay => AlipayShape().IsMatch(value),
        MiniProgramPlatform.Douyin => DouyinShape().IsMatch(value),
        MiniProgramPlatform.QQ => QqShape().IsMatch(value),
        MiniProgramPlatform.Kuaishou => KuaishouShape().IsMatch(value),
        // A 快应用 is identified by manifest.json's "package", named like an Android package.
        MiniProgramPlatform.QuickApp => AppIdentifiers.IsPackageName(value),
        _ => true,
    };

    private static string Shape(MiniProgramPlatform platform) => platform switch
    {
        MiniProgramPlatform.WeChat => "wx开头的18位字符（wx后为16位数字或a-f字母）",
        MiniProgramPlatform.Alipay => "20开头的16位数字",
        MiniProgramPlatform.Douyin => "tt开头的18或20位字符（tt后为16或18位数字或a-f字母）",
        MiniProgramPlatform.QQ => "首位不为0的10位数字",
        MiniProgramPlatform.Kuaishou => "ks开头的20位字符（ks后为18位数字）",
        _ => "以点分隔的至少两段、每段以字母开头的字母数字或下划线",
    };
}
