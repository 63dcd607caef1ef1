namespace Beian.Web.Features.Unfiled;

/// <summary>未备案网站 and 网站认领: the police import and the applicants' look-ups.</summary>
public static class UnfiledModule
{
    public static IServiceCollection AddUnfiled(this IServiceCollection services)
    {
        services.AddScoped<UnfiledImportService>();
        services.AddScoped<UnfiledPushes>();
        services.AddScoped<UnfiledAppDeadlines>();
        services.AddScoped<Police.Deadlines.IDeadlineCheck>(provider => provider.GetRequiredService<UnfiledAppDeadlines>());
        services.AddScoped<UnfiledQueries>();
        services.AddScoped<UnfiledOutcomes>();
        services.AddScoped<Subjects.ISubjectArrivals, UnfiledArrivals>();
        return services;
    }
}
