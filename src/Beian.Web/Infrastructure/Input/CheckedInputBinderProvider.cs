using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// Binds every <typeparamref name="T"/> and <typeparamref name="T"/>? of a page, checking the posted text first: text
/// that is no <typeparamref name="T"/> is refused next to its field by <see cref="Refuse"/>; nothing posted, or text
/// that is one, is bound by the framework's simple binder as before.
/// </summary>
public abstract class CheckedInputBinderProvider<T> : IModelBinderProvider where T : struct
{
    protected abstract bool IsValid(string text);

    /// <summary>Records the refusal of <paramref name="posted"/> (its first value, <paramref name="text"/>) under <paramref name="key"/>.</summary>
    protected abstract void Refuse(ModelStateDictionary modelState, string key, ValueProviderResult posted, string text);

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.UnderlyingOrModelType != typeof(T)) return null;
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        return new Binder(this, new SimpleTypeModelBinder(context.Metadata.ModelType, loggers));
    }

    private sealed class Binder(CheckedInputBinderProvider<T> input, IModelBinder simpleBinder) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (posted.FirstValue is not { Length: > 0 } text || input.IsValid(text))
                return simpleBinder.BindModelAsync(bindingContext);
            input.Refuse(bindingContext.ModelState, bindingContext.ModelName, posted, text);
            return Task.CompletedTask;
        }
    }
}
