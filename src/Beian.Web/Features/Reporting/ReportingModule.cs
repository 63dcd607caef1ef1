using Beian.Core.Applications;
using Beian.Core.Reporting;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Subjects;

namespace Beian.Web.Features.Reporting;

/// <summary>服务商业务 and 应用市场业务: the application and its review, the reports (file, API, background reading), the filing look-up.</summary>
public static class ReportingModule
{
    public const string SnapshotPartial = "/Features/Reporting/_ReporterSnapshot.cshtml";

    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<ReporterService>();
        services.AddScoped<ReporterEffects>();
        services.AddScoped<IApplicationEffects>(provider => provider.GetRequiredService<ReporterEffects>());
        services.AddScoped<ISubjectDependents>(provider => provider.GetRequiredService<ReporterEffects>());
        services.AddScoped<IReviewChecks>(provider => provider.GetRequiredService<ReporterEffects>());
        services.AddScoped<ReportIntake>();
        services.AddScoped<ReportIngestion>();
        services.AddScoped<ReportProcessor>();
        services.AddScoped<FilingStatusLookup>();
        services.AddScoped<ReportingOversight>();
        services.AddScoped<ReportedCounts>();
        services.AddScoped<ReportedCountsBackfill>();
        services.AddScoped<Infrastructure.Jobs.IStartupBackfill>(s => s.GetRequiredService<ReportedCountsBackfill>());
        services.AddScoped<Police.Statistics.IStatisticsSection>(provider => provider.GetRequiredService<ReportingOversight>());
        services.AddHostedService<ReportProcessing>();
        foreach (var role in Enum.GetValues<ReporterRole>())
            services.AddApplicationKind(ApplicationKindsRegistration.Kind<ReporterForm>(ReporterService.TypeOf(role), SnapshotPartial,
                ReporterReviewFields.Of, correctionUrl: id => ReporterRoutes.CorrectionPath(role, id)));
        return services;
    }
}
