using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// A checkbox posts "true" (with its hidden "false"). Any other value is refused next to the field and
/// not kept as ModelState's raw value: the checkbox tag helper reads that value back as a boolean when
/// the form is shown again, and a value that is none made the page fail (500).
/// </summary>
public sealed class CheckboxModelBinder(IModelBinder simpleBinder) : IModelBinder
{
    public const string Message = "此项只能勾选或不勾选";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted.FirstValue is not { Length: > 0 } text || bool.TryParse(text, out _))
            return simpleBinder.BindModelAsync(bindingContext);
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: false, attemptedValue: posted.ToString());
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message);
        return Task.CompletedTask;
    }
}

/// <summary>Binds every <c>bool</c> and <c>bool?</c> of a page through <see cref="CheckboxModelBinder"/>.</summary>
public sealed class CheckboxModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.UnderlyingOrModelType != typeof(bool)) return null;
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        return new CheckboxModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggers));
    }
}
