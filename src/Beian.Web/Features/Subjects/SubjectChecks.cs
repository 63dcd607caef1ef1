using Beian.Core.Regions;
using Beian.Core.Rules;
using Beian.Web.Features.Regions;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// Everything checked before a subject form is accepted: the fields a person must fill, the
/// addresses' structure (one branch of the region tree), the uploads, and the pre-check rules of
/// Beian.Core. Field names are paths inside <see cref="SubjectForm"/>.
/// </summary>
public sealed class SubjectChecks(RegionCatalog regions, TimeProvider clock)
{
    public IReadOnlyList<Finding> Check(SubjectForm form)
    {
        var findings = new List<Finding>();
        // Every missing field is reported at once, even before the nature is chosen.
        if (form.Nature == null) findings.Add(Required("Nature", "请选择开办主体性质"));
        if (form.IsOrganisation) CheckOrganisation(form.Organisation, form, findings);
        CheckPrincipal(form.Principal, findings);
        findings.AddRange(SubjectContentRules.Check(form, BeijingToday()));
        return OnePerField(findings);
    }

    private void CheckOrganisation(OrganisationSection organisation, SubjectForm form, List<Finding> findings)
    {
        if (form.OrganisationKind == null) findings.Add(Required("OrganisationKind", "请选择主办单位性质"));
        RequireText(findings, "Organisation.Name", organisation.Name, "请填写主办单位名称");
        if (organisation.CertificateType == null) findings.Add(Required("Organisation.CertificateType", "请选择主办单位证件类型"));
        RequireText(findings, "Organisation.CertificateNumber", organisation.CertificateNumber, "请填写主办单位证件号");
        if (organisation.LicenceFileId == null) findings.Add(Required("Organisation.LicenceFileId", "请上传主办单位有效证件"));
        CheckAddress(findings, "Organisation.OfficeAddress", organisation.OfficeAddress, required: true);
        CheckAddress(findings, "Organisation.RegisteredAddress", organisation.RegisteredAddress, required: false);
        RequireText(findings, "Organisation.LegalRepresentative", organisation.LegalRepresentative, "请填写法定代表人姓名");
    }

    private void CheckPrincipal(PrincipalSection principal, List<Finding> findings)
    {
        RequireText(findings, "Principal.Name", principal.Name, "请填写负责人姓名");
        if (principal.CertificateType == null) findings.Add(Required("Principal.CertificateType", "请选择负责人证件类型"));
        RequireText(findings, "Principal.CertificateNumber", principal.CertificateNumber, "请填写负责人证件号码");
        if (!principal.CertificateLongTerm && principal.CertificateValidUntil == null)
            findings.Add(Required("Principal.CertificateValidUntil", "请填写证件有效期限结束日期，或勾选长期有效"));
        if (principal.IdFrontFileId == null) findings.Add(Required("Principal.IdFrontFileId", "请上传身份证人像面"));
        if (principal.IdBackFileId == null) findings.Add(Required("Principal.IdBackFileId", "请上传身份证国徽面"));
        if (principal.IdHandheldFileId == null) findings.Add(Required("Principal.IdHandheldFileId", "请上传身份证手持照片"));
        CheckAddress(findings, "Principal.ResidenceAddress", principal.ResidenceAddress, required: true);
        RequireText(findings, "Principal.Mobile", principal.Mobile, "请填写负责人手机号码");
    }

    /// <summary>
    /// Required-field checks here and in the rules may both speak about one field: the person sees
    /// the first error of each field only (warnings are kept).
    /// </summary>
    private static IReadOnlyList<Finding> OnePerField(List<Finding> findings)
    {
        var seen = new HashSet<string>();
        return findings.Where(f => f.Severity == Severity.Warning || seen.Add(f.Field)).ToList();
    }

    private void CheckAddress(List<Finding> findings, string prefix, AddressInput address, bool required)
    {
        foreach (var (field, message) in address.Validate(regions, required))
            findings.Add(new Finding("SUBJ-ADDRESS", $"{prefix}.{field}", Severity.Error, message));
    }

    private static void RequireText(List<Finding> findings, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) findings.Add(Required(field, message));
    }

    private static Finding Required(string field, string message) => new("SUBJ-REQUIRED", field, Severity.Error, message);

    private DateOnly BeijingToday() => Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow());
}
