using Beian.Core.Filing;
using Beian.Web.Features.Applications;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Features.Subjects;

namespace Beian.Web.Features.Filing;

/// <summary>
/// A business that is not a website (APP, 小程序 …): on top of the shared filing, its public face is a
/// <see cref="PublicService"/> row, kept in the transaction of each decision.
/// </summary>
public abstract class ServiceFiling<TRecord, TForm>(BusinessFilingServices services, PublicServices publicServices)
    : BusinessFiling<TRecord, TForm>(services)
    where TRecord : BusinessRecord
    where TForm : class, IBusinessForm, new()
{
    /// <summary>Who files the service and how it is named, for the naming rules its step ② check runs.</summary>
    protected static FilingNameFacts NamingOf(Subject subject, SubjectForm subjectForm, IServiceInfo info, ServiceDeclarationFacts services) => new()
    {
        SubjectNature = subject.Nature, OrganisationKind = subjectForm.OrganisationKind, SubjectName = subject.Name, Name = info.Name,
        DeclaredPermits = services.DeclaredPermits,
    };

    /// <summary>平台 as 公共查询 shows it.</summary>
    protected abstract string PlatformsOf(TRecord record);

    protected override Task OnFiledAsync(TRecord record, TForm form, FilingApplication application, CancellationToken cancellationToken) =>
        publicServices.FiledAsync(record, PlatformsOf(record), cancellationToken);

    protected override Task OnChangedAsync(TRecord record, TForm form, CancellationToken cancellationToken) =>
        publicServices.FiledAsync(record, PlatformsOf(record), cancellationToken);

    protected override Task OnRemovedAsync(TRecord record, CancellationToken cancellationToken) => publicServices.RemoveAsync(record.Id, cancellationToken);

    public override Task OnSubjectChangedAsync(Subject subject, CancellationToken cancellationToken) =>
        publicServices.HolderChangedAsync(subject, Business.RecordType, cancellationToken);
}
