using Beian.Web.Features.Subjects;
using Beian.Web.Infrastructure.Jobs;
using Beian.Web.Infrastructure.RateLimits;

namespace Beian.Web.Features.PublicQuery;

/// <summary>公共查询's services: the read tables' projection and backfill, the queries, the shared rate limit.</summary>
public static class PublicQueryModule
{
    public static IServiceCollection AddPublicQuery(this IServiceCollection services)
    {
        services.AddScoped<PublicWebsiteProjection>();
        services.AddScoped<PublicServices>();
        // Stateless over singletons: nothing to build per request on the platform's busiest path.
        services.AddSingleton<PublicWebsiteQueries>();
        services.AddSingleton<PublicSearch>();
        services.AddSingleton<PublicServiceQueries>();
        services.AddSingleton<PublicServiceSearch>();
        services.AddScoped<PublicWebsiteBackfill>();
        services.AddScoped<IStartupBackfill>(s => s.GetRequiredService<PublicWebsiteBackfill>());
        services.AddScoped<CommonGrams>();
        services.AddHostedService<CommonGramsService>();
        services.AddSingleton<RateCounter>();
        services.AddHostedService<RateCounterSync>();
        services.AddSingleton<PublicQueryLimiter>();
        return services;
    }
}
