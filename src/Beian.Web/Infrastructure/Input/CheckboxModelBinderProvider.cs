using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// A checkbox posts "true" (with its hidden "false"). Any other value is refused next to the field and
/// not kept as ModelState's raw value: the checkbox tag helper reads that value back as a boolean when
/// the form is shown again, and a value that is none made the page fail (500).
/// </summary>
public sealed class CheckboxModelBinderProvider : CheckedInputBinderProvider<bool>
{
    public const string Message = "此项只能勾选或不勾选";

    protected override bool IsValid(string text) => bool.TryParse(text, out _);

    protected override void Refuse(ModelStateDictionary modelState, string key, ValueProviderResult posted, string text)
    {
        modelState.SetModelValue(key, rawValue: false, attemptedValue: posted.ToString());
        modelState.TryAddModelError(key, Message);
    }
}
