namespace Beian.Web.Features.Content;

/// <summary>The public content capability: articles of the four 栏目 and the 下载中心. One call in ServiceRegistration.</summary>
public static class ContentModule
{
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.Configure<DownloadOptions>(configuration.GetSection("Downloads"));
        services.AddScoped<ContentQueries>();
        services.AddScoped<ContentService>();
        services.AddScoped<DownloadService>();
        return services;
    }
}
