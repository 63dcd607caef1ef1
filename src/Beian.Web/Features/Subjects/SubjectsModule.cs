using Beian.Core.Applications;
using Beian.Web.Features.Applications;
using static Beian.Web.Features.Applications.ApplicationKindsRegistration;

namespace Beian.Web.Features.Subjects;

/// <summary>The 开办主体 capability's services and the kinds of its applications.</summary>
public static class SubjectsModule
{
    private const string SnapshotPartial = "/Features/Subjects/_SubjectSnapshot.cshtml";

    public static IServiceCollection AddSubjects(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentSubject>();
        services.AddScoped<SubjectChecks>();
        services.AddScoped<SubjectService>();
        services.AddScoped<SubjectCorrection>();
        services.AddScoped<SubjectTransferService>();
        services.AddScoped<IApplicationEffects, SubjectApplicationEffects>();
        services.AddScoped<IReviewChecks, SubjectReviewChecks>();
        string Correct(Guid id) => $"/Subjects/Correct?application={id}";
        services.AddApplicationKind(Kind<SubjectForm>(BusinessType.NewSubject, SnapshotPartial, SubjectReviewFields.Of, correctionUrl: Correct,
            draftOnRevoke: new RevokedDraft(BusinessType.NewSubject, TargetsSubject: false, id => $"/Subjects/New?draft={id}")));
        services.AddApplicationKind(Kind<SubjectForm>(BusinessType.ChangeSubject, SnapshotPartial, SubjectReviewFields.Of, SubjectFields.Diff, Correct,
            new RevokedDraft(BusinessType.ChangeSubject, TargetsSubject: true, id => $"/Subjects/Change?draft={id}")));
        services.AddApplicationKind(Kind<CancellationRequest>(BusinessType.CancelSubject, CancellationRequest.SnapshotPartial, CancellationRequest.ReviewFields));
        return services;
    }
}
