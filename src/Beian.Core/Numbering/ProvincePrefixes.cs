using Beian.Core.Regions;

namespace Beian.Core.Numbering;

/// <summary>The province abbreviations that may start a 公安备案号, mapped to the province's two-digit code.</summary>
internal static class ProvincePrefixes
{
    /// <summary>Second abbreviations people also write (贵州: 贵 or 黔).</summary>
    private static readonly Dictionary<string, string> Aliases = new() { ["黔"] = "52" };

    private static readonly Lazy<Dictionary<string, string>> LazyMap = new(Build);

    /// <summary>"京" → "11", "黔" → "52"; null if the text is no province abbreviation.</summary>
    public static string? ProvinceDigits(string abbreviation) =>
        LazyMap.Value.GetValueOrDefault(abbreviation);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(Aliases);
        for (var province = 10; province <= 99; province++)
        {
            var digits = province.ToString("00");
            var abbreviation = RegionCatalog.Default.ProvinceAbbreviation(digits + "0000");
            if (abbreviation is not null) map[abbreviation] = digits;
        }
        return map;
    }
}
