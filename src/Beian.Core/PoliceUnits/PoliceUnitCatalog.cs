using Beian.Core.Regions;

namespace Beian.Core.PoliceUnits;

/// <summary>
/// The tree of police units: ministry → one 网安总队 per province → one 网安支队 per city →
/// one 网安大队 per county (development zones included). Immutable; look-ups by code.
/// </summary>
public sealed class PoliceUnitCatalog
{
    public const string MinistryCode = "000000";
    public const int DefaultReviewLimitWorkingDays = 21;

    private static readonly Lazy<PoliceUnitCatalog> LazyDefault = new(() => BuildDefault(RegionCatalog.Default));

    private readonly Dictionary<string, PoliceUnit> _byCode;
    private readonly Dictionary<string, List<PoliceUnit>> _children;

    public PoliceUnitCatalog(IEnumerable<PoliceUnit> units)
    {
        _byCode = units.ToDictionary(unit => unit.Code);
        _children = _byCode.Values
            .Where(unit => unit.ParentCode is not null)
            .GroupBy(unit => unit.ParentCode!)
            .ToDictionary(group => group.Key, group => group.OrderBy(unit => unit.Code, StringComparer.Ordinal).ToList());
    }

    /// <summary>The default tree built from <see cref="RegionCatalog.Default"/>, built once.</summary>
    public static PoliceUnitCatalog Default => LazyDefault.Value;

    public IReadOnlyCollection<PoliceUnit> All => _byCode.Values;

    public PoliceUnit Ministry => _byCode[MinistryCode];

    public static PoliceUnitCatalog BuildDefault(RegionCatalog regions)
    {
        var units = new List<PoliceUnit> { NewUnit(MinistryCode, PoliceUnitNames.Ministry, PoliceUnitLevel.Ministry, null) };
        foreach (var province in regions.Provinces)
        {
            units.Add(NewUnit(province.Code, PoliceUnitNames.ForProvince(province), PoliceUnitLevel.Province, MinistryCode));
            foreach (var city in regions.ChildrenOf(province.Code))
            {
                units.Add(NewUnit(city.Code, PoliceUnitNames.ForCity(city, province), PoliceUnitLevel.City, province.Code));
                units.AddRange(regions.ChildrenOf(city.Code).Select(county =>
                    NewUnit(county.Code, PoliceUnitNames.ForCounty(county, city, province), PoliceUnitLevel.County, city.Code)));
            }
        }
        return new PoliceUnitCatalog(units);
    }

    public PoliceUnit? Find(string? code) =>
        code is not null && _byCode.TryGetValue(code, out var unit) ? unit : null;

    public IReadOnlyList<PoliceUnit> ChildrenOf(string code) =>
        _children.TryGetValue(code, out var children) ? children : [];

    /// <summary>The supervising units, nearest first, ending with the ministry.</summary>
    public IReadOnlyList<PoliceUnit> AncestorsOf(string code)
    {
        var ancestors = new List<PoliceUnit>();
        for (var unit = Find(Find(code)?.ParentCode); unit is not null; unit = Find(unit.ParentCode))
        {
            ancestors.Add(unit);
        }
        return ancestors;
    }

    /// <summary>True when <paramref name="unitCode"/> is <paramref name="ancestorCode"/> or lies below it.</summary>
    public bool IsWithin(string unitCode, string ancestorCode)
    {
        if (Find(unitCode) is null)
        {
            return false;
        }
        return unitCode == ancestorCode || AncestorsOf(unitCode).Any(unit => unit.Code == ancestorCode);
    }

    /// <summary>
    /// The county-level unit that reviews filings of a county region. A city without counties
    /// (东莞市, 中山市, 儋州市 …) is its own lowest unit and is returned instead. Null otherwise.
    /// </summary>
    public PoliceUnit? CountyUnitFor(string regionCode)
    {
        var unit = Find(regionCode);
        return unit?.Level switch
        {
            PoliceUnitLevel.County => unit,
            PoliceUnitLevel.City when ChildrenOf(regionCode).Count == 0 => unit,
            _ => null,
        };
    }

    private static PoliceUnit NewUnit(string code, string name, PoliceUnitLevel level, string? parentCode) =>
        new(code, name, level, parentCode, PoliceUnitPhones.For(code));
}
