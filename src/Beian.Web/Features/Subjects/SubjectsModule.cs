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
        services.AddScoped<SubjectCorrection>();
        services.AddScoped<SubjectTransferService>();
        services.AddScoped<IApplicationEffects, SubjectApplicationEffects>();
        services.AddScoped<IReviewChecks, SubjectReviewChecks>();
        SnapshotViews.Register(BusinessType.NewSubject, typeof(SubjectForm), "/Features/Subjects/_SubjectSnapshot.cshtml");
        SnapshotViews.Register(BusinessType.ChangeSubject, typeof(SubjectForm), "/Features/Subjects/_SubjectSnapshot.cshtml");
        ChangeDiffs.Register<SubjectForm>(BusinessType.ChangeSubject, SubjectFields.Diff);
        SnapshotViews.Register(BusinessType.CancelSubject, typeof(CancellationRequest), "/Features/Subjects/_CancellationSnapshot.cshtml");
        ReviewFields.Register<SubjectForm>(BusinessType.NewSubject, SubjectReviewFields.Of);
        ReviewFields.Register<SubjectForm>(BusinessType.ChangeSubject, SubjectReviewFields.Of);
        ReviewFields.Register<CancellationRequest>(BusinessType.CancelSubject, cancellation =>
        [
            new("PrincipalName", "注销申请", "负责人姓名", cancellation.PrincipalName),
            new("Reason", "注销申请", "注销原因", cancellation.Reason),
            new("AttachmentFileId", "注销申请", "附件", cancellation.AttachmentFileId == null ? "无" : "已上传", FileId: cancellation.AttachmentFileId),
        ]);
        return services;
    }
}
