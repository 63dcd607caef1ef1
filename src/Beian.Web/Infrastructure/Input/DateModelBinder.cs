using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// A date box posts yyyy-MM-dd. Text that is no date (2026-02-30, abc) is refused with what to type instead of the
/// generic “…”格式不正确, and kept as typed (the page shows it back beside the message).
/// </summary>
public sealed class DateModelBinder(IModelBinder simpleBinder) : IModelBinder
{
    public static string MessageFor(string typed) => $"“{typed}”不是有效的日期，请按“年-月-日”填写，如2026-03-01";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted.FirstValue is not { Length: > 0 } text || DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _))
            return simpleBinder.BindModelAsync(bindingContext);
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, MessageFor(text));
        return Task.CompletedTask;
    }
}

/// <summary>Binds every <c>DateOnly</c> and <c>DateOnly?</c> of a page through <see cref="DateModelBinder"/>.</summary>
public sealed class DateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.UnderlyingOrModelType != typeof(DateOnly)) return null;
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        return new DateModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggers));
    }
}
