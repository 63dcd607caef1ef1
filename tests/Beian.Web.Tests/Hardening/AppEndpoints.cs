using System.Reflection;
using Beian.Web.Features.Filing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Hardening;

/// <summary>A Razor page as routed, with its compiled handlers and bound properties.</summary>
public sealed record PageRoute(RoutePattern Pattern, CompiledPageActionDescriptor Page)
{
    public IEnumerable<HandlerMethodDescriptor> PostHandlers =>
        Page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase));

    public IEnumerable<HandlerMethodDescriptor> GetHandlers =>
        Page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// A minimal-API endpoint as routed, with its HTTP methods, its handler's parameters and whether it
/// answers every error as problem details (those under /api; a marked one outside, a badge, answers
/// its own errors so, but a wrong method gets the Chinese page).
/// </summary>
public sealed record ApiRoute(RoutePattern Pattern, IReadOnlyList<string> Methods, IReadOnlyList<ParameterInfo> Parameters, bool AnswersProblems);

/// <summary>
/// What the running app routes, read from its own <see cref="EndpointDataSource"/> (never a hand-kept
/// list), and how to fill a route's parameters and a page's form keys.
/// </summary>
public static class AppEndpoints
{
    public static async Task<IReadOnlyList<PageRoute>> PagesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new List<PageRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
                pages.Add(new PageRoute(endpoint.RoutePattern, await loader.LoadAsync(page, endpoint.Metadata)));
        }
        // An index page is routed twice (/Admin and /Admin/Index): the shorter route stands for it.
        return pages.GroupBy(p => p.Page.ViewEnginePath).Select(g => g.OrderBy(p => p.Pattern.RawText!.Length).First()).ToList();
    }

    public static IReadOnlyList<ApiRoute> Apis(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() != null && e.Metadata.GetMetadata<PageActionDescriptor>() == null)
            .Select(e => new ApiRoute(e.RoutePattern,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET"],
                e.Metadata.GetMetadata<MethodInfo>()!.GetParameters(),
                e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)))
            .ToList();

    /// <summary>The business segments the app registers (Websites, Apps …), for <c>{business}</c>.</summary>
    public static IReadOnlyList<string> BusinessSegments(IServiceProvider services) =>
        services.GetRequiredService<Businesses>().All.Select(b => b.Segment).ToList();

    /// <summary>
    /// The path of <paramref name="pattern"/> with each parameter from <paramref name="valueOf"/>; an optional
    /// parameter it gives no value is left out with its segment.
    /// </summary>
    public static string PathOf(RoutePattern pattern, Func<RoutePatternParameterPart, string?> valueOf)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = string.Empty;
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal: text += literal.Content; break;
                    case RoutePatternSeparatorPart separator: text += separator.Content; break;
                    case RoutePatternParameterPart parameter: text += valueOf(parameter) ?? string.Empty; break;
                }
            }
            if (text.Length > 0) segments.Add(text);
        }
        return "/" + string.Join('/', segments);
    }

    /// <summary>A parameter's constraints as written (<c>guid</c>, <c>business</c>, <c>regex(^Faq$)</c> …).</summary>
    public static IEnumerable<string> ConstraintsOf(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Select(p => p.Content ?? string.Empty);

    /// <summary>The form keys a handler binds: its page's bound properties and its parameters, nested objects and lists too.</summary>
    /// <remarks>
    /// A business's form page binds its steps ② and ③ itself (TryUpdateModelAsync on "BasicInfo" and "People"), so
    /// their keys come from the registered businesses' forms, every business's on every such page.
    /// </remarks>
    public static IReadOnlyList<string> FormKeys(PageRoute page, HandlerMethodDescriptor handler, IServiceProvider services) =>
        FormFields(page, handler, services).Keys;

    /// <summary>The file keys a handler binds: an <see cref="IFormFile"/> anywhere in its model (an upload slot's <c>.File</c> too).</summary>
    public static IReadOnlyList<string> FileKeys(PageRoute page, HandlerMethodDescriptor handler, IServiceProvider services) =>
        FormFields(page, handler, services).Files;

    private static (IReadOnlyList<string> Keys, IReadOnlyList<string> Files) FormFields(PageRoute page, HandlerMethodDescriptor handler,
        IServiceProvider services)
    {
        var fields = new FieldKeys([], []);
        foreach (var property in page.Page.BoundProperties)
            AddKeys(fields, property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, 0);
        foreach (var parameter in handler.Parameters)
            AddKeys(fields, parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, 0);
        if (typeof(BusinessPageModel).IsAssignableFrom(page.Page.ModelTypeInfo))
        {
            foreach (var business in services.GetRequiredService<Businesses>().All)
                AddKeys(fields, "BasicInfo", business.NewForm().BasicInfoSection.GetType(), 0);
            AddKeys(fields, "People", typeof(BusinessPeople), 0);
        }
        return (fields.Keys.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), fields.Files.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private sealed record FieldKeys(List<string> Keys, List<string> Files);

    /// <summary>The query keys a page reads on GET: properties bound on GET and its GET handlers' parameters.</summary>
    public static IReadOnlyList<string> QueryKeys(PageRoute page)
    {
        var keys = page.Page.BoundProperties
            .Where(p => p is PageBoundPropertyDescriptor { Property: var info } && info.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true)
            .Select(p => p.BindingInfo?.BinderModelName ?? p.Name)
            .Concat(page.GetHandlers.SelectMany(h => h.Parameters).Select(p => p.BindingInfo?.BinderModelName ?? p.Name));
        return keys.Where(k => !page.Pattern.Parameters.Any(p => string.Equals(p.Name, k, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static void AddKeys(FieldKeys keys, string prefix, Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsSimple(type))
        {
            keys.Keys.Add(prefix);
            return;
        }
        if (typeof(IFormFile).IsAssignableFrom(type))
        {
            keys.Files.Add(prefix);
            return;
        }
        if (depth >= 4) return;
        if (DictionaryValueOf(type) is { } value)
        {
            // A dictionary's keys are the form's own (upload slots by name): one made-up key reaches its binder.
            AddKeys(keys, $"{prefix}[hostile]", value, depth + 1);
            return;
        }
        if (ElementOf(type) is { } element)
        {
            AddKeys(keys, IsSimple(element) ? prefix : $"{prefix}[0]", element, depth + 1);
            return;
        }
        if (type.Namespace?.StartsWith("Beian.", StringComparison.Ordinal) != true) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            AddKeys(keys, $"{prefix}.{property.Name}", property.PropertyType, depth + 1);
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
        || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly);

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValueOf(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];
}
