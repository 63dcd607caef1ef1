namespace Beian.Core.Regions;

public enum RegionLevel
{
    Province,
    City,
    County,
}

/// <summary>
/// An administrative division with its 6-digit GB/T 2260 code. Development zones
/// (经济技术开发区, 高新区, 新区 …) sit at county level but are not GB/T 2260 counties.
/// </summary>
public sealed record Region(
    string Code,
    string Name,
    RegionLevel Level,
    string? ParentCode,
    bool IsDevelopmentZone = false,
    string? ProvinceAbbreviation = null);
