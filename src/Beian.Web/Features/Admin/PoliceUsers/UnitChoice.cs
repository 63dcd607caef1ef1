using System.ComponentModel.DataAnnotations;
using Beian.Core.PoliceUnits;

namespace Beian.Web.Features.Admin.PoliceUsers;

/// <summary>
/// 所属单位 as three cascading selects (the <c>_UnitPicker</c> partial): 省级 → 地市级 → 区县级.
/// The unit is the lowest level chosen, so leaving 地市级 empty means the province's 总队 and
/// choosing 公安部 at the first level means the ministry. Codes are region codes, as the units'.
/// </summary>
public sealed class UnitChoice
{
    [Display(Name = "省级单位")]
    public string? ProvinceCode { get; set; }

    [Display(Name = "地市级单位")]
    public string? CityCode { get; set; }

    [Display(Name = "区县级单位")]
    public string? CountyCode { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(ProvinceCode);

    /// <summary>The choice that selects <paramref name="code"/>; empty for an unknown code.</summary>
    public static UnitChoice Of(string? code, PoliceUnitCatalog units)
    {
        var unit = units.Find(code);
        if (unit == null) return new UnitChoice();
        var path = units.AncestorsOf(unit.Code).Reverse().Where(u => u.Level != PoliceUnitLevel.Ministry).Append(unit).ToList();
        return new UnitChoice
        {
            ProvinceCode = path.FirstOrDefault(u => u.Level is PoliceUnitLevel.Province or PoliceUnitLevel.Ministry)?.Code,
            CityCode = path.FirstOrDefault(u => u.Level == PoliceUnitLevel.City)?.Code,
            CountyCode = path.FirstOrDefault(u => u.Level == PoliceUnitLevel.County)?.Code,
        };
    }

    /// <summary>The chosen unit, or the property that is wrong and why (empty counts as wrong).</summary>
    public UnitResolution Resolve(PoliceUnitCatalog units)
    {
        if (IsEmpty) return UnitResolution.Wrong(nameof(ProvinceCode), "请选择所属单位");
        var top = units.Find(ProvinceCode!.Trim());
        if (top is not { Level: PoliceUnitLevel.Province or PoliceUnitLevel.Ministry })
            return UnitResolution.Wrong(nameof(ProvinceCode), "所选省级单位不存在，请重新选择");
        if (top.Level == PoliceUnitLevel.Ministry || string.IsNullOrWhiteSpace(CityCode)) return UnitResolution.Of(top);

        var city = units.Find(CityCode.Trim());
        if (city is not { Level: PoliceUnitLevel.City } || city.ParentCode != top.Code)
            return UnitResolution.Wrong(nameof(CityCode), "所选地市级单位不存在或不属于所选省级单位");
        if (string.IsNullOrWhiteSpace(CountyCode)) return UnitResolution.Of(city);

        var county = units.Find(CountyCode.Trim());
        if (county is not { Level: PoliceUnitLevel.County } || county.ParentCode != city.Code)
            return UnitResolution.Wrong(nameof(CountyCode), "所选区县级单位不存在或不属于所选地市级单位");
        return UnitResolution.Of(county);
    }
}

public sealed record UnitResolution(PoliceUnit? Unit, string? Field, string? Error)
{
    public static UnitResolution Of(PoliceUnit unit) => new(unit, null, null);

    public static UnitResolution Wrong(string field, string error) => new(null, field, error);
}

/// <param name="Prefix">The model name of the <see cref="UnitChoice"/>, e.g. "Input.Unit" or "Unit".</param>
/// <param name="Filter">A list filter: the first option is 全部 and choosing refreshes by 【查询】.</param>
public sealed record UnitPickerModel(string Prefix, UnitChoice? Choice, string Label, bool Filter = false);
