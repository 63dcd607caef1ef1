using Beian.Web.Features.Police.Statistics;

namespace Beian.Web.Features.Police;

/// <summary>The police console's services: the one due-date reckoning, the deadline watch and the statistics.</summary>
public static class PoliceModule
{
    public static IServiceCollection AddPolice(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Deadlines.DeadlineOptions>(configuration.GetSection("Deadlines"));
        services.AddScoped<Deadlines.DeadlineWatch>();
        services.AddHostedService<Deadlines.DeadlineWatchService>();
        services.AddScoped<ReviewDeadlines>();
        services.AddScoped<ReviewStatistics>();
        services.AddScoped<Uploads.IFileReadGrant, ReviewedFileGrant>();
        return services;
    }
}
