using System.Globalization;
using Beian.Core.IdentityNumbers;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Regions;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;

namespace Beian.Bench;

/// <summary>
/// Forms with every field a real filing fills (people with ID numbers and mobiles, addresses, ICP number, IPs,
/// providers, attachments), so that what the benchmarks store is as large as a real deployment's contents.
/// </summary>
public static class FullForms
{
    public static WebsiteForm Website(Guid subjectId, string name, string mainDomain, IEnumerable<string> subDomains, int index) => new()
    {
        SubjectId = subjectId,
        BasicInfo = new WebsiteBasicInfo
        {
            Name = name, HasIcpNumber = true, IcpNumber = $"浙ICP备{12345678 + index % 8000000}号-1", OpenedOn = new DateOnly(2020 + index % 6, 1 + index % 12, 1),
            HasDomain = true, MainDomain = mainDomain, DomainCertificateFileId = Guid.CreateVersion7(), SubDomainsText = string.Join('\n', subDomains),
            IpsText = $"47.96.{index % 250 + 1}.{index / 250 % 250 + 1}\n47.96.{index % 250 + 1}.{index / 250 % 250 + 2}",
            AccessProvider = Aliyun, AccessMethod = "云服务器", Registrar = Aliyun, ProvidesInteractiveServices = false,
            ServiceTypes = [ServiceType.Www], PublishesDangerousGoods = false, HasPrePermits = false, Languages = [SiteLanguage.SimplifiedChinese],
        },
        People = new BusinessPeople { Principal = Person(index), SecurityOfficer = Person(index + 1), EmergencyContact = Person(index + 2) },
        Consent = true,
    };

    public static SubjectForm Subject(SubjectNature nature, string name, int index)
    {
        var address = new AddressInput { ProvinceCode = "330000", CityCode = "330100", CountyCode = "330106", Detail = $"文三路{index % 900 + 1}号华星科技大厦{index % 20 + 1}楼" };
        var person = Person(index);
        return new SubjectForm
        {
            Nature = nature,
            OrganisationKind = nature == SubjectNature.Organisation ? OrganisationKind.Enterprise : null,
            Organisation = nature == SubjectNature.Organisation
                ? new OrganisationSection
                {
                    Name = name, CertificateType = CertificateType.UnifiedSocialCreditCode, CertificateNumber = $"91330106MA{index % 100000000:D8}",
                    LicenceFileId = Guid.CreateVersion7(), OfficeAddress = address, RegisteredAddress = address, LegalRepresentative = person.Name,
                }
                : new OrganisationSection(),
            Principal = new PrincipalSection
            {
                Name = person.Name, CertificateType = CertificateType.ResidentIdCard, CertificateNumber = person.CertificateNumber,
                CertificateValidUntil = person.CertificateValidUntil, IdFrontFileId = Guid.CreateVersion7(), IdBackFileId = Guid.CreateVersion7(),
                IdHandheldFileId = Guid.CreateVersion7(), ResidenceAddress = address, Mobile = person.Mobile, OfficePhone = "0571-88886666",
                Email = person.Email,
            },
        };
    }

    public static ResponsiblePerson Person(int index) => new()
    {
        Name = "王建华", CertificateType = CertificateType.ResidentIdCard, CertificateNumber = IdNumber(index),
        CertificateValidUntil = new DateOnly(2036, 5, 1), Mobile = "1390571" + (index % 10000).ToString("D4", CultureInfo.InvariantCulture),
        Email = $"admin{index % 10000}@example.com",
    };

    /// <summary>A valid 居民身份证 number, different per index (up to a thousand).</summary>
    public static string IdNumber(int index)
    {
        var body = "33010619850101" + (index % 1000).ToString("D3", CultureInfo.InvariantCulture);
        return body + Gb11643.CheckCharacter(body);
    }

    private static ProviderChoice Aliyun => new() { Scope = "境内", RegionCode = "330000", ProviderId = "aliyun", Name = "阿里云计算有限公司" };
}
