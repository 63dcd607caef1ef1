namespace Beian.Core.IdentityNumbers;

/// <summary>
/// Certificate types of the subject forms (seed 003/004): the first six identify a person
/// (负责人证件类型), the others an organisation (主办单位证件类型).
/// </summary>
public enum CertificateType
{
    // Personal
    ResidentIdCard,
    Passport,
    HongKongMacauPermit,
    TaiwanPermit,
    ForeignPermanentResidentCard,
    HkMacaoTaiwanResidencePermit,

    // Organisational
    UnifiedSocialCreditCode,
    BusinessLicense,
    OrganizationCode,
    PublicInstitutionCertificate,
    SocialOrganizationCertificate,
    MilitaryUnitCode,
    PrivateNonEnterpriseCertificate,
    FoundationCertificate,
    ForeignOrganizationCertificate,
}
