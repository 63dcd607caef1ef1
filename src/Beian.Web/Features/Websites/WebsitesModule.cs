using Beian.Core.Applications;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Numbering;
using Beian.Web.Features.Subjects;

namespace Beian.Web.Features.Websites;

/// <summary>The 网站业务 capability's services and the views of its applications.</summary>
public static class WebsitesModule
{
    public static IServiceCollection AddWebsites(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Websites:ProbeLiveSites", false))
        {
            services.AddHttpClient(nameof(HttpWebsiteProbe), client => client.Timeout = TimeSpan.FromSeconds(8));
            services.AddSingleton<IWebsiteProbe, HttpWebsiteProbe>();
        }
        else
        {
            services.AddSingleton<IWebsiteProbe, ManualWebsiteProbe>();
        }
        services.AddScoped<FilingNumberAllocator>();
        services.AddScoped<WebsiteChecks>();
        services.AddScoped<WebsiteService>();
        services.AddScoped<WebsitePrefill>();
        services.AddScoped<WebsiteApplicationEffects>();
        services.AddScoped<IApplicationEffects>(provider => provider.GetRequiredService<WebsiteApplicationEffects>());
        services.AddScoped<ISubjectDependents>(provider => provider.GetRequiredService<WebsiteApplicationEffects>());
        SnapshotViews.Register(BusinessType.NewWebsite, typeof(WebsiteForm), "/Features/Websites/_WebsiteSnapshot.cshtml");
        SnapshotViews.Register(BusinessType.ClaimWebsite, typeof(WebsiteForm), "/Features/Websites/_WebsiteSnapshot.cshtml");
        ChangeDiffs.Register<WebsiteForm>(BusinessType.ChangeWebsite, WebsiteDescription.Diff);
        SnapshotViews.Register(BusinessType.ChangeWebsite, typeof(WebsiteForm), "/Features/Websites/_WebsiteSnapshot.cshtml");
        SnapshotViews.Register(BusinessType.CancelWebsite, typeof(WebsiteCancellation), "/Features/Websites/_CancellationSnapshot.cshtml");
        return services;
    }
}
