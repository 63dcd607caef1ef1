using Beian.Web.Features.Filing;

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
        return services;
    }
}
