namespace Beian.Core.Regions;

/// <summary>
/// The province → city → county tree, indexed by code. Immutable and safe to share;
/// <see cref="Default"/> is the embedded regions.json, loaded once.
/// </summary>
public sealed class RegionCatalog
{
    private static readonly Lazy<RegionCatalog> LazyDefault = new(RegionFile.LoadCatalog);

    private readonly Dictionary<string, Region> _byCode;
    private readonly Dictionary<string, List<Region>> _children;
    private readonly Dictionary<string, string> _abbreviations;

    public RegionCatalog(IEnumerable<Region> regions, IReadOnlyDictionary<string, string> provinceAbbreviations)
    {
        _byCode = regions.ToDictionary(region => region.Code);
        _abbreviations = new Dictionary<string, string>(provinceAbbreviations);
        _children = _byCode.Values
            .Where(region => region.ParentCode is not null)
            .GroupBy(region => region.ParentCode!)
            .ToDictionary(group => group.Key, group => group.OrderBy(region => region.Code, StringComparer.Ordinal).ToList());
        Provinces = _byCode.Values
            .Where(region => region.Level == RegionLevel.Province)
            .OrderBy(region => region.Code, StringComparer.Ordinal)
            .ToList();
    }

    public static RegionCatalog Default => LazyDefault.Value;

    public IReadOnlyCollection<Region> All => _byCode.Values;

    public IReadOnlyList<Region> Provinces { get; }

    public Region? Find(string? code) =>
        code is not null && _byCode.TryGetValue(code, out var region) ? region : null;

    public IReadOnlyList<Region> ChildrenOf(string code) =>
        _children.TryGetValue(code, out var children) ? children : [];

    /// <summary>The region itself and its ancestors, from the province down.</summary>
    public IReadOnlyList<Region> PathOf(string code)
    {
        var path = new List<Region>();
        for (var region = Find(code); region is not null; region = Find(region.ParentCode))
        {
            path.Insert(0, region);
        }
        return path;
    }

    public Region? ProvinceOf(string code) => AtLevel(code, RegionLevel.Province);

    /// <summary>The city of a county, or the city itself; null for a province.</summary>
    public Region? CityOf(string code) => AtLevel(code, RegionLevel.City);

    /// <summary>Names from the province down, e.g. "北京市 市辖区 东城区"; null if unknown.</summary>
    public string? FullName(string code)
    {
        var path = PathOf(code);
        return path.Count == 0 ? null : string.Join(' ', path.Select(region => region.Name));
    }

    public bool IsCounty(string code) => Find(code)?.Level == RegionLevel.County;

    /// <summary>A county, or a city without counties (东莞市 …): the most precise region an address can have.</summary>
    public bool IsLowest(string? code) =>
        Find(code) is { } region && (region.Level == RegionLevel.County || region.Level == RegionLevel.City && ChildrenOf(region.Code).Count == 0);

    /// <summary>
    /// The abbreviation used in filing numbers (京, 沪, 粤 …) for any code in a province,
    /// including 港 (810000), 澳 (820000) and 台 (710000); null if unknown.
    /// </summary>
    public string? ProvinceAbbreviation(string code)
    {
        if (code.Length != 6)
        {
            return null;
        }
        return _abbreviations.GetValueOrDefault(code[..2] + "0000");
    }

    private Region? AtLevel(string code, RegionLevel level) =>
        PathOf(code).FirstOrDefault(region => region.Level == level);
}
