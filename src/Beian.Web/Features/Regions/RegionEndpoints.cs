using System.ComponentModel;
using Beian.Core.Regions;

namespace Beian.Web.Features.Regions;

/// <summary>A region in the cascading 省 → 市 → 区县 selects.</summary>
/// <param name="Code">6-digit GB/T 2260 code, e.g. 330106.</param>
/// <param name="Name">Chinese name, e.g. 西湖区.</param>
/// <param name="IsDevelopmentZone">True for a 经济技术开发区, 高新区, 新区 … listed at county level.</param>
public sealed record RegionItem(string Code, string Name, bool IsDevelopmentZone)
{
    public static RegionItem From(Region region) => new(region.Code, region.Name, region.IsDevelopmentZone);
}

/// <summary>
/// GET /api/regions and /api/regions/{code}/children: the region tree behind every address
/// input (wwwroot/js/address.js), public and cacheable for a day.
/// </summary>
public static class RegionEndpoints
{
    public const string CacheControl = "public, max-age=86400";

    public static IEndpointRouteBuilder MapRegionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/regions")
            .WithTags("行政区划 Regions")
            .AllowAnonymous();

        group.MapGet("/", (RegionCatalog regions, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = CacheControl;
                return TypedResults.Ok(regions.Provinces.Select(RegionItem.From).ToList());
            })
            .WithName("ListProvinces")
            .WithSummary("省级行政区列表 / List provinces")
            .WithDescription("全部省、自治区、直辖市，按行政区划代码排序。\nEvery province-level division, ordered by code. Cacheable for one day.")
            .Produces<List<RegionItem>>(StatusCodes.Status200OK, "application/json");

        group.MapGet("/{code}/children", IResult ([Description("6 位行政区划代码 / 6-digit region code, e.g. 330100")] string code, RegionCatalog regions, HttpContext http) =>
            {
                if (regions.Find(code) is null)
                {
                    return TypedResults.Problem(
                        title: "行政区划不存在",
                        detail: $"未找到代码为 {code} 的行政区划。",
                        statusCode: StatusCodes.Status404NotFound);
                }
                http.Response.Headers.CacheControl = CacheControl;
                return TypedResults.Ok(regions.ChildrenOf(code).Select(RegionItem.From).ToList());
            })
            .WithName("ListRegionChildren")
            .WithSummary("下级行政区 / Children of a region")
            .WithDescription("省的下级为城市，城市的下级为区县（含开发区等功能区，isDevelopmentZone 为 true）；区县及不设区县的城市（如东莞市）返回空列表；未知代码返回 404。\n" +
                             "A province's cities or a city's counties (development zones flagged); an empty list for a county or a city without counties; 404 for an unknown code. Cacheable for one day.")
            .Produces<List<RegionItem>>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }
}
