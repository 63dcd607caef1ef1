using Beian.Core.Regions;

namespace Beian.Core.PoliceUnits;

/// <summary>
/// Names the default units after their region:
/// 公安部网络安全保卫局; 浙江省公安厅网安总队 / 北京市公安局网安总队; 杭州市公安局网安支队;
/// 杭州市公安局西湖区分局网安大队 (a city's 区), 北京市公安局东城区分局网安大队 (a municipality's 区),
/// 桐庐县公安局网安大队 (县, 县级市, 旗 …), 苏州工业园区公安分局网安大队 (a development zone).
/// A placeholder city (市辖区, 县, 省直辖县级行政区划) is the province bureau's 支队 for that group:
/// 北京市公安局网安支队（市辖区）.
/// </summary>
internal static class PoliceUnitNames
{
    public const string Ministry = "公安部网络安全保卫局";

    private static readonly HashSet<string> MunicipalityCodes = ["110000", "120000", "310000", "500000"];

    private static readonly HashSet<string> PlaceholderCityNames =
        ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

    public static string ForProvince(Region province) => ProvinceBureau(province) + "网安总队";

    public static string ForCity(Region city, Region province) =>
        IsPlaceholder(city)
            ? $"{ProvinceBureau(province)}网安支队（{city.Name}）"
            : $"{city.Name}公安局网安支队";

    public static string ForCounty(Region county, Region city, Region province)
    {
        if (county.IsDevelopmentZone)
        {
            return $"{ZoneName(county)}公安分局网安大队";
        }
        if (county.Name.EndsWith('区') && !IsPlaceholder(city))
        {
            return $"{city.Name}公安局{county.Name}分局网安大队";
        }
        if (county.Name.EndsWith('区') && IsMunicipality(province))
        {
            return $"{ProvinceBureau(province)}{county.Name}分局网安大队";
        }
        return $"{county.Name}公安局网安大队";
    }

    // "乌拉盖管理区管委会" names the committee, not the zone.
    private static string ZoneName(Region zone) =>
        zone.Name.EndsWith("管委会", StringComparison.Ordinal) ? zone.Name[..^"管委会".Length] : zone.Name;

    private static string ProvinceBureau(Region province) =>
        province.Name + (IsMunicipality(province) ? "公安局" : "公安厅");

    private static bool IsMunicipality(Region province) => MunicipalityCodes.Contains(province.Code);

    private static bool IsPlaceholder(Region city) => PlaceholderCityNames.Contains(city.Name);
}
