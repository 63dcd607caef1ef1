using System.Collections.Frozen;
using Beian.Core.Regions;

namespace Beian.Core.Reporting;

/// <summary>
/// A report's 所在地区 cell: a six-digit region code (330106) or the names from the province down, with or
/// without spaces (浙江省杭州市西湖区, 浙江省 杭州市, 北京市东城区). Province and city are accepted: the unit of
/// the nearest level reviews what is found there.
/// </summary>
public sealed class ReportedRegion(RegionCatalog catalog)
{
    private readonly Lazy<FrozenDictionary<string, string>> _byName = new(() => Names(catalog));

    public static ReportedRegion Default { get; } = new(RegionCatalog.Default);

    public string? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = Key(text);
        if (key.Length == 6 && key.All(char.IsAsciiDigit)) return catalog.Find(key)?.Code;
        return _byName.Value.GetValueOrDefault(key);
    }

    private static FrozenDictionary<string, string> Names(RegionCatalog catalog)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in catalog.All)
        {
            var path = catalog.PathOf(region.Code);
            names.TryAdd(Key(string.Concat(path.Select(r => r.Name))), region.Code);
            // 北京市市辖区东城区 is written 北京市东城区.
            names.TryAdd(Key(string.Concat(path.Where(r => r.Name is not ("市辖区" or "县")).Select(r => r.Name))), region.Code);
        }
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Key(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '/' && c != '-'));
}
