using Beian.Core.Accounts;
using Beian.Core.Regions;
using Beian.Core.Rules;

namespace Beian.Core.Reporting;

/// <summary>What 服务商申请 and 应用市场申请 are checked against before they are submitted.</summary>
public sealed record ReporterFacts(
    ReporterRole Role,
    bool SubjectIsOrganisation,
    ProviderServices Services,
    string? LicenceNumber,
    string? RegionCode,
    string? ContactName,
    string? ContactMobile);

/// <summary>
/// The pre-check of 服务商申请 / 应用市场申请 (SPEC §5): a 单位 subject; a provider names at least one service
/// and holds a B1 licence, a store a B2 licence; the region where it operates (down to the county); a contact reachable by mobile for its reports' notices.
/// </summary>
public static class ReporterRules
{
    public const int MaxContactName = 30;

    public static IReadOnlyList<Finding> Check(ReporterFacts facts, RegionCatalog regions) =>
    [
        .. Subject(facts),
        .. Services(facts),
        .. Licence(facts),
        .. Region(facts, regions),
        .. Contact(facts),
    ];

    public static string RequiredCategory(ReporterRole role) => role == ReporterRole.ServiceProvider ? "B1" : "B2";

    private static IEnumerable<Finding> Subject(ReporterFacts facts)
    {
        if (!facts.SubjectIsOrganisation)
            yield return Finding.Error("REPORTER-SUBJECT", ReporterFields.Subject, $"{facts.Role.Label()}须由单位主体申请，个人主体不能申请");
    }

    private static IEnumerable<Finding> Services(ReporterFacts facts)
    {
        if (facts.Role == ReporterRole.ServiceProvider && facts.Services == ProviderServices.None)
            yield return Finding.Error("REPORTER-SERVICES", ReporterFields.Services, "请至少选择一种服务类型");
    }

    private static IEnumerable<Finding> Licence(ReporterFacts facts)
    {
        var category = RequiredCategory(facts.Role);
        if (string.IsNullOrWhiteSpace(facts.LicenceNumber))
            yield return Finding.Error("REPORTER-LICENCE-REQUIRED", ReporterFields.Licence, "请填写增值电信业务经营许可证编号");
        else if (!TelecomLicence.TryParse(facts.LicenceNumber, out var licence))
            yield return Finding.Error("REPORTER-LICENCE-FORMAT", ReporterFields.Licence,
                $"许可证编号格式不正确，应如“{category}-20160211”或“浙{category}-20080224”");
        else if (licence.Category != category)
            yield return Finding.Error("REPORTER-LICENCE-CATEGORY", ReporterFields.Licence, facts.Role == ReporterRole.ServiceProvider
                ? "IDC、云服务、CDN和接入服务须持有第一类增值电信业务（B1）经营许可证"
                : "应用市场须持有第二类增值电信业务（B2）经营许可证");
    }

    private static IEnumerable<Finding> Region(ReporterFacts facts, RegionCatalog regions)
    {
        if (!regions.IsLowest(facts.RegionCode))
            yield return Finding.Error("REPORTER-REGION-REQUIRED", ReporterFields.Region, "请选择经营地址所在的省份、城市和区县");
    }

    private static IEnumerable<Finding> Contact(ReporterFacts facts)
    {
        var name = facts.ContactName?.Trim();
        if (string.IsNullOrEmpty(name)) yield return Finding.Error("REPORTER-CONTACT-REQUIRED", ReporterFields.ContactName, "请填写业务联系人姓名");
        else if (name.Length > MaxContactName)
            yield return Finding.Error("REPORTER-CONTACT-LENGTH", ReporterFields.ContactName, $"业务联系人姓名不能超过{MaxContactName}个字");
        if (string.IsNullOrWhiteSpace(facts.ContactMobile))
            yield return Finding.Error("REPORTER-MOBILE-REQUIRED", ReporterFields.ContactMobile, "请填写业务联系人手机号码");
        else if (!MobileNumber.IsValid(facts.ContactMobile))
            yield return Finding.Error("REPORTER-MOBILE-FORMAT", ReporterFields.ContactMobile, "手机号码格式不正确，应为11位数字");
    }
}
