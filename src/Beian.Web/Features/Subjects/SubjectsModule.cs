using Beian.Core.Applications;
using Beian.Web.Features.Applications;

namespace Beian.Web.Features.Subjects;

/// <summary>The 开办主体 capability's services and the views of its applications.</summary>
public static class SubjectsModule
{
    public static IServiceCollection AddSubjects(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentSubject>();
        services.AddScoped<SubjectChecks>();
        services.AddScoped<SubjectService>();
        services.AddScoped<SubjectTransferService>();
        services.AddScoped<IApplicationEffects, SubjectApplicationEffects>();
        SnapshotViews.Register(BusinessType.NewSubject, typeof(SubjectForm), "/Features/Subjects/_SubjectSnapshot.cshtml");
        SnapshotViews.Register(BusinessType.ChangeSubject, typeof(SubjectForm), "/Features/Subjects/_SubjectSnapshot.cshtml");
        ChangeDiffs.Register<SubjectForm>(BusinessType.ChangeSubject, SubjectFields.Diff);
        SnapshotViews.Register(BusinessType.CancelSubject, typeof(CancellationRequest), "/Features/Subjects/_CancellationSnapshot.cshtml");
        return services;
    }
}
