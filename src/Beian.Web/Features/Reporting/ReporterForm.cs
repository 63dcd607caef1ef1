using Beian.Core.Accounts;
using Beian.Core.Regions;
using Beian.Core.Reporting;

namespace Beian.Web.Features.Reporting;

/// <summary>服务商申请 / 应用市场申请 as typed: kept encrypted with its application (the contact's mobile is personal data).</summary>
public sealed class ReporterForm
{
    public ReporterRole Role { get; set; }
    public Guid SubjectId { get; set; }
    public List<ProviderServices> Services { get; set; } = [];
    public string? LicenceNumber { get; set; }
    /// <summary>经营地址: the region decides nothing of the review (the subject's jurisdiction reviews), but reports without a region of their own are placed here.</summary>
    public Regions.AddressInput Address { get; set; } = new();
    public string? RegionCode => Address.RegionCode(RegionCatalog.Default);
    public string? ContactName { get; set; }
    public string? ContactMobile { get; set; }

    public ProviderServices ServiceFlags => Services.Aggregate(ProviderServices.None, (all, one) => all | one);

    public ReporterFacts Facts(bool subjectIsOrganisation) =>
        new(Role, subjectIsOrganisation, ServiceFlags, LicenceNumber, RegionCode, ContactName, ContactMobile);

    /// <summary>The form as it is kept: trimmed, the licence and mobile in their normal forms.</summary>
    public void Normalize()
    {
        LicenceNumber = TelecomLicence.TryParse(LicenceNumber, out var licence) ? licence.Value : LicenceNumber?.Trim();
        ContactName = ContactName?.Trim();
        ContactMobile = string.IsNullOrWhiteSpace(ContactMobile) ? ContactMobile : MobileNumber.Normalize(ContactMobile);
        Services = Services.Distinct().Where(s => s != ProviderServices.None).ToList();
        if (Role == ReporterRole.AppStore) Services.Clear();
    }

    /// <summary>The title lists and messages use: "杭州云栖科技有限公司（服务商：IDC/虚拟主机、CDN）".</summary>
    public string Title(string subjectName) =>
        Role == ReporterRole.ServiceProvider ? $"{subjectName}（服务商：{ServiceFlags.Label()}）" : $"{subjectName}（应用市场）";
}
