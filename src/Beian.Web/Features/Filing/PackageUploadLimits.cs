using Beian.Web.Features.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Beian.Web.Features.Filing;

/// <summary>
/// A business form that takes installation packages (APP) accepts a request as large as
/// <c>Uploads:PackageMaxBytes</c> plus the rest of the form; every other page keeps the server's default
/// limits. Set before the form is read, which is when they count.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PackageUploadLimitsAttribute : Attribute, IResourceFilter
{
    /// <summary>Room for the form's other fields and images beside the package.</summary>
    private const long FormOverhead = 64L * 1024 * 1024;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (services.GetRequiredService<Businesses>().BySegment(context.RouteData.Values["business"] as string) is not { TakesPackages: true }) return;
        var limit = services.GetRequiredService<IOptions<UploadOptions>>().Value.PackageMaxBytes + FormOverhead;
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limit;
        if (!context.HttpContext.Request.HasFormContentType || context.HttpContext.Features.Get<IFormFeature>()?.Form != null) return;
        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request,
            new FormOptions { MultipartBodyLengthLimit = limit, ValueCountLimit = 2048 }));
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
