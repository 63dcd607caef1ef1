namespace Beian.Core.Websites;

/// <summary>网站语种 (seed 003; SPEC §4 order).</summary>
public enum SiteLanguage
{
    SimplifiedChinese,
    TraditionalChinese,
    English,
    Japanese,
    German,
    French,
    Russian,
    Spanish,
    Uyghur,
    Kazakh,
    Mongolian,
    Tibetan,
    Arabic,
    Korean,
    Other,
}

public static class SiteLanguages
{
    private static readonly DisplayNames<SiteLanguage> Names = new([
        (SiteLanguage.SimplifiedChinese, "中文简体"),
        (SiteLanguage.TraditionalChinese, "中文繁体"),
        (SiteLanguage.English, "英语"),
        (SiteLanguage.Japanese, "日语"),
        (SiteLanguage.German, "德语"),
        (SiteLanguage.French, "法语"),
        (SiteLanguage.Russian, "俄语"),
        (SiteLanguage.Spanish, "西班牙语"),
        (SiteLanguage.Uyghur, "维吾尔语"),
        (SiteLanguage.Kazakh, "哈萨克语"),
        (SiteLanguage.Mongolian, "蒙古语"),
        (SiteLanguage.Tibetan, "藏语"),
        (SiteLanguage.Arabic, "阿拉伯语"),
        (SiteLanguage.Korean, "朝鲜语"),
        (SiteLanguage.Other, "其他"),
    ]);

    public static IReadOnlyList<SiteLanguage> All => Names.All;

    public static string DisplayName(this SiteLanguage language) => Names.Of(language);

    public static SiteLanguage? FromDisplayName(string? displayName) => Names.Parse(displayName);
}
