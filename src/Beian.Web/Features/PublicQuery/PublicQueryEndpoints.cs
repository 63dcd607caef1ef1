using Beian.Core.Numbering;
using Beian.Core.PublicQuery;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// 公共查询 as a JSON API for integrations: the same forms, fields and limits as the page, without a
/// captcha — a client past <c>RateLimits:PublicQueryCaptchaAfter</c> queries in a minute gets 429.
/// Errors are ProblemDetails with a Chinese <c>detail</c>.
/// </summary>
public static class PublicQueryEndpoints
{
    public static IEndpointRouteBuilder MapPublicQuery(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/public/websites").WithTags("Public query").AllowAnonymous();
        api.MapGet("", SearchAsync)
            .WithName("PublicWebsiteSearch")
            .WithSummary("公共查询 / Search filed websites by name, domain or number")
            .WithDescription("""
                Exactly one of: name (a substring of the 网站名称, from one character; paged by page, 10 a page, the newest 500
                matches at most, tooMany when there are more), domain (a main domain, any subdomain of it, a 从域名 or a URL;
                lower-case, IDN and scheme/port/path handled), number (a 公安备案号 of 14 or 12 digits, with or without the province
                prefix, spaces or 号); a name of three characters or more whose pieces are all common is looked for among the newest
                names holding them only (incomplete, with tooMany). Only websites whose number is in force (已备案, 变更中, 注销中) are found. Fields as on the
                public record: no personal data, an individual holder's name partly masked; domains in ASCII (punycode).
                Rate-limited per client IP (429 with Retry-After).
                """)
            .Produces<PublicSearchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/{digits}", ByNumberAsync)
            .WithName("PublicWebsiteByNumber")
            .WithSummary("公安备案号查询 / The filed website of one number")
            .WithDescription("The website holding this 公安备案号 (14 or 12 digits, or the whole number as displayed), if its number is in force.")
            .Produces<PublicWebsiteItem>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        foreach (var business in routes.ServiceProvider.GetRequiredService<Filing.Businesses>().PublicServices)
            MapService(routes, business);
        return routes;
    }

    /// <summary>/api/public/apps, /api/public/miniprograms …: the same two queries for every business that is not a website.</summary>
    private static void MapService(IEndpointRouteBuilder routes, Filing.IBusiness business)
    {
        var noun = business.Noun;
        var group = routes.MapGroup($"/api/public/{business.PublicScope}s").WithTags("Public query").AllowAnonymous();
        group.MapGet("", (string? name, string? number, string? page, PublicServiceSearch search, PublicQueryLimiter limiter, HttpContext http,
                CancellationToken cancellationToken) => SearchServiceAsync(business, name, number, page, search, limiter, http, cancellationToken))
            .WithName($"Public{business.RecordType}Search")
            .WithSummary($"公共查询 / Search filed {business.RecordType} records by name or number")
            .WithDescription($"""
                Exactly one of: name (a substring of the {noun}名称, from one character; paged by page, 10 a page, the newest 500 matches
                at most, tooMany when there are more) or number (a 公安备案号; a {noun}'s carries {business.Category.Digits()} in digits 7–8). Only
                records whose number is in force are found. Fields as on the public record ({noun}名称, 平台, 开办主体性质, {noun}类别, 开办者名称
                masked for an individual, 公安备案号, 备案地公安机关, 联网备案时间); no personal data. Rate-limited per client IP with the websites' query.
                """)
            .Produces<PublicServiceSearchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/{digits}", (string digits, PublicServiceSearch search, PublicQueryLimiter limiter, HttpContext http,
                CancellationToken cancellationToken) => ServiceByNumberAsync(business, digits, search, limiter, http, cancellationToken))
            .WithName($"Public{business.RecordType}ByNumber")
            .WithSummary($"公安备案号查询 / The filed {business.RecordType} of one number")
            .WithDescription($"The {noun} holding this 公安备案号 (14 digits, or the whole number as displayed), if its number is in force.")
            .Produces<PublicServiceItem>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> SearchServiceAsync(Filing.IBusiness business, string? name, string? number, string? page, PublicServiceSearch search,
        PublicQueryLimiter limiter, HttpContext http, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(limiter, http, cancellationToken) is { } refused) return refused;
        if ((name == null) == (number == null)) return BadRequest($"请提供 name（{business.Noun}名称）或 number（公安备案号）其中之一");
        var pageNumber = 1;
        if (page != null && (!int.TryParse(page, out pageNumber) || pageNumber < 1)) return BadRequest("page 应为正整数");
        var (result, error) = await search.RunAsync(business, name != null ? PublicSearchKind.Name : PublicSearchKind.Number, name ?? number, pageNumber,
            cancellationToken);
        if (error != null) return BadRequest(error);
        return Results.Ok(new PublicServiceSearchResponse(result!.Kind.ToString(), result.Items, result.Page, PublicSearch.PageSize, result.PageCount,
            result.Total, result.TooMany, result.Incomplete));
    }

    private static async Task<IResult> ServiceByNumberAsync(Filing.IBusiness business, string digits, PublicServiceSearch search, PublicQueryLimiter limiter,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(limiter, http, cancellationToken) is { } refused) return refused;
        var (result, error) = await search.RunAsync(business, PublicSearchKind.Number, digits, 1, cancellationToken);
        if (error != null) return BadRequest(error);
        return result!.Items is [var item]
            ? Results.Ok(item)
            : Problem(StatusCodes.Status404NotFound, "未找到", $"未查询到该公安备案号的{business.Noun}备案信息");
    }

    private static async Task<IResult> SearchAsync(string? name, string? domain, string? number, string? page,
        PublicSearch search, PublicQueryLimiter limiter, HttpContext http, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(limiter, http, cancellationToken) is { } refused) return refused;
        var given = new (PublicSearchKind Kind, string? Value)[] { (PublicSearchKind.Name, name), (PublicSearchKind.Domain, domain), (PublicSearchKind.Number, number) }
            .Where(p => p.Value != null).ToList();
        if (given.Count != 1) return BadRequest("请提供 name（网站名称）、domain（域名）或 number（公安备案号）其中之一");
        var pageNumber = 1;
        if (page != null && (!int.TryParse(page, out pageNumber) || pageNumber < 1)) return BadRequest("page 应为正整数");
        var outcome = await search.RunAsync(given[0].Kind, given[0].Value, pageNumber, cancellationToken);
        if (outcome.Error != null) return BadRequest(outcome.Error);
        var result = outcome.Result!;
        return Results.Ok(new PublicSearchResponse(result.Kind.ToString(), result.Items, result.Page, PublicSearch.PageSize,
            result.PageCount, result.Total, result.TooMany, result.Incomplete));
    }

    private static async Task<IResult> ByNumberAsync(string digits, PublicSearch search, PublicQueryLimiter limiter, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await RefusedAsync(limiter, http, cancellationToken) is { } refused) return refused;
        var outcome = await search.RunAsync(PublicSearchKind.Number, digits, 1, cancellationToken);
        if (outcome.Error != null) return BadRequest(outcome.Error);
        return outcome.Result!.Items is [var item]
            ? Results.Ok(item)
            : Problem(StatusCodes.Status404NotFound, "未找到", "未查询到该公安备案号的备案信息");
    }

    private static async Task<IResult?> RefusedAsync(PublicQueryLimiter limiter, HttpContext http, CancellationToken cancellationToken)
    {
        var admission = await limiter.AdmitAsync(http, captchaIsRefusal: true, cancellationToken);
        if (admission.Gate != PublicQueryGate.Refused) return null;
        http.Response.Headers.RetryAfter = admission.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, "查询过于频繁", admission.RefusalMessage);
    }

    private static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "查询条件不正确", detail);

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status);
}

/// <summary>A page of 公共查询 results.</summary>
/// <param name="Kind">Name, Domain or Number: how the query was read.</param>
/// <param name="Total">Matches, at most 500 (see <paramref name="TooMany"/>).</param>
/// <param name="TooMany">There may be more matches than listed.</param>
/// <param name="Incomplete">A name of common pieces was looked for among the newest sites holding them only: an empty list does not mean unfiled.</param>
public sealed record PublicSearchResponse(string Kind, IReadOnlyList<PublicWebsiteItem> Items, int Page, int PageSize, int PageCount,
    int Total, bool TooMany, bool Incomplete);

/// <summary>A page of 公共查询 results for APPs, 小程序 ….</summary>
/// <param name="Kind">Name or Number: how the query was read.</param>
public sealed record PublicServiceSearchResponse(string Kind, IReadOnlyList<PublicServiceItem> Items, int Page, int PageSize, int PageCount,
    int Total, bool TooMany, bool Incomplete);
