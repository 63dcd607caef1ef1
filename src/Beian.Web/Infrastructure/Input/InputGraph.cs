using System.Collections;
using System.Reflection;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// <see cref="InputText"/>'s rules over an object built from input (a form about to be saved as a
/// draft, an API's JSON body): every string property, in nested objects and lists too, by the limit
/// its property declares.
/// </summary>
public static class InputGraph
{
    private const int MaxDepth = 12;

    /// <summary>The first refusal as (path of the field, Chinese message), or null when everything is acceptable.</summary>
    public static (string Path, string Message)? FirstRefusal(object? root, string path = "") =>
        Visit(root, path, null, 0);

    private static (string Path, string Message)? Visit(object? value, string path, PropertyInfo? declaration, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return InputText.Refusal(text, InputText.MaxLengthOf(declaration), InputText.LabelOf(declaration)) is { } message
                    ? (path, message) : null;
            case IDictionary dictionary:
                return VisitItems(dictionary.Values, path, declaration, depth);
            case IEnumerable items:
                return VisitItems(items, path, declaration, depth);
            default:
                return IsOurs(value.GetType()) && depth < MaxDepth ? VisitProperties(value, path, depth) : null;
        }
    }

    private static (string, string)? VisitItems(IEnumerable items, string path, PropertyInfo? declaration, int depth)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (Visit(item, $"{path}[{index++}]", declaration, depth + 1) is { } refusal) return refusal;
        }
        return null;
    }

    private static (string, string)? VisitProperties(object value, string path, int depth)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead || !property.CanWrite) continue;
            var child = string.IsNullOrEmpty(path) ? property.Name : $"{path}.{property.Name}";
            if (Visit(property.GetValue(value), child, property, depth + 1) is { } refusal) return refusal;
        }
        return null;
    }

    // Only the platform's own types are walked: a framework object (a stream, a type) is no input.
    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Beian.", StringComparison.Ordinal) == true;
}
