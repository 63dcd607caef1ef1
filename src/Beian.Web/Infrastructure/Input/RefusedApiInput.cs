using System.Reflection;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// <see cref="InputText"/>'s rules for the JSON APIs: an argument bound from the request (a query or
/// route value, a JSON body's field at any depth) with a control character, a lone surrogate or too
/// many characters answers a 400 problem naming the field, before the endpoint reads anything with it.
/// Arguments that are services are not input and are left alone.
/// </summary>
public sealed class RefusedApiInput(IServiceProviderIsService services) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
        for (var i = 0; i < context.Arguments.Count && i < parameters.Length; i++)
        {
            if (services.IsService(parameters[i].ParameterType)) continue;
            if (InputGraph.FirstRefusal(context.Arguments[i], parameters[i].Name ?? string.Empty) is { } refusal)
            {
                return Results.Problem(title: "请求无效", statusCode: StatusCodes.Status400BadRequest,
                    detail: $"{refusal.Path}：{refusal.Message}");
            }
        }
        return await next(context);
    }
}
