using System.ComponentModel;
using Beian.Core.Providers;
using Beian.Core.Regions;

namespace Beian.Web.Features.Providers;

/// <summary>A 网络接入服务商 or 域名注册服务商 as the search returns it.</summary>
/// <param name="Id">Stable id, e.g. aliyun.</param>
/// <param name="Name">Full legal name, e.g. 阿里云计算有限公司.</param>
/// <param name="ShortName">Common name, e.g. 阿里云（万网）.</param>
/// <param name="Kind">access, registrar or both.</param>
/// <param name="Scope">境内 or 境外.</param>
/// <param name="Region">Province code of the headquarters, 全国 or 境外.</param>
/// <param name="RegionName">Chinese name of <paramref name="Region"/>, e.g. 浙江省.</param>
public sealed record ProviderItem(string Id, string Name, string ShortName, string Kind, string Scope, string Region, string RegionName);

/// <summary>
/// GET /api/providers: the searchable list behind 【查询网络接入服务商】 and 【查询域名注册服务商】.
/// </summary>
public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/providers", IResult (
                [Description("名称的一部分（全称或简称）/ part of the full or short name, e.g. 阿里")] string? name,
                [Description("所属区域：省级代码或其下任一代码，或“全国”“境外” / region: a province code or any code inside it, 全国 or 境外")] string? region,
                [Description("类型 / kind: access（网络接入服务商）| registrar（域名注册服务商）")] string? kind,
                [Description("所属地区管辖 / scope: 境内 | 境外")] string? scope,
                ServiceProviderCatalog providers, RegionCatalog regions) =>
            {
                ProviderKind? wanted = null;
                if (!string.IsNullOrWhiteSpace(kind))
                {
                    wanted = ParseKind(kind);
                    if (wanted is null)
                    {
                        return TypedResults.Problem(
                            title: "服务商类型无效",
                            detail: "参数 kind 只能是 access（网络接入服务商）或 registrar（域名注册服务商）。",
                            statusCode: StatusCodes.Status400BadRequest);
                    }
                }
                if (!string.IsNullOrWhiteSpace(scope) && scope.Trim() is not (ProviderScopes.Domestic or ProviderScopes.Overseas))
                {
                    return TypedResults.Problem(
                        title: "所属地区管辖无效",
                        detail: "参数 scope 只能是 境内 或 境外。",
                        statusCode: StatusCodes.Status400BadRequest);
                }
                var found = providers.Search(name, region, wanted, scope)
                    .Select(provider => new ProviderItem(
                        provider.Id, provider.Name, provider.ShortName, KindName(provider.Kind), provider.Scope,
                        provider.Region, regions.Find(provider.Region)?.Name ?? provider.Region))
                    .ToList();
                return TypedResults.Ok(found);
            })
            .WithTags("服务商 Providers")
            .AllowAnonymous()
            .WithName("SearchProviders")
            .WithSummary("查询网络接入服务商、域名注册服务商 / Search service providers")
            .WithDescription("按名称（全称或简称的一部分）、所属区域（省级代码或其下任一代码，或“全国”“境外”）、类型（access 网络接入 / registrar 域名注册）和所属地区管辖（境内/境外）查询；条件均可省略。\n" +
                             "Filter by part of the name, region (a province code or any code inside it, 全国 or 境外), kind (access | registrar) and scope (境内 | 境外); every filter is optional. An unknown kind or scope is a 400 problem.")
            .Produces<List<ProviderItem>>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static ProviderKind? ParseKind(string kind) => kind.Trim().ToLowerInvariant() switch
    {
        "access" => ProviderKind.Access,
        "registrar" => ProviderKind.Registrar,
        _ => null,
    };

    private static string KindName(ProviderKind kind) => kind switch
    {
        ProviderKind.Access => "access",
        ProviderKind.Registrar => "registrar",
        _ => "both",
    };
}
