using System.Security.Cryptography;
using System.Text;
using Beian.Core.Applications;
using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Uploads;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Regions;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Websites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Demo;

/// <summary>
/// The filed websites of Development mode, so that 公共查询 and 备案展厅 show something to a first
/// visitor. They are filed as an applicant files them: the same checks, the same submissions, and
/// approval by the demo reviewer of 宁波市海曙区, which issues real 公安备案号. They live in 宁波 so
/// that the 杭州 demo reviewer and supervisor start with empty queues. Every step has a fixed
/// submission key, so a start interrupted half-way finishes the rest on the next one.
/// </summary>
public sealed class DemoFilings(
    BeianDbContext db,
    UserManager<ApplicationUser> users,
    SubjectChecks subjectChecks,
    SubjectService subjects,
    WebsiteService websites,
    ApplicationService applications,
    UploadService uploads,
    TimeProvider clock)
{
    public const string OwnerUserName = "siteowner";
    public const string ReviewerUserName = "reviewer330203";
    private const string County = "330203";

    public static async Task SeedAsync(IServiceProvider services) =>
        await ActivatorUtilities.CreateInstance<DemoFilings>(services).SeedAsync();

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var owner = await users.FindByNameAsync(OwnerUserName) ?? throw MissingAccount(OwnerUserName);
        var reviewer = await users.FindByNameAsync(ReviewerUserName) ?? throw MissingAccount(ReviewerUserName);
        foreach (var demo in DemoSubject.All)
        {
            var subjectId = await SubmitSubjectAsync(owner.Id, demo, cancellationToken);
            foreach (var site in demo.Sites)
                await FileSiteAsync(owner.Id, reviewer.Id, subjectId, demo, site, cancellationToken);
        }
    }

    private async Task<Guid> SubmitSubjectAsync(string ownerId, DemoSubject demo, CancellationToken cancellationToken)
    {
        var key = KeyOf($"subject:{demo.Key}");
        var application = await db.Applications.BySubmissionKeyAsync(ownerId, key, cancellationToken);
        if (application == null)
        {
            var form = await SubjectFormOfAsync(ownerId, demo, cancellationToken);
            var result = await subjects.SubmitNewAsync(ownerId, form, Accepted(subjectChecks.Check(form), demo.Name), key, cancellationToken);
            application = result.Application ?? throw Refused(demo.Name, result.Error);
        }
        return application.SubjectId;
    }

    /// <summary>Submits the site (with the subject while it waits) and approves it, unless that is done.</summary>
    private async Task FileSiteAsync(string ownerId, string reviewerId, Guid subjectId, DemoSubject demo, DemoSite site,
        CancellationToken cancellationToken)
    {
        var key = KeyOf($"website:{site.Domain}");
        var application = await db.Applications.BySubmissionKeyAsync(ownerId, key, cancellationToken)
            ?? await SubmitSiteAsync(ownerId, subjectId, demo, site, key, cancellationToken);
        if (application.Status == ApplicationStatus.Pending)
        {
            var approved = await applications.ApproveAsync(application.Id, reviewerId, "演示数据", cancellationToken);
            if (!approved.Succeeded && !await ApprovedMeanwhileAsync(application.Id, cancellationToken)) throw Refused(site.Name, approved.Error);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>Two nodes starting together both try the approval; the one that lost finds it done.</summary>
    private async Task<bool> ApprovedMeanwhileAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Applications.AnyAsync(a => a.Id == applicationId && a.Status == ApplicationStatus.Approved, cancellationToken);
    }

    /// <summary>The subject is read as it is now: an earlier site's approval may have approved it.</summary>
    private async Task<FilingApplication> SubmitSiteAsync(string ownerId, Guid subjectId, DemoSubject demo, DemoSite site, Guid key,
        CancellationToken cancellationToken)
    {
        var current = await db.Subjects.SingleAsync(s => s.Id == subjectId, cancellationToken);
        var form = await WebsiteFormOfAsync(ownerId, current, demo, site, cancellationToken);
        IBusinessFiling filing = websites;
        var findings = (await filing.CheckBasicInfoAsync(form, current, subjects.Read(current), null, cancellationToken))
            .Concat(filing.CheckPeople(form)).Concat(PeopleChecks.Consent(form)).ToList();
        var result = await websites.SubmitNewAsync(ownerId, current, form, Accepted(findings, site.Name), key, cancellationToken);
        return result.Application ?? throw Refused(site.Name, result.Error);
    }

    private async Task<SubjectForm> SubjectFormOfAsync(string ownerId, DemoSubject demo, CancellationToken cancellationToken)
    {
        var organisation = demo.Nature == SubjectNature.Organisation;
        return new SubjectForm
        {
            Nature = demo.Nature,
            OrganisationKind = organisation ? OrganisationKind.Enterprise : null,
            Organisation = organisation ? new OrganisationSection
            {
                Name = demo.Name,
                CertificateType = CertificateType.UnifiedSocialCreditCode,
                CertificateNumber = CreditCode(demo.CreditCodeBody!),
                LicenceFileId = await ImageAsync(ownerId, UploadPurpose.OrganisationLicence, "营业执照.png", cancellationToken),
                OfficeAddress = Address(demo.Address),
                LegalRepresentative = demo.Principal.Name,
            } : new OrganisationSection(),
            Principal = new PrincipalSection
            {
                Name = demo.Principal.Name,
                CertificateType = CertificateType.ResidentIdCard,
                CertificateNumber = demo.Principal.IdNumber,
                CertificateValidUntil = demo.Principal.IdValidUntil,
                IdFrontFileId = await ImageAsync(ownerId, UploadPurpose.IdFront, "人像面.png", cancellationToken),
                IdBackFileId = await ImageAsync(ownerId, UploadPurpose.IdBack, "国徽面.png", cancellationToken),
                IdHandheldFileId = await ImageAsync(ownerId, UploadPurpose.IdHandheld, "手持.png", cancellationToken),
                ResidenceAddress = Address(demo.Principal.Residence),
                Mobile = demo.Principal.Mobile,
                OfficePhone = demo.OfficePhone,
                Email = demo.Principal.Email,
            },
        };
    }

    private async Task<WebsiteForm> WebsiteFormOfAsync(string ownerId, Subject subject, DemoSubject demo, DemoSite site,
        CancellationToken cancellationToken)
    {
        var principal = await PersonAsync(ownerId, demo.Principal, cancellationToken);
        var contact = await PersonAsync(ownerId, demo.EmergencyContact, cancellationToken);
        return new WebsiteForm
        {
            SubjectId = subject.Id,
            BasicInfo = new WebsiteBasicInfo
            {
                Name = site.Name,
                HasIcpNumber = true,
                IcpNumber = site.IcpNumber,
                OpenedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-site.OpenedDaysAgo),
                MainDomain = site.Domain,
                SubDomainsText = "m." + site.Domain,
                IpsText = site.Ip,
                AccessProvider = Aliyun,
                AccessMethod = "云服务器",
                Registrar = Aliyun,
                ProvidesInteractiveServices = false,
                ServiceTypes = [ServiceType.Www],
                PublishesDangerousGoods = false,
                HasPrePermits = false,
                Languages = [SiteLanguage.SimplifiedChinese],
            },
            People = new BusinessPeople { Principal = principal, SecurityOfficer = principal, EmergencyContact = contact },
            Consent = true,
        };
    }

    private async Task<ResponsiblePerson> PersonAsync(string ownerId, DemoPerson person, CancellationToken cancellationToken) => new()
    {
        Name = person.Name,
        CertificateType = CertificateType.ResidentIdCard,
        CertificateNumber = person.IdNumber,
        CertificateValidUntil = person.IdValidUntil,
        IdFrontFileId = await ImageAsync(ownerId, UploadPurpose.IdFront, "人像面.png", cancellationToken),
        IdBackFileId = await ImageAsync(ownerId, UploadPurpose.IdBack, "国徽面.png", cancellationToken),
        Mobile = person.Mobile,
        Email = person.Email,
    };

    private static ProviderChoice Aliyun => new() { Scope = "境内", RegionCode = "330000", ProviderId = "aliyun", Name = "阿里云计算有限公司" };

    private async Task<Guid> ImageAsync(string ownerId, UploadPurpose purpose, string fileName, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(DemoImages.Sample());
        var saved = await uploads.SaveAsync(ownerId, purpose, fileName, content, cancellationToken);
        return saved.File?.Id ?? throw Refused(fileName, saved.Error);
    }

    /// <summary>A demo record that fails a check is a mistake in this file: say which, rather than seed it.</summary>
    private static IReadOnlyList<Finding> Accepted(IReadOnlyList<Finding> findings, string what)
    {
        var errors = findings.Where(f => f.Severity == Severity.Error).Select(f => $"{f.Field}: {f.Message}").ToList();
        return errors.Count == 0 ? findings : throw Refused(what, string.Join("；", errors));
    }

    private static AddressInput Address(string detail) =>
        new() { ProvinceCode = "330000", CityCode = "330200", CountyCode = County, Detail = detail };

    private static string CreditCode(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    /// <summary>The same Guid for the same step on every start: submissions are idempotent by key.</summary>
    private static Guid KeyOf(string step) => new(MD5.HashData(Encoding.UTF8.GetBytes("demo-filing:" + step)));

    private static InvalidOperationException MissingAccount(string userName) =>
        new($"The demo filings need the demo account {userName}; seed the demo accounts first.");

    private static InvalidOperationException Refused(string what, string? why) =>
        new($"The demo filing “{what}” was refused: {why}");
}
