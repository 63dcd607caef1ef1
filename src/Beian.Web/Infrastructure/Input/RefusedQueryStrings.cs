using Microsoft.AspNetCore.Diagnostics;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// A query string with a control character (<c>?keyword=%00</c>) or a value longer than any field takes
/// reaches no page, API or database: the request answers 400, which the status-code pages turn into
/// the Chinese error page, or a problem for an API.
/// </summary>
public sealed class RefusedQueryStrings(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() == null && Refuses(context.Request.Query))
        {
            RefusedInput.Record(context, string.Empty, "地址中含有不允许的控制字符或过长的内容");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static bool Refuses(IQueryCollection query) =>
        query.Any(pair => Refuses(pair.Key) || pair.Value.Any(value => value != null && Refuses(value)));

    private static bool Refuses(string text) =>
        InputText.Refusal(text, InputText.DefaultMaxLength, null) != null;
}
