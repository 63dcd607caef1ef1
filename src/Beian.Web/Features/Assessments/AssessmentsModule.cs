using Beian.Core.Applications;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Police.Deadlines;
using Beian.Web.Features.Subjects;

namespace Beian.Web.Features.Assessments;

/// <summary>The 安全评估 capability: its service, its decisions' effects, its application kind and its deadline watch.</summary>
public static class AssessmentsModule
{
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddScoped<AssessmentTargets>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<AssessmentEffects>();
        services.AddScoped<AssessmentPrompts>();
        services.AddScoped<AssessmentOversight>();
        services.AddScoped<Police.Statistics.IStatisticsSection>(provider => provider.GetRequiredService<AssessmentOversight>());
        services.AddScoped<IApprovalNotes>(provider => provider.GetRequiredService<AssessmentPrompts>());
        services.AddScoped<AssessmentDeadlines>();
        services.AddScoped<IDeadlineCheck>(provider => provider.GetRequiredService<AssessmentDeadlines>());
        services.AddScoped<Calendar.IStoredDueDates>(provider => provider.GetRequiredService<AssessmentDeadlines>());
        services.AddScoped<IApplicationEffects>(provider => provider.GetRequiredService<AssessmentEffects>());
        services.AddScoped<ISubjectDependents>(provider => provider.GetRequiredService<AssessmentEffects>());
        services.AddScoped<IReviewChecks>(provider => provider.GetRequiredService<AssessmentEffects>());
        services.AddApplicationKind(ApplicationKindsRegistration.Kind<AssessmentForm>(BusinessType.Assessment,
            "/Features/Assessments/_AssessmentSnapshot.cshtml", AssessmentReviewFields.Of,
            correctionUrl: id => $"/Assessments/Correct?application={id}",
            draftOnRevoke: new RevokedDraft(BusinessType.Assessment, TargetsSubject: true, id => $"/Assessments/New?draft={id}")));
        return services;
    }
}
