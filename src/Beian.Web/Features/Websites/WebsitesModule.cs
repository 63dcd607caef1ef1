using Beian.Web.Features.Filing;
using Beian.Web.Infrastructure.Jobs;

namespace Beian.Web.Features.Websites;

/// <summary>The 网站业务 capability: a business on the shared filing machinery, with its probe and its prefill.</summary>
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
        services.AddScoped<WebsitePrecheck>();
        services.AddScoped<WebsiteChecks>();
        services.AddScoped<WebsitePrefill>();
        services.AddBusiness<WebsiteBusiness, WebsiteService>();
        services.AddScoped<FiledSiteLookup>();
        services.AddScoped<WebsiteColumnsBackfill>();
        services.AddScoped<IStartupBackfill>(s => s.GetRequiredService<WebsiteColumnsBackfill>());
        return services;
    }
}
