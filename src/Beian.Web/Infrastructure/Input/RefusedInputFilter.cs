using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// Checks every posted value of a page against <see cref="InputText"/>'s rules once it is bound and
/// before the handler runs: each refused value gets its Chinese message next to its field, and the
/// handler sees an invalid ModelState, so it shows the form again with what was typed instead of
/// storing it. Runs before the other page filters (which may read the form).
/// </summary>
public sealed class RefusedInputFilter : IAsyncPageFilter, IOrderedFilter
{
    private const string InvalidKey = "提交的表单含有无效的字段名，请刷新页面后重新填写";

    public int Order => -1000;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.HasFormContentType && !IsErrorPage(http))
        {
            var parameters = context.HandlerMethod?.Parameters.Select(p => p.ParameterInfo).ToList() ?? [];
            foreach (var (key, values) in await http.Request.ReadFormAsync(http.RequestAborted))
            {
                if (RefusalOf(context.HandlerInstance, parameters, key, values) is { } refusal)
                    RefusedInput.Record(http, refusal.Key, refusal.Message);
            }
            RefusedInput.Of(http)?.ShowIn(context.ModelState);
        }
        await next();
    }

    private static (string Key, string Message)? RefusalOf(object page, IReadOnlyList<ParameterInfo> parameters, string key, StringValues values)
    {
        if (InputText.Refusal(key, InputText.DefaultMaxLength, null) != null) return (string.Empty, InvalidKey);
        var declaration = FormFields.DeclarationOf(page, key, parameters);
        var (maxLength, label) = (InputText.MaxLengthOf(declaration), InputText.LabelOf(declaration));
        foreach (var value in values)
        {
            if (value != null && InputText.Refusal(value, maxLength, label) is { } message) return (key, message);
        }
        return null;
    }

    // The error page re-executed for a refused request reads nothing of what was posted.
    private static bool IsErrorPage(HttpContext http) =>
        http.Features.Get<IExceptionHandlerFeature>() != null || http.Features.Get<IStatusCodeReExecuteFeature>() != null;
}
