using System.Text.Json.Serialization;

namespace Beian.Core.Websites;

/// <summary>相关前置许可 (前置审批 / 专项审批) a site holds (seed 003).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PrePermit>))]
public enum PrePermit
{
    News,
    Publishing,
    Education,
    Healthcare,
    DrugsAndMedicalDevices,
    Culture,
    RadioFilmTelevision,
    ElectronicBulletin,
    SportsHealth,
    Other,
}

public static class PrePermits
{
    private static readonly DisplayNames<PrePermit> Names = new([
        (PrePermit.News, "新闻"),
        (PrePermit.Publishing, "出版"),
        (PrePermit.Education, "教育"),
        (PrePermit.Healthcare, "医疗保健"),
        (PrePermit.DrugsAndMedicalDevices, "药品和医疗器械"),
        (PrePermit.Culture, "文化"),
        (PrePermit.RadioFilmTelevision, "广播电影电视"),
        (PrePermit.ElectronicBulletin, "电子公告"),
        (PrePermit.SportsHealth, "运动保健"),
        (PrePermit.Other, "其他"),
    ]);

    public static IReadOnlyList<PrePermit> All => Names.All;

    public static string DisplayName(this PrePermit permit) => Names.Of(permit);

    public static PrePermit? FromDisplayName(string? displayName) => Names.Parse(displayName);
}
