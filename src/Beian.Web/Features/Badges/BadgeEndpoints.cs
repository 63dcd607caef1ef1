using System.Collections.Concurrent;
using System.Text;
using Beian.Core.Numbering;
using Beian.Web.Infrastructure.Hosting;

namespace Beian.Web.Features.Badges;

/// <summary>
/// The 备案编号图标 that filed sites embed in their footer: <c>GET /badge.svg</c> and <c>GET /badge.png?size=20|40|80|160</c>.
/// Anonymous and cacheable for a week; <c>?download=1</c> adds <c>Content-Disposition: attachment</c>
/// (filename gongan-beian.svg / gongan-beian.png) for the 【下载…图标】 links.
/// </summary>
public static class BadgeEndpoints
{
    public const string CacheControl = "public, max-age=604800";
    public const int DefaultPngSize = 40;

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];
    private static readonly Lazy<byte[]> Svg = new(() => Encoding.UTF8.GetBytes(BadgeSvg.Render()));
    private static readonly ConcurrentDictionary<int, byte[]> Pngs = new();

    public static IEndpointRouteBuilder MapBadges(this IEndpointRouteBuilder routes)
    {
        var badges = routes.MapGroup("").AllowAnonymous().WithTags("Badges").AnswersWithProblemDetails();

        badges.MapMethods("/badge.svg", GetAndHead, (HttpContext http, string? download) =>
        {
            Headers(http, download, "gongan-beian.svg");
            return Results.Bytes(Svg.Value, "image/svg+xml");
        })
        .WithSummary("备案编号图标 (SVG)")
        .WithDescription("The badge shown beside a 公安备案号, as a scalable SVG. download=1 serves it as an attachment.")
        .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml");

        badges.MapMethods("/badge.png", GetAndHead, (HttpContext http, int? size, string? download) =>
        {
            var pixels = size ?? DefaultPngSize;
            if (!BadgePngRenderer.IsOffered(pixels))
            {
                return Results.Problem(
                    detail: $"size 只能是 {string.Join("、", BadgePngRenderer.Sizes)}",
                    statusCode: StatusCodes.Status400BadRequest);
            }
            Headers(http, download, "gongan-beian.png");
            return Results.Bytes(Pngs.GetOrAdd(pixels, BadgePngRenderer.RenderPng), "image/png");
        })
        .WithSummary("备案编号图标 (PNG)")
        .WithDescription("The badge as a square PNG with a transparent background; size is 20, 40 (default), 80 or 160 pixels. download=1 serves it as an attachment.")
        .Produces(StatusCodes.Status200OK, contentType: "image/png")
        .ProducesProblem(StatusCodes.Status400BadRequest);

        return routes;
    }

    private static void Headers(HttpContext http, string? download, string fileName)
    {
        http.Response.Headers.CacheControl = CacheControl;
        if (download is "1" or "true")
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename={fileName}";
        }
    }
}
