using Beian.Core.ReferenceData;

namespace Beian.Core.Regions;

/// <summary>The shape of ReferenceData/regions.json.</summary>
internal sealed record RegionFile(
    Dictionary<string, string> ProvinceAbbreviations,
    List<RegionFile.Entry> Regions)
{
    internal sealed record Entry(string Code, string Name, string Level, string? Parent, bool DevelopmentZone);

    public static RegionCatalog LoadCatalog()
    {
        var file = EmbeddedReferenceData.Read<RegionFile>(EmbeddedReferenceData.RegionsFile);
        var regions = file.Regions.Select(entry => ToRegion(entry, file.ProvinceAbbreviations));
        return new RegionCatalog(regions, file.ProvinceAbbreviations);
    }

    private static Region ToRegion(Entry entry, IReadOnlyDictionary<string, string> abbreviations)
    {
        var level = ParseLevel(entry.Level);
        var abbreviation = level == RegionLevel.Province ? abbreviations.GetValueOrDefault(entry.Code) : null;
        return new Region(entry.Code, entry.Name, level, entry.Parent, entry.DevelopmentZone, abbreviation);
    }

    private static RegionLevel ParseLevel(string level) => level switch
    {
        "province" => RegionLevel.Province,
        "city" => RegionLevel.City,
        "county" => RegionLevel.County,
        _ => throw new InvalidOperationException($"Unknown region level '{level}'."),
    };
}
