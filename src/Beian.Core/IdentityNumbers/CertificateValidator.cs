namespace Beian.Core.IdentityNumbers;

/// <summary>One entry point: the number checked by the validator of its certificate type.</summary>
public static class CertificateValidator
{
    public static CertificateCheck Check(CertificateType type, string? number, DateOnly today) => type switch
    {
        CertificateType.ResidentIdCard => ResidentIdCard.Check(number, today),
        CertificateType.Passport => Passport.Check(number),
        CertificateType.HongKongMacauPermit => HongKongMacauPermit.Check(number),
        CertificateType.TaiwanPermit => TaiwanPermit.Check(number),
        CertificateType.ForeignPermanentResidentCard => ForeignPermanentResidentCard.Check(number, today),
        CertificateType.HkMacaoTaiwanResidencePermit => HkMacaoTaiwanResidencePermit.Check(number, today),
        CertificateType.UnifiedSocialCreditCode => UnifiedSocialCreditCode.Check(number),
        CertificateType.BusinessLicense => BusinessLicense.Check(number),
        CertificateType.OrganizationCode => OrganizationCode.Check(number),
        CertificateType.PublicInstitutionCertificate => PublicInstitutionCertificate.Check(number),
        CertificateType.SocialOrganizationCertificate => SocialOrganizationCertificate.Check(number),
        CertificateType.MilitaryUnitCode => MilitaryUnitCode.Check(number),
        CertificateType.PrivateNonEnterpriseCertificate => PrivateNonEnterpriseCertificate.Check(number),
        CertificateType.FoundationCertificate => FoundationCertificate.Check(number),
        CertificateType.ForeignOrganizationCertificate => ForeignOrganizationCertificate.Check(number),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
