using System.ComponentModel.DataAnnotations;
using Beian.Core.Regions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Beian.Web.Infrastructure.Input;

namespace Beian.Web.Features.Regions;

/// <summary>
/// One address as every form of the platform takes it: 省份 → 城市 → 区县 (cascading selects of
/// region codes) plus 详细地址. Bind it as a property of a page's input model and render it with
/// the <c>_AddressFields</c> partial; check it with <see cref="Validate"/> or
/// <see cref="AddErrorsTo"/>. This is about structure only (the codes form one branch of the
/// region tree, the detail is present and of sensible length); address precision rules belong
/// in Beian.Core.
/// </summary>
/// <remarks>
/// No DataAnnotations validation attributes on purpose: an address may be optional (单位注册地址),
/// so every message comes from <see cref="Validate"/>, once.
/// </remarks>
public sealed class AddressInput
{
    public const int DetailMinLength = 5;
    public const int DetailMaxLength = 100;

    [Display(Name = "省份")]
    public string? ProvinceCode { get; set; }

    [Display(Name = "城市")]
    public string? CityCode { get; set; }

    [Display(Name = "区县")]
    public string? CountyCode { get; set; }

    [InputLimit(DetailMaxLength)]
    [Display(Name = "详细地址")]
    public string? Detail { get; set; }

    /// <summary>True when nothing at all was chosen or typed.</summary>
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(ProvinceCode) && string.IsNullOrWhiteSpace(CityCode)
        && string.IsNullOrWhiteSpace(CountyCode) && string.IsNullOrWhiteSpace(Detail);

    /// <summary>
    /// Problems as (property name, Chinese message), e.g. ("CityCode", "请选择城市"). With
    /// <paramref name="required"/> false an entirely empty address is valid, a partly filled one
    /// is checked in full. A city without counties (东莞市, 中山市, 儋州市 …) needs no 区县.
    /// </summary>
    public IEnumerable<(string Field, string Message)> Validate(RegionCatalog regions, bool required = true)
    {
        if (!required && IsEmpty)
        {
            yield break;
        }

        var province = Find(regions, ProvinceCode, RegionLevel.Province);
        if (string.IsNullOrWhiteSpace(ProvinceCode))
        {
            yield return (nameof(ProvinceCode), "请选择省份");
        }
        else if (province is null)
        {
            yield return (nameof(ProvinceCode), "所选省份不存在，请重新选择");
        }

        var city = Find(regions, CityCode, RegionLevel.City);
        if (string.IsNullOrWhiteSpace(CityCode))
        {
            yield return (nameof(CityCode), "请选择城市");
        }
        else if (city is null || (province is not null && city.ParentCode != province.Code))
        {
            yield return (nameof(CityCode), "所选城市不属于所选省份");
            city = null;
        }

        if (city is not null)
        {
            var cityHasCounties = regions.ChildrenOf(city.Code).Count > 0;
            var county = Find(regions, CountyCode, RegionLevel.County);
            if (string.IsNullOrWhiteSpace(CountyCode))
            {
                if (cityHasCounties)
                {
                    yield return (nameof(CountyCode), "请选择区县");
                }
            }
            else if (county is null || county.ParentCode != city.Code)
            {
                yield return (nameof(CountyCode), "所选区县不属于所选城市");
            }
        }

        var detail = Detail?.Trim() ?? string.Empty;
        if (detail.Length == 0)
        {
            yield return (nameof(Detail), "请填写详细地址");
        }
        else if (detail.Length < DetailMinLength)
        {
            yield return (nameof(Detail), "详细地址过于简单，请填写到门牌号");
        }
        else if (detail.Length > DetailMaxLength)
        {
            yield return (nameof(Detail), $"详细地址不能超过{DetailMaxLength}个字");
        }
    }

    /// <summary>
    /// Adds the problems of <see cref="Validate"/> to <paramref name="modelState"/> under
    /// "{prefix}.{Property}" (the names the <c>_AddressFields</c> partial renders), so each
    /// message appears next to its select and in the form's error summary. Returns true if valid.
    /// </summary>
    public bool AddErrorsTo(ModelStateDictionary modelState, string prefix, RegionCatalog regions, bool required = true)
    {
        var valid = true;
        foreach (var (field, message) in Validate(regions, required))
        {
            modelState.AddModelError($"{prefix}.{field}", message);
            valid = false;
        }
        return valid;
    }

    /// <summary>
    /// The most precise region chosen: the county, or the city when it has no counties
    /// (东莞市 …). This is the code that decides jurisdiction (管辖地). Null when incomplete.
    /// </summary>
    public string? RegionCode(RegionCatalog regions)
    {
        if (Find(regions, CountyCode, RegionLevel.County) is { } county)
        {
            return county.Code;
        }
        return Find(regions, CityCode, RegionLevel.City) is { } city && regions.ChildrenOf(city.Code).Count == 0
            ? city.Code
            : null;
    }

    /// <summary>
    /// The address as one line, e.g. "浙江省 杭州市 西湖区 文三路90号". Placeholder city levels
    /// of the code table (市辖区, 县, 省直辖县级行政区划 …) are left out: "北京市 东城区 …".
    /// </summary>
    public string FullText(RegionCatalog regions)
    {
        var parts = new List<string>();
        foreach (var code in new[] { ProvinceCode, CityCode, CountyCode })
        {
            if (regions.Find(code) is { } region && !IsPlaceholderName(region) && !parts.Contains(region.Name))
            {
                parts.Add(region.Name);
            }
        }
        if (!string.IsNullOrWhiteSpace(Detail))
        {
            parts.Add(Detail.Trim());
        }
        return string.Join(' ', parts);
    }

    public AddressInput Clone() => (AddressInput)MemberwiseClone();

    private static bool IsPlaceholderName(Region region) =>
        region.Level == RegionLevel.City
        && (region.Name is "市辖区" or "县" || region.Name.EndsWith("直辖县级行政区划", StringComparison.Ordinal));

    private static Region? Find(RegionCatalog regions, string? code, RegionLevel level) =>
        regions.Find(code?.Trim()) is { } region && region.Level == level ? region : null;
}
