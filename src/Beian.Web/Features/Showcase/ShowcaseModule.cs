namespace Beian.Web.Features.Showcase;

/// <summary>The 备案展厅's services. One call in ServiceRegistration.</summary>
public static class ShowcaseModule
{
    public static IServiceCollection AddShowcase(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ShowcaseOptions>(configuration.GetSection("Showcase"));
        services.AddSingleton<ShowcaseCache>();
        services.AddScoped<ShowcaseList>();
        return services;
    }
}
