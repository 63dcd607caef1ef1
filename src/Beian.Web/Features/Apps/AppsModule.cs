using Beian.Web.Features.Filing;
using Beian.Web.Features.Uploads;

namespace Beian.Web.Features.Apps;

/// <summary>The APP业务 capability: a business on the shared filing machinery, with its package reader and public records.</summary>
public static class AppsModule
{
    public static IServiceCollection AddApps(this IServiceCollection services)
    {
        services.AddSingleton<IPackageInspector, AppPackageInspector>();
        services.AddBusiness<AppBusiness, AppService>();
        services.AddScoped<FiledAppLookup>();
        return services;
    }
}
