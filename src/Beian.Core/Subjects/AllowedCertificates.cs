using Beian.Core.IdentityNumbers;

namespace Beian.Core.Subjects;

/// <summary>
/// Which 主办单位证件类型 fit which 主办单位性质 (seed 000 填写注意事项 4: 证件号码 … 与主办单位性质
/// 对应一致; an enterprise may not use an army code or a personal ID). Seed 003 lets units
/// without a credit code use a 营业执照 (经营性) or 组织机构代码证 (非经营性), so the
/// organisation code is allowed for every domestic civilian kind, enterprises included.
/// Personal certificates are never an organisation's certificate.
/// </summary>
public static class AllowedCertificates
{
    private static readonly Dictionary<OrganisationKind, CertificateType[]> ByKind = new()
    {
        [OrganisationKind.Enterprise] =
            [CertificateType.UnifiedSocialCreditCode, CertificateType.BusinessLicense, CertificateType.OrganizationCode],
        [OrganisationKind.GovernmentAgency] =
            [CertificateType.UnifiedSocialCreditCode, CertificateType.OrganizationCode],
        [OrganisationKind.PublicInstitution] =
            [CertificateType.UnifiedSocialCreditCode, CertificateType.PublicInstitutionCertificate, CertificateType.OrganizationCode],
        [OrganisationKind.SocialOrganization] =
            [CertificateType.UnifiedSocialCreditCode, CertificateType.SocialOrganizationCertificate, CertificateType.OrganizationCode],
        [OrganisationKind.MilitaryUnit] =
            [CertificateType.MilitaryUnitCode, CertificateType.UnifiedSocialCreditCode],
        [OrganisationKind.MilitaryAcademy] =
            [CertificateType.MilitaryUnitCode, CertificateType.UnifiedSocialCreditCode],
        [OrganisationKind.University] =
            [CertificateType.UnifiedSocialCreditCode, CertificateType.PublicInstitutionCertificate,
             CertificateType.PrivateNonEnterpriseCertificate, CertificateType.OrganizationCode],
        [OrganisationKind.PrivateNonEnterprise] =
            [CertificateType.UnifiedSocialCreditCode, CertificateType.PrivateNonEnterpriseCertificate, CertificateType.OrganizationCode],
        [OrganisationKind.Foundation] =
            [CertificateType.UnifiedSocialCreditCode, CertificateType.FoundationCertificate, CertificateType.OrganizationCode],
        [OrganisationKind.ForeignOrganization] =
            [CertificateType.ForeignOrganizationCertificate, CertificateType.UnifiedSocialCreditCode],
    };

    /// <summary>The certificate types an organisation of <paramref name="kind"/> may present, in drop-down order.</summary>
    public static IReadOnlyList<CertificateType> For(OrganisationKind kind) => ByKind[kind];

    public static bool Allows(OrganisationKind kind, CertificateType type) => ByKind[kind].Contains(type);

    /// <summary>The 负责人 always presents a personal certificate.</summary>
    public static IReadOnlyList<CertificateType> ForPrincipal => CertificateTypes.Personal;
}
