using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// The values of this request that broke <see cref="InputText"/>'s rules, by their form key, with
/// the Chinese message shown next to the field. Held by the request, so a handler that clears its
/// binding errors (left to the pre-check) cannot clear these.
/// </summary>
public sealed class RefusedInput
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> Messages => _messages;

    public static RefusedInput? Of(HttpContext context) => context.Features.Get<RefusedInput>();

    public static bool Any(HttpContext context) => Of(context) is { Messages.Count: > 0 };

    public static void Record(HttpContext context, string key, string message)
    {
        var refused = Of(context);
        if (refused == null) context.Features.Set(refused = new RefusedInput());
        refused._messages.TryAdd(key, message);
    }

    /// <summary>Puts each refusal next to its field, unless the field already shows an error.</summary>
    public void ShowIn(ModelStateDictionary modelState)
    {
        foreach (var (key, message) in _messages)
        {
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            modelState.AddModelError(key, message);
        }
    }
}

public static class RefusedInputModelState
{
    /// <summary>
    /// Forgets binding errors (a date that is not a date …: the pre-check reports the field in its own
    /// words) but keeps the refused input, which nothing may check or store.
    /// </summary>
    public static void ClearBindingErrors(this ModelStateDictionary modelState, HttpContext context)
    {
        modelState.Clear();
        RefusedInput.Of(context)?.ShowIn(modelState);
    }
}

/// <summary>Something was about to store a value the input rules refuse: the request answers 400.</summary>
public sealed class RefusedInputException(string message) : Exception(message);
