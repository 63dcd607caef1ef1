using System.Text.Json.Serialization;

namespace Beian.Core.MiniPrograms;

/// <summary>The platforms a 小程序 runs on (快应用 included), in the form's order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MiniProgramPlatform>))]
public enum MiniProgramPlatform
{
    WeChat,
    Alipay,
    Baidu,
    Douyin,
    QQ,
    Kuaishou,
    QuickApp,
    Other,
}

/// <summary>How each platform names and identifies a 小程序: what the form asks and shows next to the field.</summary>
public static class MiniProgramPlatforms
{
    public static IReadOnlyList<MiniProgramPlatform> All { get; } = Enum.GetValues<MiniProgramPlatform>();

    public static string DisplayName(this MiniProgramPlatform platform) => platform switch
    {
        MiniProgramPlatform.WeChat => "微信",
        MiniProgramPlatform.Alipay => "支付宝",
        MiniProgramPlatform.Baidu => "百度",
        MiniProgramPlatform.Douyin => "抖音/头条",
        MiniProgramPlatform.QQ => "QQ",
        MiniProgramPlatform.Kuaishou => "快手",
        MiniProgramPlatform.QuickApp => "快应用",
        _ => "其他",
    };

    /// <summary>The platform whose <see cref="DisplayName"/> is <paramref name="name"/> (surrounding spaces ignored), or null.</summary>
    public static MiniProgramPlatform? FromDisplayName(string? name)
    {
        var text = name?.Trim();
        foreach (var platform in All)
            if (platform.DisplayName() == text) return platform;
        return null;
    }

    /// <summary>AppID on the 小程序 platforms, 包名 for a 快应用, 小程序标识 for another platform.</summary>
    public static string IdentifierLabel(this MiniProgramPlatform platform) => platform switch
    {
        MiniProgramPlatform.QuickApp => "包名",
        MiniProgramPlatform.Other => "小程序标识",
        _ => "AppID",
    };

    /// <summary>The identifier's shape and where the applicant finds it, shown under the field.</summary>
    public static string IdentifierHelp(this MiniProgramPlatform platform) => platform switch
    {
        MiniProgramPlatform.WeChat => "wx开头的18位字符，见微信公众平台“开发管理—开发设置”",
        MiniProgramPlatform.Alipay => "20开头的16位数字，见支付宝开放平台控制台中小程序的APPID",
        MiniProgramPlatform.Baidu => $"见百度智能小程序开发者平台中小程序的AppID，不超过{MiniProgramIds.MaxLength}个字符，不能包含空格",
        MiniProgramPlatform.Douyin => "tt开头的18或20位字符，见抖音开放平台开发者后台中小程序的AppID",
        MiniProgramPlatform.QQ => "10位数字，见QQ小程序开发者平台（q.qq.com）管理端首页的APPID",
        MiniProgramPlatform.Kuaishou => "ks开头的20位字符，见快手小程序开发者平台中小程序的AppID",
        MiniProgramPlatform.QuickApp => "快应用manifest.json中“package”的值，以点分隔的字母、数字或下划线",
        _ => $"该平台分配给小程序的唯一标识，不超过{MiniProgramIds.MaxLength}个字符，不能包含空格",
    };

    /// <summary>A well-formed identifier of the platform; null where the identifier is free text.</summary>
    public static string? IdentifierExample(this MiniProgramPlatform platform) => platform switch
    {
        MiniProgramPlatform.WeChat => "wx1234567890abcdef",
        MiniProgramPlatform.Alipay => "2021003175692262",
        MiniProgramPlatform.Douyin => "tt5e982825c1b2d9a3",
        MiniProgramPlatform.QQ => "1109940479",
        MiniProgramPlatform.Kuaishou => "ks693554344267236216",
        MiniProgramPlatform.QuickApp => "com.example.quickapp",
        _ => null,
    };

    /// <summary>Whether the identifier follows a published shape (百度 and other platforms publish none).</summary>
    public static bool HasKnownFormat(this MiniProgramPlatform platform) =>
        platform is not (MiniProgramPlatform.Baidu or MiniProgramPlatform.Other);
}
