namespace Beian.Core.IdentityNumbers;

/// <summary>Display names and the personal / organisational lists of <see cref="CertificateType"/>.</summary>
public static class CertificateTypes
{
    private static readonly Dictionary<CertificateType, string> Names = new()
    {
        [CertificateType.ResidentIdCard] = "居民身份证",
        [CertificateType.Passport] = "护照",
        [CertificateType.HongKongMacauPermit] = "港澳居民来往内地通行证",
        [CertificateType.TaiwanPermit] = "台湾居民来往大陆通行证",
        [CertificateType.ForeignPermanentResidentCard] = "外国人永久居留身份证",
        [CertificateType.HkMacaoTaiwanResidencePermit] = "港澳台居民居住证",
        [CertificateType.UnifiedSocialCreditCode] = "统一社会信用代码证",
        [CertificateType.BusinessLicense] = "营业执照",
        [CertificateType.OrganizationCode] = "组织机构代码证",
        [CertificateType.PublicInstitutionCertificate] = "事业单位法人证书",
        [CertificateType.SocialOrganizationCertificate] = "社会团体法人登记证书",
        [CertificateType.MilitaryUnitCode] = "军队单位代号",
        [CertificateType.PrivateNonEnterpriseCertificate] = "民办非企业单位登记证书",
        [CertificateType.FoundationCertificate] = "基金会法人登记证书",
        [CertificateType.ForeignOrganizationCertificate] = "境外组织证件",
    };

    /// <summary>负责人证件类型, in the order of the form's drop-down.</summary>
    public static IReadOnlyList<CertificateType> Personal { get; } =
    [
        CertificateType.ResidentIdCard,
        CertificateType.Passport,
        CertificateType.HongKongMacauPermit,
        CertificateType.TaiwanPermit,
        CertificateType.ForeignPermanentResidentCard,
        CertificateType.HkMacaoTaiwanResidencePermit,
    ];

    /// <summary>主办单位证件类型, in the order of the form's drop-down.</summary>
    public static IReadOnlyList<CertificateType> Organisational { get; } =
    [
        CertificateType.UnifiedSocialCreditCode,
        CertificateType.BusinessLicense,
        CertificateType.OrganizationCode,
        CertificateType.PublicInstitutionCertificate,
        CertificateType.SocialOrganizationCertificate,
        CertificateType.MilitaryUnitCode,
        CertificateType.PrivateNonEnterpriseCertificate,
        CertificateType.FoundationCertificate,
        CertificateType.ForeignOrganizationCertificate,
    ];

    public static string DisplayName(this CertificateType type) => Names[type];

    public static bool IsPersonal(this CertificateType type) => Personal.Contains(type);

    public static bool IsOrganisational(this CertificateType type) => Organisational.Contains(type);

    /// <summary>The type whose Chinese display name is <paramref name="displayName"/>; null if none.</summary>
    public static CertificateType? FromDisplayName(string? displayName)
    {
        foreach (var (type, name) in Names)
        {
            if (name == displayName?.Trim()) return type;
        }
        return null;
    }
}
