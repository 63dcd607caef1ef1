using Microsoft.AspNetCore.Diagnostics;

namespace Beian.Web.Infrastructure.Hosting;

/// <summary>
/// The JSON APIs (everything under <c>/api</c>, and endpoints marked <see cref="AnswersWithProblemDetails"/>)
/// answer every error as <c>application/problem+json</c> with a Chinese <c>title</c> and <c>detail</c>,
/// whoever produced it: their own code, model binding (malformed JSON, a number that is not one),
/// routing (404, 405), an unhandled exception (500) or a database outage (503). Pages keep the
/// Chinese error page.
/// </summary>
public static class ApiProblems
{
    private static readonly PathString ApiRoot = "/api";

    public static bool IsApi(HttpContext context) => IsApi(context.Request.Path, context.GetEndpoint());

    public static bool IsApi(PathString path, Endpoint? endpoint) =>
        path.StartsWithSegments(ApiRoot, StringComparison.OrdinalIgnoreCase)
        || endpoint?.Metadata.GetMetadata<AnswersWithProblemDetails>() != null;

    /// <summary>Marks endpoints outside <c>/api</c> (the badges) that answer errors as problems too.</summary>
    public static TBuilder AnswersWithProblemDetails<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AnswersWithProblemDetails());

    public static Task WriteAsync(HttpContext context, int status)
    {
        var (title, detail) = Describe(status, context);
        return Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
    }

    /// <summary>
    /// Gives an API's bodiless error (a binding failure, 404, 405, 415) its problem; placed inside the
    /// status-code pages, which then leave the answered response alone.
    /// </summary>
    public static IApplicationBuilder UseApiProblemResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            var response = context.Response;
            if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null or 0
                && string.IsNullOrEmpty(response.ContentType) && IsApi(context))
                await WriteAsync(context, response.StatusCode);
        });

    private static (string Title, string Detail) Describe(int status, HttpContext context) => status switch
    {
        400 => ("请求无效", "请求参数或请求内容的格式不正确（例如JSON无法解析、数字参数不是数字、含有控制字符），请检查后重试。"),
        401 => ("需要登录", "请先登录后再调用该接口。"),
        403 => ("无权访问", "您的账号无权调用该接口。"),
        404 => ("资源不存在", "请求的接口或资源不存在，请检查地址是否正确。"),
        405 => ("请求方式不正确", $"该接口不支持 {context.Request.Method} 请求方式。"),
        413 => ("请求内容过大", "请求内容超过了接口允许的大小。"),
        415 => ("内容类型不受支持", "请求内容类型不受支持，请以 application/json 提交。"),
        429 => ("操作过于频繁", "操作过于频繁，请稍后再试。"),
        503 => ("服务暂时不可用", "服务暂时不可用（数据库暂时无法连接），请稍后再试。"),
        >= 500 => ("系统繁忙", "系统处理请求时出现问题，请稍后再试；如问题持续，请联系平台客服并提供参考编号（traceId）。"),
        _ => ("请求无法处理", "请求无法处理，请检查后重试。"),
    };
}

/// <summary>Endpoint metadata: this endpoint answers its errors as problem details, like <c>/api</c>.</summary>
public sealed class AnswersWithProblemDetails;

/// <summary>An unhandled exception in an API answers a problem with the status <see cref="ErrorStatus"/> gives it.</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The request's path is the error page's by now; the feature keeps the original.
        if (context.Features.Get<IExceptionHandlerFeature>() is not { } failure || !ApiProblems.IsApi(failure.Path, failure.Endpoint))
            return false;
        var status = ErrorStatus.Of(exception);
        var level = status >= StatusCodes.Status500InternalServerError ? LogLevel.Error : LogLevel.Information;
        logger.Log(level, exception, "Unhandled error on API {Path}, answered {Status}", context.Request.Path, status);
        context.Response.StatusCode = status;
        await ApiProblems.WriteAsync(context, status);
        return true;
    }
}
