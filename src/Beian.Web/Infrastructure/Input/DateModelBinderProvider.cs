using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// A date box posts yyyy-MM-dd. Text that is no date (2026-02-30, abc) is refused with what to type instead of the
/// generic “…”格式不正确, and kept as typed (the page shows it back beside the message).
/// </summary>
public sealed class DateModelBinderProvider : CheckedInputBinderProvider<DateOnly>
{
    public static string MessageFor(string typed) => $"“{typed}”不是有效的日期，请按“年-月-日”填写，如2026-03-01";

    protected override bool IsValid(string text) => DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _);

    protected override void Refuse(ModelStateDictionary modelState, string key, ValueProviderResult posted, string text)
    {
        modelState.SetModelValue(key, posted);
        modelState.TryAddModelError(key, MessageFor(text));
    }
}
