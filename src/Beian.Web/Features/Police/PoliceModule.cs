using Beian.Web.Features.Police.Statistics;

namespace Beian.Web.Features.Police;

/// <summary>The police console's services: the one due-date reckoning, the deadline watch, the statistics (with their kept counts) and the list exports.</summary>
public static class PoliceModule
{
    public static IServiceCollection AddPolice(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Deadlines.DeadlineOptions>(configuration.GetSection("Deadlines"));
        services.AddScoped<Deadlines.DeadlineWatch>();
        services.AddHostedService<Deadlines.DeadlineWatchService>();
        services.AddScoped<ReviewDeadlines>();
        services.AddScoped<ReviewStatistics>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ReviewCountRecorder>();
        services.AddScoped<ReviewCountsFold>();
        services.AddHostedService<ReviewCountsFoldJob>();
        services.AddScoped<Infrastructure.Jobs.IStartupBackfill, ReviewCountsBackfill>();
        services.AddScoped<Uploads.IFileReadGrant, ReviewedFileGrant>();
        services.Configure<Exports.ExportOptions>(configuration.GetSection("Exports"));
        services.AddScoped<QueueList>();
        services.AddScoped<FiledWebsiteList>();
        services.AddScoped<Assessments.AssessmentExport>();
        services.AddScoped<Exports.IListExport>(s => s.GetRequiredService<QueueList>());
        services.AddScoped<Exports.IListExport>(s => s.GetRequiredService<FiledWebsiteList>());
        services.AddScoped<Exports.IListExport>(s => s.GetRequiredService<Assessments.AssessmentExport>());
        services.AddScoped<Exports.BackgroundExportJobs>();
        services.AddScoped<Exports.PoliceExports>();
        services.AddHostedService<Exports.BackgroundExportRunner>();
        return services;
    }
}
