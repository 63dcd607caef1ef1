using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// Finds what a posted key binds to on a page (<c>Form.Organisation.Name</c>, <c>BasicInfo.Name</c>,
/// <c>Reasons[0].Message</c>, a handler's parameter), so that its declared limit and label apply. A
/// property typed <c>object</c> is followed by the type of its current value (a business's step ②).
/// </summary>
public static class FormFields
{
    /// <summary>The property or parameter the key binds to, or null when nothing on the page takes it.</summary>
    public static ICustomAttributeProvider? DeclarationOf(object page, string key, IEnumerable<ParameterInfo> handlerParameters)
    {
        ICustomAttributeProvider? declaration = null;
        object? instance = page;
        var type = page.GetType();
        var first = true;
        foreach (var segment in key.Split('.'))
        {
            var (name, indexed) = SplitIndexer(segment);
            if (name.Length > 0)
            {
                if (first && BoundProperty(type, name) is null && handlerParameters.FirstOrDefault(p => Same(p.Name, name)) is { } parameter)
                {
                    declaration = parameter;
                    type = parameter.ParameterType;
                    instance = null;
                }
                else if ((first ? BoundProperty(type, name) : Property(type, name)) is { } property)
                {
                    declaration = property;
                    instance = ValueOf(property, instance);
                    type = instance?.GetType() ?? property.PropertyType;
                }
                else return null;
            }
            if (indexed)
            {
                type = ElementType(type);
                instance = null;
            }
            first = false;
        }
        return declaration;
    }

    private static PropertyInfo? BoundProperty(Type page, string name) =>
        page.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<BindPropertyAttribute>()?.Name is { } alias && Same(alias, name))
        ?? Property(page, name);

    private static PropertyInfo? Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property
        && property.GetIndexParameters().Length == 0 ? property : null;

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static (string Name, bool Indexed) SplitIndexer(string segment)
    {
        var bracket = segment.IndexOf('[');
        return bracket < 0 ? (segment, false) : (segment[..bracket], true);
    }

    // The current value tells the runtime type of a property declared as object or an interface; a page
    // not yet prepared (a getter that throws) falls back to the declared type.
    private static object? ValueOf(PropertyInfo property, object? instance)
    {
        if (instance == null || !property.CanRead) return null;
        try
        {
            return property.GetValue(instance);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static Type ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType()!;
        var dictionary = Generic(type, typeof(IDictionary<,>)) ?? Generic(type, typeof(IReadOnlyDictionary<,>));
        if (dictionary != null) return dictionary.GetGenericArguments()[1];
        return Generic(type, typeof(IEnumerable<>))?.GetGenericArguments()[0] ?? typeof(object);
    }

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}
